-- Instruments are data (DOMAIN.md §9): each definition is kept whole, per code and version, so a
-- score can always be read against the exact items and scoring it was given with.
CREATE TABLE instrument (
    code         VARCHAR(60)   NOT NULL,
    version      VARCHAR(100)  NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    licence      VARCHAR(1000) NOT NULL,
    shipped      BOOLEAN       NOT NULL,
    definition   VARCHAR(100000) NOT NULL,
    loaded_by    VARCHAR(100)  NOT NULL,
    loaded_at    TIMESTAMP     NOT NULL,
    PRIMARY KEY (code, version)
);

CREATE TABLE instrument_response (
    id                 UUID          PRIMARY KEY,
    citizen_id         UUID          NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    instrument_code    VARCHAR(60)   NOT NULL,
    instrument_version VARCHAR(100)  NOT NULL,
    answers            VARCHAR(4000) NOT NULL,
    score              NUMERIC(10, 2) NOT NULL,
    band               VARCHAR(200),
    answered_on        DATE          NOT NULL,
    context            VARCHAR(200),
    recorded_by        VARCHAR(100)  NOT NULL,
    recorded_at        TIMESTAMP     NOT NULL,
    FOREIGN KEY (instrument_code, instrument_version) REFERENCES instrument (code, version)
);

CREATE INDEX instrument_response_citizen ON instrument_response (citizen_id, instrument_code, answered_on);
