-- Volunteers' time given (issue 15): the two-tap report after a visit may also say how long it took (optional, in
-- minutes), so the funnel can count the hours volunteers gave where they said. And the register and the assignments
-- published for statistics. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE volunteer_assignment ADD COLUMN minutes_given INTEGER;

-- Published API of the referral module: the volunteers and peers by stage, without names or contact details, for
-- statistics (active volunteers).
CREATE VIEW referral_volunteer_view AS
SELECT id, organization_id, peer, stage, vetted_until
  FROM volunteer;

-- Published API of the referral module: the assignments (følgeskab) by state and how the visit went, for statistics
-- (accompaniments given and the hours volunteers gave).
CREATE VIEW referral_assignment_view AS
SELECT id, volunteer_id, referral_id, status, visit, reported_at, minutes_given
  FROM volunteer_assignment;
