-- Migration number: 0074 	 webhook_events
-- The webhook outbox. An event is inserted by the same D1 batch that makes it true (a confirmed
-- sign-up, a completed reset, a changed or locked password), so no crash can lose one; the queue
-- message that delivers it names only its id. `id` is the Standard Webhooks `webhook-id`, the same
-- on every retry. `source_key` names what the event is about, so emitting it twice (a redelivered
-- job) stores it once. The body never holds a token, a code, a password, a hash or a link.
CREATE TABLE webhook_events (
  id TEXT PRIMARY KEY,
  source_key TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'queued', 'delivered', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- The cron sweep looks for events whose queue message never went out.
CREATE INDEX webhook_events_by_status ON webhook_events (status, created_at);
