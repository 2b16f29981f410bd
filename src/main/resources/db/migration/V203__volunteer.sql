-- Følgeskab (issue 15): the register of volunteers and peers who go with a citizen the first time, the municipality's
-- own (organization_id NULL) and the associations'. Module referral owns these tables (TableOwnershipTests.OWNERS).
-- vetted_until is kept by the aggregate: the day the first required requirement lapses (9999-12-31 when none
-- lapses), NULL while one is missing; with stage it is what the suggestions filter on, so only vetted, onboarded
-- volunteers are ever ranked. Portable SQL: runs unchanged on H2 and PostgreSQL.
CREATE TABLE volunteer (
    id                        UUID          PRIMARY KEY,
    organization_id           UUID,
    organization_name         VARCHAR(200),
    name                      VARCHAR(200)  NOT NULL,
    phone                     VARCHAR(40),
    email                     VARCHAR(200),
    postcode                  VARCHAR(4)    NOT NULL,
    district                  VARCHAR(60),
    peer                      BOOLEAN       NOT NULL DEFAULT FALSE,
    criminal_record_required  BOOLEAN       NOT NULL DEFAULT TRUE,
    stage                     VARCHAR(20)   NOT NULL,
    vetted_until              DATE,
    username                  VARCHAR(100)  UNIQUE,
    version                   BIGINT        NOT NULL,
    created_by                VARCHAR(100)  NOT NULL,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by                VARCHAR(100)  NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL
);
-- The suggestions: onboarded volunteers still vetted on the day asked for.
CREATE INDEX volunteer_assignable_idx ON volunteer (stage, vetted_until, postcode);
-- The lists: an association's own volunteers, the municipality's (organization_id NULL), by name.
CREATE INDEX volunteer_organization_idx ON volunteer (organization_id, name);
CREATE INDEX volunteer_name_idx ON volunteer (name);

CREATE TABLE volunteer_interest (
    volunteer_id  UUID         NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    interest      VARCHAR(30)  NOT NULL,
    PRIMARY KEY (volunteer_id, interest)
);
-- The suggestions count shared interests from the interests asked for, not per volunteer.
CREATE INDEX volunteer_interest_idx ON volunteer_interest (interest, volunteer_id);

-- Languages as written, lower case ("dansk", "arabisk"), compared with the citizen's language.
CREATE TABLE volunteer_language (
    volunteer_id  UUID         NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    language      VARCHAR(40)  NOT NULL,
    PRIMARY KEY (volunteer_id, language)
);
CREATE INDEX volunteer_language_idx ON volunteer_language (language, volunteer_id);

-- When the volunteer can: a weekday and a part of the day (MORNING, AFTERNOON, EVENING as directory.TimeOfDay).
CREATE TABLE volunteer_availability (
    volunteer_id  UUID         NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    weekday       VARCHAR(10)  NOT NULL,
    part_of_day   VARCHAR(10)  NOT NULL,
    PRIMARY KEY (volunteer_id, weekday, part_of_day)
);
CREATE INDEX volunteer_availability_idx ON volunteer_availability (weekday, part_of_day, volunteer_id);

-- Vetting: the criminal-record certificate (where required), the signed confidentiality agreement, training (peer
-- training for peers); each met on a day and lapsing on another (NULL: does not lapse).
CREATE TABLE volunteer_requirement (
    volunteer_id  UUID         NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    kind          VARCHAR(30)  NOT NULL,
    met_on        DATE         NOT NULL,
    expires_on    DATE,
    PRIMARY KEY (volunteer_id, kind)
);
CREATE INDEX volunteer_requirement_expiry_idx ON volunteer_requirement (expires_on);

-- Every change of stage: who, when, from which to which and why. Never removed while the volunteer exists.
CREATE TABLE volunteer_change (
    volunteer_id  UUID           NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    position      INTEGER        NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by    VARCHAR(100)   NOT NULL,
    from_stage    VARCHAR(20),
    to_stage      VARCHAR(20)    NOT NULL,
    reason        VARCHAR(1000),
    PRIMARY KEY (volunteer_id, position)
);

-- A volunteer asked to go with the citizen of one referral: proposed, accepted or declined by the volunteer, handed
-- back when the volunteer leaves, ended when the referral stops sharing; the meeting point and time of the first
-- visit, and the volunteer's two-tap report after it.
CREATE TABLE volunteer_assignment (
    id             UUID           PRIMARY KEY,
    volunteer_id   UUID           NOT NULL REFERENCES volunteer (id) ON DELETE CASCADE,
    referral_id    UUID           NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
    status         VARCHAR(20)    NOT NULL,
    meeting_at     TIMESTAMP,
    meeting_place  VARCHAR(300),
    visit          VARCHAR(20),
    next_step      VARCHAR(20),
    reason         VARCHAR(1000),
    assigned_by    VARCHAR(100)   NOT NULL,
    assigned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    answered_at    TIMESTAMP WITH TIME ZONE,
    reported_at    TIMESTAMP WITH TIME ZONE,
    version        BIGINT         NOT NULL
);
-- A volunteer's load (open assignments) and own list; a referral's assignments.
CREATE INDEX volunteer_assignment_volunteer_idx ON volunteer_assignment (volunteer_id, status);
CREATE INDEX volunteer_assignment_referral_idx ON volunteer_assignment (referral_id, status);
CREATE INDEX volunteer_assignment_status_idx ON volunteer_assignment (status, volunteer_id);

-- The secret links to a person's calendar feed (/kalender/{token}.ics): only the SHA-256 of the token is kept, so
-- the link cannot be read back from the database; renewing replaces it, revoking removes it.
CREATE TABLE referral_calendar_link (
    username    VARCHAR(100)  PRIMARY KEY,
    token_hash  VARCHAR(64)   NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
