-- Borgere: the citizen record. Portable SQL: runs unchanged on H2 and PostgreSQL.
-- birth_date and sex are derived from the CPR number by the application and stored only so that
-- queries (age bands, "turns 75 this year", statistics by sex) need not decode the CPR century rule in SQL.
-- district is checked against the district table by the application, not by a foreign key, so the
-- directory may rebuild its district list without touching citizens.
CREATE TABLE citizen (
    id                  UUID          PRIMARY KEY,
    cpr                 CHAR(10)      NOT NULL,
    birth_date          DATE          NOT NULL,
    sex                 VARCHAR(6)    NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    address             VARCHAR(200),
    postcode            VARCHAR(4),
    district            VARCHAR(20),
    phone               VARCHAR(40),
    email               VARCHAR(200),
    living_situation    VARCHAR(20),
    language            VARCHAR(40),
    needs_interpreter   BOOLEAN       NOT NULL,
    transport_notes     VARCHAR(1000),
    version             BIGINT        NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    created_by          VARCHAR(100)  NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    updated_by          VARCHAR(100)  NOT NULL,
    CONSTRAINT citizen_cpr_unique UNIQUE (cpr)
);

CREATE INDEX citizen_name ON citizen (name);
CREATE INDEX citizen_birth_date ON citizen (birth_date);
CREATE INDEX citizen_district ON citizen (district);
