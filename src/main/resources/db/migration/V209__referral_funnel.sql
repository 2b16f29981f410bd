-- The referral funnel (issue 15): where a referral was made (a home visit's suggestions, an outreach item, the
-- Fællesteam's bridging, the citizen's page), whether it met a full offer (waitlist or declined for no room), and
-- the first time it was accepted, the citizen came, and the association said "kommer fast". Kept by the aggregate
-- as it moves, so the published view stays a plain projection of one table (V105's rule) and the funnel is one
-- pass over it. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE referral ADD COLUMN context        VARCHAR(20) NOT NULL DEFAULT 'CITIZEN_PAGE';
ALTER TABLE referral ADD COLUMN full_offer     BOOLEAN     NOT NULL DEFAULT FALSE;
ALTER TABLE referral ADD COLUMN accepted_at    TIMESTAMP WITH TIME ZONE;
ALTER TABLE referral ADD COLUMN first_visit_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE referral ADD COLUMN regularly_at   TIMESTAMP WITH TIME ZONE;

-- Referrals by when they were sent, for the funnel of a period.
CREATE INDEX referral_requested_idx ON referral (requested_at);

DROP VIEW referral_view;
-- Published API of the referral module: the referrals' states and dates without names, words or contact
-- details, for statistics (the funnel: referred, accepted, first visit, attending regularly, by where the referral
-- was made) and other modules' set-based reads.
CREATE VIEW referral_view AS
SELECT id, citizen_id, offer_id, organization_id, team, status, business_status, needs_support, accompaniment,
       attendances, requested_at, answered_at, created_at, context, full_offer, accepted_at, first_visit_at,
       regularly_at
  FROM referral;
