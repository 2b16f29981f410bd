-- An offer's capacity as operational data (issue 15): places_left and waitlist as before, and beside them whether
-- the association must assess a citizen first, its note, and who changed the capacity last and when. The
-- association's contacts change it directly, without moderation; each change is also a CAPACITY row in
-- offer_change. Portable SQL: runs unchanged on H2 and PostgreSQL.
ALTER TABLE offer ADD COLUMN capacity_assessment BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE offer ADD COLUMN capacity_note       VARCHAR(500);
ALTER TABLE offer ADD COLUMN capacity_changed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE offer ADD COLUMN capacity_changed_by VARCHAR(100);
