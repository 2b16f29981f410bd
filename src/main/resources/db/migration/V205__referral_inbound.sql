-- Henvisninger udefra (issue 15): referrals another system (a GP system, the region) sends to /fhir as a FHIR
-- transaction Bundle (Patient with CPR, ServiceRequest, Task). Each lands for the municipal team that owns such
-- requests (brobygger.referral.external-team). One whose CPR number names nobody in the register is kept in
-- quarantine (citizen_id NULL) until staff have dealt with it. Portable SQL: runs unchanged on H2 and PostgreSQL.
-- content: the bundle as it came (FHIR JSON), kept so nothing sent is lost; wish: what the referral asks for
-- (ServiceRequest.code), requester: who referred, as the sender named them. content_hash: SHA-256 of content, so
-- the same bundle sent again by the same system while the first is not yet handled is recognised, not kept twice.
CREATE TABLE referral_inbound (
    id              UUID            PRIMARY KEY,
    received_at     TIMESTAMP       NOT NULL,
    received_by     VARCHAR(100)    NOT NULL,
    team            VARCHAR(100)    NOT NULL,
    citizen_id      UUID            REFERENCES citizen (id) ON DELETE CASCADE,
    quarantined     BOOLEAN         NOT NULL,
    requester       VARCHAR(200),
    wish            VARCHAR(500)    NOT NULL,
    note            VARCHAR(2000),
    content         VARCHAR(1000000) NOT NULL,
    content_hash    VARCHAR(64)     NOT NULL,
    handled_at      TIMESTAMP,
    handled_by      VARCHAR(100),
    version         BIGINT          NOT NULL
);

CREATE INDEX referral_inbound_team_idx ON referral_inbound (team, handled_at, received_at);
CREATE INDEX referral_inbound_citizen_idx ON referral_inbound (citizen_id);
CREATE INDEX referral_inbound_hash_idx ON referral_inbound (content_hash);
