-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.1,
-- schema-postgresql.sql): every event a module listener must receive is written here in the publisher's
-- transaction and marked completed when the listener has run, so an event whose listener failed is retried
-- (EventRetry), never lost. Made by Flyway (spring.modulith.events.jdbc.schema-initialization is off) so the
-- schema is versioned with the rest; IF NOT EXISTS because databases made before this migration have the
-- table from Spring Modulith.
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
