-- A volunteer's own photo for the citizen they go with (one per volunteer, re-encoded JPEG without metadata).
-- Binary columns differ: BYTEA here, VARBINARY on H2.
CREATE TABLE volunteer_photo (
    volunteer_id  UUID         PRIMARY KEY REFERENCES volunteer (id) ON DELETE CASCADE,
    image         BYTEA        NOT NULL,
    uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
