-- Samtykke: what may be shared with whom, from when, until when or until withdrawn. Never deleted:
-- a withdrawal is recorded, so the history shows what was allowed at any time.
CREATE TABLE consent (
    id              UUID          PRIMARY KEY,
    citizen_id      UUID          NOT NULL REFERENCES citizen (id),
    party           VARCHAR(30)   NOT NULL,
    party_name      VARCHAR(200),
    scope           VARCHAR(1000) NOT NULL,
    given_on        DATE          NOT NULL,
    valid_until     DATE,
    recorded_by     VARCHAR(100)  NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    withdrawn_at    TIMESTAMP WITH TIME ZONE,
    withdrawn_by    VARCHAR(100)
);
CREATE INDEX consent_citizen_idx ON consent (citizen_id, party);
