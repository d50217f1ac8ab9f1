-- The cost classes (algorithm and parameters) of the password hashes an organization's users hold,
-- space-separated: a wrong password in the organization is made to cost the costliest of them,
-- so that timing does not tell imported users from others. NULL until zauth first counts them
-- (at start-up, for organizations that existed before this migration).

ALTER TABLE organization ADD COLUMN password_hash_classes VARCHAR(2000);
