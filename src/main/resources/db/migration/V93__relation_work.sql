-- A need-to-know relation names the work that opened it (kind and id: a home-visit worklist line, an
-- outreach item, later a referral, a course, a meeting, an acute stay), so that ending the work ends
-- exactly its relations; none for an explicit "tilknyt borger" or the registration of the citizen.
-- A scope narrows what the holder sees (a volunteer who sees only what was consented for one referral).
ALTER TABLE citizen_relation ADD COLUMN work_kind VARCHAR(40);
ALTER TABLE citizen_relation ADD COLUMN work_id UUID;
ALTER TABLE citizen_relation ADD COLUMN scope VARCHAR(100);
CREATE INDEX citizen_relation_work_idx ON citizen_relation (work_id, work_kind);

-- The worklist lines taken so far opened their team's relation: name them as its work.
UPDATE citizen_relation
   SET work_kind = 'homevisit.worklist',
       work_id = (SELECT w.id FROM worklist_task w WHERE w.relation_id = citizen_relation.id)
 WHERE EXISTS (SELECT 1 FROM worklist_task w WHERE w.relation_id = citizen_relation.id);
