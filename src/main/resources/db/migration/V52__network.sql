-- Netværk: the people around a citizen, private (relatives, friends, neighbours) and professional
-- (GP, psychiatrist, F-ACT team, home care, association contact). Removed members stay as history.
CREATE TABLE network_member (
    id              UUID          PRIMARY KEY,
    citizen_id      UUID          NOT NULL REFERENCES citizen (id),
    kind            VARCHAR(20)   NOT NULL,
    name            VARCHAR(200)  NOT NULL,
    role            VARCHAR(200)  NOT NULL,
    closeness       INTEGER       NOT NULL,
    phone           VARCHAR(40),
    email           VARCHAR(200),
    added_by        VARCHAR(100)  NOT NULL,
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    removed_at      TIMESTAMP WITH TIME ZONE,
    removed_by      VARCHAR(100),
    CONSTRAINT network_member_closeness_ck CHECK (closeness BETWEEN 1 AND 3)
);
CREATE INDEX network_member_citizen_idx ON network_member (citizen_id, removed_at);
