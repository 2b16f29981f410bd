-- A citizen deleted by retention (brobygger.citizen.retention-mode=delete) takes their hospital timeline
-- along, as every other module's rows about a citizen do; V75 created the foreign key without it, so the
-- delete failed for any citizen with a hospital event. CONSTRAINT_30D is the name H2 generated for it in
-- V75 (from the table name's hash; see INFORMATION_SCHEMA.TABLE_CONSTRAINTS); it gets a name of its own now.
ALTER TABLE hospital_event DROP CONSTRAINT CONSTRAINT_30D;
ALTER TABLE hospital_event ADD CONSTRAINT hospital_event_citizen_fk
    FOREIGN KEY (citizen_id) REFERENCES citizen (id) ON DELETE CASCADE;
