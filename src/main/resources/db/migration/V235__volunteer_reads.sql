-- Who has seen a volunteer's data (issue 15: volunteers' own data follow the same insight rules as staff): each time
-- someone who keeps the volunteer opened their record or their photo, and each time the citizen they go with saw
-- the photo. The volunteer reads it on /frivillig/oplysninger. reader_name is the member of staff's or association
-- contact's name; a citizen is never named (reader_kind CITIZEN). Deleted when the volunteer is anonymised.
CREATE TABLE volunteer_read (
    volunteer_id  UUID          NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    read_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reader_kind   VARCHAR(20)   NOT NULL,
    reader        VARCHAR(100),
    reader_name   VARCHAR(200),
    what          VARCHAR(20)   NOT NULL
);
CREATE INDEX volunteer_read_idx ON volunteer_read (volunteer_id, read_at);
