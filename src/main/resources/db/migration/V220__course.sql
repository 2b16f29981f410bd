-- Én indgang (issue 16, DOMAIN.md §4-§5): inquiries (henvendelser), course types as data, courses (forløb) with
-- their phases, contacts, relatives' involvement and exits (udgange). Portable SQL: runs unchanged on H2 and PostgreSQL.

-- An inquiry as the host records it, or as the public form and /mig send it. citizen_id stays empty for a relative's
-- advice or an anonymous caller until someone links it (linked_by, link_reason say who and why).
CREATE TABLE course_inquiry (
    id               UUID          PRIMARY KEY,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    channel          VARCHAR(20)   NOT NULL,
    source           VARCHAR(20)   NOT NULL,
    contact_name     VARCHAR(200),
    contact_route    VARCHAR(200),
    on_behalf_of     VARCHAR(200),
    wish             VARCHAR(2000) NOT NULL,
    urgency          VARCHAR(10)   NOT NULL,
    citizen_knows    VARCHAR(20)   NOT NULL,
    young            BOOLEAN       NOT NULL DEFAULT FALSE,
    citizen_id       UUID          REFERENCES citizen (id) ON DELETE SET NULL,
    linked_at        TIMESTAMP WITH TIME ZONE,
    linked_by        VARCHAR(100),
    link_reason      VARCHAR(500),
    contacted_at     TIMESTAMP WITH TIME ZONE,
    contacted_by     VARCHAR(100),
    outcome          VARCHAR(20),
    outcome_note     VARCHAR(1000),
    closed_at        TIMESTAMP WITH TIME ZONE,
    anonymised_at    TIMESTAMP WITH TIME ZONE,
    recorded_by      VARCHAR(100),
    version          BIGINT        NOT NULL
);
-- The host's board: today's and open inquiries by arrival; retention by age.
CREATE INDEX course_inquiry_received_idx ON course_inquiry (received_at);
CREATE INDEX course_inquiry_open_idx ON course_inquiry (closed_at, received_at);
CREATE INDEX course_inquiry_citizen_idx ON course_inquiry (citizen_id, received_at);

-- Course types are data: a municipality edits the shipped ones and adds its own. Each version is kept.
CREATE TABLE course_type (
    id                UUID          PRIMARY KEY,
    code              VARCHAR(40)   NOT NULL UNIQUE,
    name              VARCHAR(200)  NOT NULL,
    description       VARCHAR(2000) NOT NULL,
    default_team      VARCHAR(60)   NOT NULL,
    instrument_code   VARCHAR(60),
    peer_host_offered BOOLEAN       NOT NULL DEFAULT FALSE,
    min_age           INTEGER,
    max_age           INTEGER,
    shared_analysis   BOOLEAN       NOT NULL DEFAULT FALSE,
    own_goals         BOOLEAN       NOT NULL DEFAULT FALSE,
    active            BOOLEAN       NOT NULL DEFAULT TRUE,
    version           BIGINT        NOT NULL,
    changed_by        VARCHAR(100)  NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A type's phases in order: planned length and planned intensity (contacts a week; 0.5 = every two weeks).
CREATE TABLE course_type_phase (
    type_id           UUID          NOT NULL REFERENCES course_type (id) ON DELETE CASCADE,
    position          INTEGER       NOT NULL,
    name              VARCHAR(100)  NOT NULL,
    planned_weeks     INTEGER       NOT NULL,
    contacts_per_week DECIMAL(5, 2) NOT NULL,
    PRIMARY KEY (type_id, position)
);

-- Every saved version of a type, as the history on the administrator's page shows it.
CREATE TABLE course_type_version (
    type_id           UUID          NOT NULL REFERENCES course_type (id) ON DELETE CASCADE,
    version           BIGINT        NOT NULL,
    summary           VARCHAR(4000) NOT NULL,
    note              VARCHAR(1000),
    changed_by        VARCHAR(100)  NOT NULL,
    changed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (type_id, version)
);

-- Forløb: states as FHIR EpisodeOfCare. inquiry_received_at is copied so time to start is one column away.
-- returned_after_days: the citizen's earlier course had ended that many days before this one started.
CREATE TABLE course (
    id                   UUID          PRIMARY KEY,
    citizen_id           UUID          NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    inquiry_id           UUID          REFERENCES course_inquiry (id) ON DELETE SET NULL,
    inquiry_received_at  TIMESTAMP WITH TIME ZONE,
    type_id              UUID          NOT NULL REFERENCES course_type (id),
    team                 VARCHAR(60)   NOT NULL,
    responsible          VARCHAR(100)  NOT NULL,
    peer_host            VARCHAR(200),
    status               VARCHAR(12)   NOT NULL,
    phase                INTEGER       NOT NULL,
    phase_started_on     DATE          NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    returned_after_days  INTEGER,
    planned_exit         VARCHAR(20)   NOT NULL,
    planned_exit_to      VARCHAR(200),
    planned_exit_on      DATE          NOT NULL,
    exit_kind            VARCHAR(20),
    exit_to              VARCHAR(200),
    exit_on              DATE,
    exit_citizen_agrees  BOOLEAN,
    exit_note            VARCHAR(1000),
    shared_analysis      VARCHAR(4000),
    own_goals            VARCHAR(2000),
    ended_at             TIMESTAMP WITH TIME ZONE,
    version              BIGINT        NOT NULL,
    created_by           VARCHAR(100)  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by           VARCHAR(100)  NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX course_citizen_idx ON course (citizen_id, started_at);
CREATE INDEX course_team_idx ON course (team, status, started_at);
CREATE INDEX course_inquiry_idx ON course (inquiry_id);

-- Every change of state or phase: who, when, from which to which, and why (a move backwards needs a reason).
CREATE TABLE course_change (
    course_id    UUID          NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    position     INTEGER       NOT NULL,
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(100)  NOT NULL,
    from_status  VARCHAR(12),
    to_status    VARCHAR(12)   NOT NULL,
    from_phase   INTEGER,
    to_phase     INTEGER       NOT NULL,
    reason       VARCHAR(1000),
    PRIMARY KEY (course_id, position)
);

-- Contacts on a course, recorded quickly; appended, never edited.
CREATE TABLE course_contact (
    id           UUID          PRIMARY KEY,
    course_id    UUID          NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    citizen_id   UUID          NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    kind         VARCHAR(20)   NOT NULL,
    who          VARCHAR(200)  NOT NULL,
    happened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    minutes      INTEGER       NOT NULL,
    note         VARCHAR(500),
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX course_contact_course_idx ON course_contact (course_id, happened_at);
CREATE INDEX course_contact_citizen_idx ON course_contact (citizen_id, happened_at);

-- Relatives involved on the citizen's wish (a consent to share with relatives in force); children and young
-- relatives are marked so they get attention.
CREATE TABLE course_relative (
    id           UUID          PRIMARY KEY,
    course_id    UUID          NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    name         VARCHAR(200)  NOT NULL,
    relation     VARCHAR(100)  NOT NULL,
    young        BOOLEAN       NOT NULL,
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX course_relative_course_idx ON course_relative (course_id);

-- The eight recommendations for relatives' involvement (Socialstyrelsen) as a checklist the team follows up.
CREATE TABLE course_recommendation (
    course_id    UUID          NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    code         VARCHAR(30)   NOT NULL,
    done_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    done_by      VARCHAR(100)  NOT NULL,
    PRIMARY KEY (course_id, code)
);
