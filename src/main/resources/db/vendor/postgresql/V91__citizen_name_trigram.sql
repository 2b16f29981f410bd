-- Name search (dk.brobygger.citizen.CitizenSearch) asks for LOWER(name) LIKE '%text%': a leading wildcard,
-- so no b-tree helps and a user who may see many citizens made PostgreSQL read the whole table (700-950 ms
-- at 1,000,000 citizens). A trigram index serves the same expression; CitizenSearch uses it only when the
-- user sees 5,000 citizens or more, because for fewer the primary key is faster. Anonymised citizens are
-- never searched for, so they are left out of the index.
--
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the database's
-- owner may create it without being superuser (it needs CREATE on the database). On PostgreSQL 12 or older,
-- a superuser must run CREATE EXTENSION pg_trgm once before this migration.
--
-- Building the index took 12 s for 1,000,000 citizens on the 2-core test machine; writes to citizen wait
-- for it meanwhile (reads do not).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX citizen_name_trgm ON citizen USING gin (lower(name) gin_trgm_ops) WHERE anonymised_at IS NULL;
