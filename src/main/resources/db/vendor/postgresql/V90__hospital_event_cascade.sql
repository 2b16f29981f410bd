-- A citizen deleted by retention (brobygger.citizen.retention-mode=delete) takes their hospital timeline
-- along, as every other module's rows about a citizen do; V75 created the foreign key without it, so the
-- delete failed for any citizen with a hospital event. The constraint had PostgreSQL's generated name;
-- it gets a name of its own now. (H2 needs its own file: it generated another name.)
ALTER TABLE hospital_event DROP CONSTRAINT hospital_event_citizen_id_fkey;
ALTER TABLE hospital_event ADD CONSTRAINT hospital_event_citizen_fk
    FOREIGN KEY (citizen_id) REFERENCES citizen (id) ON DELETE CASCADE;
