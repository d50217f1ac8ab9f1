-- API keys at rest: a keyed digest (HMAC-SHA-256) to find the user by key, and the key sealed
-- with AES-256-GCM so that fetch_api_key returns the same key. Neither is usable without the
-- server's secrets. SQL cannot compute the HMAC, so keys stored in plaintext by V1 stay in
-- api_key until the start-up step key.PlaintextKeyConversion protects them and clears it.

ALTER TABLE zauth_user ADD COLUMN api_key_digest VARCHAR(64);
ALTER TABLE zauth_user ADD COLUMN api_key_sealed VARCHAR(128);
ALTER TABLE zauth_user ADD CONSTRAINT zauth_user_api_key_digest_key UNIQUE (api_key_digest);
ALTER TABLE zauth_user ALTER COLUMN api_key DROP NOT NULL;
