-- Login attempt limits counted across nodes (issue 14): Bucket4j's PostgreSQL proxy manager keeps one bucket per
-- key (a user name from a client address, or a client address) here; access.internal.LoginAttempts.
-- PostgreSQL only: on the embedded H2 database there is one node, and the buckets live in its memory.
CREATE TABLE access_login_limit (
    id         VARCHAR(200) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX access_login_limit_expires_at ON access_login_limit (expires_at);
