-- Brobygning (issue 15): closed-loop referrals of a citizen to an offer in the directory, with the states of
-- FHIR Task (DOMAIN.md §8) and every change kept. The offer and its organisation are named by id and copied by
-- name (the directory's tables are its own); the association's inbox reads organization_id.
-- What is shared with the association is recorded with the referral: the fields the citizen agreed to
-- (shared_fields: FIRST_NAME, CONTACT, WORDS) and the values as they were sent.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE referral (
    id                UUID          PRIMARY KEY,
    citizen_id        UUID          NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    offer_id          UUID          NOT NULL,
    offer_name        VARCHAR(200)  NOT NULL,
    organization_id   UUID          NOT NULL,
    organization_name VARCHAR(200)  NOT NULL,
    referrer          VARCHAR(100)  NOT NULL,
    team              VARCHAR(60)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    business_status   VARCHAR(40),
    status_reason     VARCHAR(1000),
    outcome           VARCHAR(1000),
    needs_support     VARCHAR(30),
    accompaniment     BOOLEAN       NOT NULL DEFAULT FALSE,
    shared_fields     VARCHAR(100)  NOT NULL DEFAULT '',
    first_name        VARCHAR(100),
    contact           VARCHAR(200),
    citizen_words     VARCHAR(2000),
    first_date        TIMESTAMP,
    attendances       INTEGER       NOT NULL DEFAULT 0,
    requested_at      TIMESTAMP WITH TIME ZONE,
    answered_at       TIMESTAMP WITH TIME ZONE,
    reminded_at       TIMESTAMP WITH TIME ZONE,
    flagged_at        TIMESTAMP WITH TIME ZONE,
    version           BIGINT        NOT NULL,
    created_by        VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(100)  NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX referral_citizen_idx ON referral (citizen_id, created_at);
-- The association's inbox: its organisation's referrals by state, newest first.
CREATE INDEX referral_organization_idx ON referral (organization_id, status, created_at);
-- The referrer's list and the 14-day flag.
CREATE INDEX referral_referrer_idx ON referral (referrer, status, requested_at);
CREATE INDEX referral_team_idx ON referral (team, status, requested_at);
CREATE INDEX referral_status_requested_idx ON referral (status, requested_at);
CREATE INDEX referral_offer_idx ON referral (offer_id, citizen_id, status);

-- Every change of a referral: who, when, from which state to which, the business status and why. Reopening
-- adds rows; none is ever removed while the referral exists.
CREATE TABLE referral_change (
    referral_id       UUID          NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    position          INTEGER       NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by        VARCHAR(100)  NOT NULL,
    from_status       VARCHAR(20),
    to_status         VARCHAR(20)   NOT NULL,
    business_status   VARCHAR(40),
    reason            VARCHAR(1000),
    PRIMARY KEY (referral_id, position)
);

-- In-app notifications (referral.Notifications): to a user, or to every contact of an organisation.
CREATE TABLE referral_notification (
    id                UUID          PRIMARY KEY,
    recipient         VARCHAR(100),
    organization_id   UUID,
    referral_id       UUID          NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    message_key       VARCHAR(100)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at           TIMESTAMP WITH TIME ZONE
);
CREATE INDEX referral_notification_recipient_idx ON referral_notification (recipient, created_at);
CREATE INDEX referral_notification_organization_idx ON referral_notification (organization_id, created_at);

-- Published API of the referral module: the referrals' states and dates without names, words or contact
-- details, for statistics (the funnel: referred, accepted, first visit, attending regularly) and other modules'
-- set-based reads.
CREATE VIEW referral_view AS
SELECT id, citizen_id, offer_id, organization_id, team, status, business_status, needs_support, accompaniment,
       attendances, requested_at, answered_at, created_at
  FROM referral;
