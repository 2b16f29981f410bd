-- No silent loss (issue 12). Portable SQL: runs unchanged on H2 and PostgreSQL.
-- content_hash: SHA-256 of the message's canonical form (the bundle without its envelope id, timestamp and meta,
-- narratives left out, encoded as FHIR JSON), so a message whose MessageHeader id was seen before is recognised
-- as the same message (idempotent) or as another message reusing the id (409, kept for an administrator), and a
-- resent message that is still waiting in quarantine for the same reason is not kept twice.
-- warnings: the consistency checks that did not hold for an applied message (Danish, one per line).
ALTER TABLE hospital_message ADD COLUMN content_hash VARCHAR(64);
ALTER TABLE hospital_message ADD COLUMN warnings VARCHAR(2000);
CREATE INDEX hospital_message_message_id ON hospital_message (message_id);
