-- Migration number: 0073 	 account_languages
-- The language each person last used (a sign-up, a sign-in, a reset, a password change), so an
-- email nothing asked for just then (the "password changed" notice, the note to the owner of an
-- address someone signed up with, the fresh link after "this wasn't me") is written in it. A
-- pending sign-up keeps its sign-up's language, which the account takes over when it is confirmed.
-- NULL: never stated; such emails use DEFAULT_LOCALE.
ALTER TABLE accounts ADD COLUMN locale TEXT;
ALTER TABLE pending_sign_ups ADD COLUMN locale TEXT;

-- The development outbox keeps each message's language, as its Content-Language header says it.
ALTER TABLE mail_outbox ADD COLUMN content_language TEXT;
