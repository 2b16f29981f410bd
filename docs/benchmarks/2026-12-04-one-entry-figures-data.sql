\set ON_ERROR_STOP 1
DROP SCHEMA IF EXISTS perf CASCADE; CREATE SCHEMA perf; SET search_path = perf;
CREATE TABLE citizen (id uuid PRIMARY KEY, birth_date date NOT NULL);
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
-- The seven course types the seeds name (003 Rødovre, 004 Socialstyrelsen, 001 Fællesteam), as data an administrator
-- edits at /admin/forloebstyper. Durations in weeks, intensity in contacts a week (0.5 every two weeks, 0.25 monthly).
INSERT INTO course_type (id, code, name, description, default_team, instrument_code, peer_host_offered, min_age, max_age,
                         shared_analysis, own_goals, active, version, changed_by, changed_at) VALUES
('c0000000-0000-4000-8000-000000000001', 'kort-forloeb', 'Kort forløb i Én indgang',
 'Ikke-visiteret forløb, der starter samme dag som henvendelsen. Højst 12 uger, med en planlagt udgang til et fællesskab.',
 'en-indgang', 'ucla-3', TRUE, NULL, NULL, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000002', 'ungeraadgivning', 'Rådgivende samtaler for unge 12-25 år',
 'Rådgivende samtaler for unge, med tilbud til forældre og søskende om en netværksgruppe.',
 'ungeindsats', 'ucla-3', TRUE, 12, 25, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000003', 'cti', 'CTI - Critical Time Intervention',
 'Kontaktetablering og tre faser på cirka tre måneder, hvor støtten aftager, mens opgaverne overgår til borgeren og netværket. Cirka 20 borgere pr. medarbejder.',
 'socialpsykiatri', 'ucla-3', FALSE, NULL, NULL, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000004', 'peerstoette', 'Peerstøtte',
 'En peer med egne erfaringer er vært eller følger borgeren, når borgeren ønsker det.',
 'en-indgang', 'ucla-3', TRUE, NULL, NULL, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000005', 'integreret-indsats', 'Integreret indsats for psykiatri og misbrug',
 'Ét forløb med én fælles problemanalyse, skrevet sammen af kommunen og regionen.',
 'socialpsykiatri', NULL, FALSE, NULL, NULL, TRUE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000006', 'medicinpaedagogik', 'Medicinpædagogik',
 'Borgerens egne mål for at håndtere sin medicin, og opfølgning på dem.',
 'socialpsykiatri', NULL, FALSE, NULL, NULL, FALSE, TRUE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000007', 'haandholdt-brobygning', 'Håndholdt brobygning (Fællesteam)',
 'Fællesteamet planlægger overgangen til et fællesskab fra første besøg og sørger for følgeskab.',
 'faellesteam', 'ucla-3', TRUE, NULL, NULL, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00');

INSERT INTO course_type_phase (type_id, position, name, planned_weeks, contacts_per_week) VALUES
('c0000000-0000-4000-8000-000000000001', 0, 'Forløb', 12, 1.00),
('c0000000-0000-4000-8000-000000000002', 0, 'Samtaler', 10, 1.00),
('c0000000-0000-4000-8000-000000000002', 1, 'Netværksgruppe', 6, 0.50),
('c0000000-0000-4000-8000-000000000003', 0, 'Kontaktetablering', 4, 1.00),
('c0000000-0000-4000-8000-000000000003', 1, 'Overgang', 13, 1.00),
('c0000000-0000-4000-8000-000000000003', 2, 'Afprøvning', 13, 0.50),
('c0000000-0000-4000-8000-000000000003', 3, 'Overdragelse', 13, 0.25),
('c0000000-0000-4000-8000-000000000004', 0, 'Peerforløb', 16, 1.00),
('c0000000-0000-4000-8000-000000000005', 0, 'Fælles problemanalyse', 4, 1.00),
('c0000000-0000-4000-8000-000000000005', 1, 'Fælles forløb', 26, 0.50),
('c0000000-0000-4000-8000-000000000006', 0, 'Egne mål', 4, 1.00),
('c0000000-0000-4000-8000-000000000006', 1, 'Opfølgning', 12, 0.25),
('c0000000-0000-4000-8000-000000000007', 0, 'Første besøg og plan', 2, 1.00),
('c0000000-0000-4000-8000-000000000007', 1, 'Følgeskab', 8, 1.00),
('c0000000-0000-4000-8000-000000000007', 2, 'På egen hånd', 6, 0.25);

INSERT INTO course_type_version (type_id, version, summary, note, changed_by, changed_at)
SELECT id, 0, name, 'Leveret med Brobygger', 'system', TIMESTAMP '2026-01-01 00:00:00' FROM course_type;
CREATE VIEW citizen_register_view AS SELECT id, birth_date FROM citizen;
SET synchronous_commit = off;
-- 1,000,000 citizens aged 5-90
INSERT INTO citizen SELECT md5('c' || n)::uuid, DATE '1936-01-01' + (random() * 85 * 365)::int FROM generate_series(0, 999999) n;
-- 2,000,000 courses started evenly over 2022-2026 (400,000 a year), each after an inquiry 0-30 hours before
INSERT INTO course_inquiry (id, received_at, channel, source, wish, urgency, citizen_knows, young, citizen_id, version)
SELECT md5('i' || n)::uuid, TIMESTAMPTZ '2022-01-01 00:00+01' + (n * interval '78.84 seconds') - (random() * 30 * interval '1 hour'),
       (ARRAY['WALK_IN','PHONE','EMAIL','PUBLIC_FORM','MY_PAGE','MEETING'])[1 + n % 6],
       (ARRAY['CITIZEN','RELATIVE','ASSOCIATION','GP','PSYCHOLOGIST','REGION','SCHOOL','JOBCENTRE','ANONYMOUS'])[1 + n % 9],
       'x', 'TODAY', 'UNKNOWN', n % 5 = 0, md5('c' || (n % 1000000))::uuid, 0
  FROM generate_series(0, 1999999) n;
INSERT INTO course (id, citizen_id, inquiry_id, inquiry_received_at, type_id, team, responsible, status, phase,
                    phase_started_on, started_at, returned_after_days, planned_exit, planned_exit_on, exit_kind, exit_on,
                    ended_at, version, created_by, created_at, updated_by, updated_at)
SELECT md5('k' || n)::uuid, md5('c' || (n % 1000000))::uuid, i.id, i.received_at,
       ('c0000000-0000-4000-8000-00000000000' || (1 + n % 7))::uuid, 'en-indgang', 'vaert',
       CASE WHEN n % 3 = 0 THEN 'ACTIVE' WHEN n % 3 = 1 THEN 'FINISHED' ELSE 'CANCELLED' END, n % 2,
       DATE '2022-01-01', TIMESTAMPTZ '2022-01-01 00:00+01' + (n * interval '78.84 seconds'),
       CASE WHEN n % 4 = 0 THEN (n % 400) END, 'COMMUNITY', DATE '2030-01-01',
       CASE WHEN n % 3 = 1 THEN (ARRAY['COMMUNITY','MUNICIPAL_SERVICE','REGION','NO_MORE_HELP'])[1 + n % 4] END,
       CASE WHEN n % 3 <> 0 THEN (TIMESTAMPTZ '2022-01-01 00:00+01' + (n * interval '78.84 seconds') + interval '90 days')::date END,
       CASE WHEN n % 3 <> 0 THEN TIMESTAMPTZ '2022-01-01 00:00+01' + (n * interval '78.84 seconds') + interval '90 days' END,
       0, 'vaert', now(), 'vaert', now()
  FROM generate_series(0, 1999999) n JOIN course_inquiry i ON i.id = md5('i' || n)::uuid;
-- the start, a move to the second phase after 30 days (every other course), a pause (every fifth)
INSERT INTO course_change (course_id, position, changed_at, changed_by, from_status, to_status, from_phase, to_phase)
SELECT id, 0, started_at, 'vaert', NULL, 'ACTIVE', NULL, 0 FROM course;
INSERT INTO course_change (course_id, position, changed_at, changed_by, from_status, to_status, from_phase, to_phase)
SELECT id, 1, started_at + interval '30 days', 'vaert', 'ACTIVE', 'ACTIVE', 0, 1 FROM course WHERE phase = 1;
INSERT INTO course_change (course_id, position, changed_at, changed_by, from_status, to_status, from_phase, to_phase)
SELECT id, 2, started_at + interval '40 days', 'vaert', 'ACTIVE', 'ONHOLD', phase, phase FROM course WHERE phase = 1 AND random() < 0.4;
-- 20,000,000 contacts: ten per course, one every 5-9 days
INSERT INTO course_contact (id, course_id, citizen_id, kind, who, happened_at, minutes, recorded_by, recorded_at)
SELECT gen_random_uuid(), k.id, k.citizen_id, 'PHONE', 'vaert', k.started_at + g * (5 + (k.phase * 4)) * interval '1 day', 20, 'vaert', now()
  FROM course k CROSS JOIN generate_series(0, 9) g;
CREATE INDEX course_started_idx ON course (started_at);
CREATE INDEX course_exit_on_idx ON course (exit_on);

-- Published API of the course module: the inquiries by arrival, who made them and how, whether the host marked the
-- person young (12-25), and how they ended; for statistics (inquiries by source, channel, hour and weekday).
CREATE VIEW course_inquiry_view AS
SELECT id, received_at, channel, source, urgency, young, citizen_id, outcome, closed_at
  FROM course_inquiry;

-- Published API of the course module: the courses' type, team, state, phase, start, return and exit, without the
-- notes; for statistics (courses by type, phase and state, time from inquiry to start, exits, returns).
CREATE VIEW course_view AS
SELECT id, citizen_id, inquiry_id, inquiry_received_at, type_id, team, status, phase, phase_started_on, started_at,
       returned_after_days, planned_exit, exit_kind, exit_on, ended_at
  FROM course;

-- Published API of the course module: the course types by name (they are data a municipality edits).
CREATE VIEW course_type_view AS
SELECT id, code, name, active
  FROM course_type;

-- Published API of the course module: each course type's phases in order, with their planned intensity.
CREATE VIEW course_type_phase_view AS
SELECT type_id, position, name, planned_weeks, contacts_per_week
  FROM course_type_phase;

-- Published API of the course module: did the course keep its planned intensity? One row per course, with the
-- number of its phases that can be judged (judged_phases) and of those kept (kept_phases). The rule, as
-- Courses.fidelity shows it phase by phase on the course page:
--   * the time in a phase is every stay in it: from the change that entered it (the start, or a move of phase; a
--     change of status alone is no new stay) to the next such change, or to the end (ended_at, else now). A move
--     beyond the type's last phase counts in the last;
--   * the contacts of a stay are those from its start until (not including) its end; contacts recorded before the
--     course started count in its first stay;
--   * a phase can be judged after at least one week (604,800 seconds) in it, and was kept when its contacts a week
--     were at least three quarters of the planned contacts_per_week: contacts / weeks >= 0.75 * contacts_per_week,
--     written contacts * 604800 * 4 >= 3 * contacts_per_week * seconds;
--   * a course kept its planned intensity when at least one phase can be judged and every phase judged was kept.
-- started_at is in every grouping and partition, so a reader's condition on it reaches the course table's index
-- (course_started_idx): a year of courses is judged without judging all the others.
CREATE VIEW course_intensity_view AS
SELECT course_id, started_at,
       SUM(CASE WHEN seconds >= 604800 THEN 1 ELSE 0 END) AS judged_phases,
       SUM(CASE WHEN seconds >= 604800 AND contacts * 604800 * 4 >= 3 * contacts_per_week * seconds
                THEN 1 ELSE 0 END) AS kept_phases
  FROM (
    SELECT stay.course_id, stay.started_at, stay.phase, p.contacts_per_week,
           SUM(stay.seconds) AS seconds, SUM(stay.contacts) AS contacts
      FROM (
        SELECT timed.course_id, timed.started_at, timed.type_id, timed.phase,
               CASE WHEN timed.until_at > timed.from_at
                    THEN EXTRACT(EPOCH FROM timed.until_at) - EXTRACT(EPOCH FROM timed.from_at) ELSE 0 END AS seconds,
               (SELECT COUNT(*) FROM course_contact t
                 WHERE t.course_id = timed.course_id
                   AND ((t.happened_at >= timed.from_at AND t.happened_at < timed.until_at)
                        OR (timed.first_stay = 1 AND t.happened_at < timed.started_at))) AS contacts
          FROM (
            SELECT entry.course_id, entry.started_at, entry.type_id, entry.from_at, entry.first_stay,
                   LEAST(entry.to_phase, entry.last_phase) AS phase,
                   COALESCE(LEAD(entry.from_at) OVER (PARTITION BY entry.course_id, entry.started_at
                                                      ORDER BY entry.position), entry.end_at) AS until_at
              FROM (
                SELECT k.id AS course_id, k.started_at, k.type_id, h.position, h.to_phase, h.changed_at AS from_at,
                       CASE WHEN h.from_phase IS NULL THEN 1 ELSE 0 END AS first_stay,
                       COALESCE(k.ended_at, CURRENT_TIMESTAMP) AS end_at,
                       (SELECT MAX(tp.position) FROM course_type_phase tp WHERE tp.type_id = k.type_id) AS last_phase
                  FROM course k JOIN course_change h ON h.course_id = k.id
                 WHERE h.from_phase IS NULL OR h.from_phase <> h.to_phase
              ) entry
          ) timed
      ) stay
      JOIN course_type_phase p ON p.type_id = stay.type_id AND p.position = stay.phase
     GROUP BY stay.course_id, stay.started_at, stay.phase, p.contacts_per_week
  ) phase_time
 GROUP BY course_id, started_at;
VACUUM ANALYZE;
