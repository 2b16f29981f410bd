-- Hedensted's hand-held bridging: one assignment covers several accompanied times with falling support (along the
-- whole way, meeting at the door, a phone call before) until the citizen goes alone; each time is kept in order.
CREATE TABLE volunteer_accompaniment (
    assignment_id  UUID         NOT NULL REFERENCES volunteer_assignment (id) ON DELETE CASCADE,
    position       INTEGER      NOT NULL,
    happened_on    DATE         NOT NULL,
    support        VARCHAR(20)  NOT NULL,
    minutes        INTEGER,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (assignment_id, position),
    CONSTRAINT volunteer_accompaniment_support_ck CHECK (support IN ('ALL_THE_WAY', 'AT_THE_DOOR', 'PHONE_BEFORE', 'ALONE'))
);
