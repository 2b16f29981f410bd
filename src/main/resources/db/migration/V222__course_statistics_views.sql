-- Én indgang in figures (issue 16, "Counting it"): the course module publishes what the statistics count, without
-- names, words or contact details. The first four views are plain projections of one table each (V105's rule). The
-- fifth, course_intensity_view, is the one place the rule "the planned intensity was kept" is written in SQL, beside
-- Courses.fidelity in Java (CourseIntensityViewTests holds the two to the same answers).
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- The statistics count a year's courses by when they started and by when they ended with an exit.
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
