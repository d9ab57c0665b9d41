-- Migration number: 0006 	 purge_indexes
-- The scheduled purge deletes outbox messages by age; without this index each run would read
-- the whole table.
CREATE INDEX mail_outbox_by_creation ON mail_outbox (created_at);
