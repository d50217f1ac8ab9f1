-- LDAP: the directory an organization uses, and the directory username a user logged in with
-- (HTTP Basic accepts it beside the email, as clients keep the name as typed).

ALTER TABLE organization ADD COLUMN directory VARCHAR(255);
ALTER TABLE zauth_user ADD COLUMN directory_username VARCHAR(255);
