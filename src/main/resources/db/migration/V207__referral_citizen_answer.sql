-- The citizen's own answer to a referral (issue 15): yes, no or "not now", how they want to be contacted (or not
-- at all), a few words to the referrer, and how it reached us (in /mig, or told to staff on the phone and recorded
-- by them, marked as such). After the first visit, the citizen's own report of how it went. The latest answer
-- stands on the referral; every answer is also a line in its history (referral_change).
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE referral ADD COLUMN citizen_answer       VARCHAR(20);
ALTER TABLE referral ADD COLUMN citizen_contact_wish VARCHAR(20);
ALTER TABLE referral ADD COLUMN citizen_note         VARCHAR(1000);
ALTER TABLE referral ADD COLUMN citizen_answered_at  TIMESTAMP WITH TIME ZONE;
ALTER TABLE referral ADD COLUMN citizen_answered_via VARCHAR(20);
ALTER TABLE referral ADD COLUMN citizen_report       VARCHAR(20);

-- A history line that is the citizen's own answer or report: what they said (a message key) and how it reached us.
ALTER TABLE referral_change ADD COLUMN citizen_said VARCHAR(60);
ALTER TABLE referral_change ADD COLUMN via          VARCHAR(20);
