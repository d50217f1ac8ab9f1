-- Which digest key the stored API-key digests were made with, as a fingerprint (an HMAC of a fixed
-- text under that key, which reveals nothing of it). When a server starts with another digest key,
-- it indexes every key again and records the new fingerprint; until then none is recorded.

CREATE TABLE api_key_digest_key (
    id          INTEGER PRIMARY KEY,
    fingerprint VARCHAR(64) NOT NULL
);
