-- Sygehusadviser (MedCom HospitalNotification, DOMAIN.md §7). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- Every message received at /fhir/$process-message that was accepted or kept for an administrator.
-- accepted_key is the MessageHeader id of an accepted message and NULL otherwise: the unique index makes
-- intake idempotent (the same message twice is applied once, even when both arrive at the same moment),
-- while a rejected message may be sent again once its problem is fixed.
CREATE TABLE hospital_message (
    id              UUID            PRIMARY KEY,
    message_id      VARCHAR(100),
    accepted_key    VARCHAR(100),
    bundle_id       VARCHAR(100),
    media_type      VARCHAR(100)    NOT NULL,
    body            VARCHAR(1000000) NOT NULL,
    received_at     TIMESTAMP       NOT NULL,
    received_by     VARCHAR(100)    NOT NULL,
    outcome         VARCHAR(12)     NOT NULL,
    event_code      VARCHAR(10),
    citizen_id      UUID,
    reason          VARCHAR(30),
    detail          VARCHAR(2000),
    handled_at      TIMESTAMP,
    handled_by      VARCHAR(100),
    CONSTRAINT hospital_message_accepted_unique UNIQUE (accepted_key)
);

CREATE INDEX hospital_message_quarantine ON hospital_message (outcome, handled_at, received_at);

-- The citizen's hospital timeline. A revised or cancelled event stays as history: its status says what
-- happened to it, ended_at when, and ended_by the message that did it.
CREATE TABLE hospital_event (
    id              UUID            PRIMARY KEY,
    citizen_id      UUID            NOT NULL REFERENCES citizen (id),
    code            VARCHAR(4)      NOT NULL,
    occurred_at     TIMESTAMP       NOT NULL,
    episode         VARCHAR(100),
    message_id      UUID            NOT NULL REFERENCES hospital_message (id),
    revises         UUID            REFERENCES hospital_event (id),
    status          VARCHAR(10)     NOT NULL,
    ended_at        TIMESTAMP,
    ended_by        UUID            REFERENCES hospital_message (id),
    recorded_at     TIMESTAMP       NOT NULL
);

CREATE INDEX hospital_event_citizen ON hospital_event (citizen_id, occurred_at);
CREATE INDEX hospital_event_message ON hospital_event (message_id);
