-- A volunteer who stopped (declined, left, expired) is anonymised a configurable time later, or at once when
-- removed from the register: left_at is when they stopped, anonymised_at when their own data went. The row stays
-- (no cascade), so assignments and referral histories still read "tidligere frivillig".
ALTER TABLE volunteer ADD COLUMN left_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE volunteer ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
UPDATE volunteer SET left_at = updated_at WHERE stage IN ('DECLINED', 'EXPIRED');
CREATE INDEX volunteer_left_idx ON volunteer (left_at, anonymised_at);
