-- A task can be on a team's list instead of one person's (a referral from another system lands for the
-- receiving team, not for whoever happens to be its first member): team names the team, assignee is then
-- empty until someone takes the task. Every task is on someone's list or a team's.
ALTER TABLE followup_task ADD COLUMN team VARCHAR(100);
ALTER TABLE followup_task ALTER COLUMN assignee DROP NOT NULL;
ALTER TABLE followup_task ADD CONSTRAINT followup_task_owner_ck CHECK (assignee IS NOT NULL OR team IS NOT NULL);
CREATE INDEX followup_task_team_idx ON followup_task (team, status, due_on);
