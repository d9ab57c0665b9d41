-- Migration number: 0070 	 csrf_key_from_hmac_key
-- The CSRF signing key is now derived from the HMAC_KEY secret (HKDF with its own label), so it is
-- no longer kept in D1: a copy of the database must reveal no secret. Forms opened before this
-- migration fail their next submit once with "form expired" and work again after a reload.
DROP TABLE web_secrets;
