-- Logning, striped: the audit log is 32 hash chains ("stripes") instead of one, so that concurrent
-- requests append without waiting for each other. An append locks the first stripe no other
-- transaction holds (SELECT ... FOR UPDATE SKIP LOCKED), links its record to that stripe's last one
-- and moves the stripe's head, all in the caller's transaction. Within a stripe, position is 1, 2, 3,
-- ... without gaps, so a missing position is a deleted record; across stripes, id (from the sequence
-- audit_record_id, created in V67) orders records in time. The hash format is unchanged
-- (dk.brobygger.audit.AuditHash, v1): previous_hash is the previous record of the same stripe.
-- Existing records become stripe 1, positions equal to their ids, so their hashes stay valid.
ALTER TABLE audit_record ADD COLUMN stripe INT;
ALTER TABLE audit_record ADD COLUMN position BIGINT;
UPDATE audit_record SET stripe = 1, position = id;
ALTER TABLE audit_record ALTER COLUMN stripe SET NOT NULL;
ALTER TABLE audit_record ALTER COLUMN position SET NOT NULL;
CREATE UNIQUE INDEX audit_record_chain ON audit_record (stripe, position);

-- One row per stripe. last_*: the end of the stripe (verification notices records cut off the end).
-- anchor_*: where the stripe starts after retention removed its oldest records: the position, id and
-- hash of the last removed record (0, 0 and 64 zeros while nothing has been removed), and how many
-- records were removed in all, so what remains still verifies from the anchor.
CREATE TABLE audit_stripe (
    stripe          INT      PRIMARY KEY,
    last_position   BIGINT   NOT NULL,
    last_id         BIGINT   NOT NULL,
    last_hash       CHAR(64) NOT NULL,
    anchor_position BIGINT   NOT NULL,
    anchor_id       BIGINT   NOT NULL,
    anchor_hash     CHAR(64) NOT NULL,
    removed         BIGINT   NOT NULL
);

INSERT INTO audit_stripe (stripe, last_position, last_id, last_hash, anchor_position, anchor_id, anchor_hash, removed)
SELECT 1, last_id, last_id, last_hash, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0
FROM audit_chain_head WHERE id = 1;

INSERT INTO audit_stripe (stripe, last_position, last_id, last_hash, anchor_position, anchor_id, anchor_hash, removed)
SELECT n, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000',
       0, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0
FROM (VALUES (2), (3), (4), (5), (6), (7), (8), (9), (10), (11), (12), (13), (14), (15), (16), (17),
             (18), (19), (20), (21), (22), (23), (24), (25), (26), (27), (28), (29), (30), (31), (32)) AS stripes (n);

DROP TABLE audit_chain_head;
