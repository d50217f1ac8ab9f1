-- Rate limits: an organization's own login limit (null: the server default), and the resets an
-- administrator or a password change asked for, which a server counting in memory consults.

ALTER TABLE organization ADD COLUMN login_rate_limit_attempts INTEGER;
ALTER TABLE organization ADD COLUMN login_rate_limit_window_seconds INTEGER;

CREATE TABLE rate_limit_reset (
    bucket   VARCHAR(128) NOT NULL PRIMARY KEY,
    reset_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
