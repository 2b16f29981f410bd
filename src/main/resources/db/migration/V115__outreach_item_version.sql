-- An outreach item is a Spring Data JDBC aggregate that guards its own closing and withdrawal; two people
-- closing the same item at once must not both succeed, so it gets the optimistic-locking version the other
-- aggregates have. Existing items and the nightly evaluation's inserts start at 0.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE outreach_item ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
