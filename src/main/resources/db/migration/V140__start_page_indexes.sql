-- The start page (issue 13) counts on indexes, however many citizens and items there are:
-- the citizens a user or a team works with now, and the outreach items found lately.
CREATE INDEX citizen_relation_holder_user_idx ON citizen_relation (username, ended_at);
CREATE INDEX citizen_relation_holder_team_idx ON citizen_relation (team, ended_at);
CREATE INDEX outreach_item_new_idx ON outreach_item (status, created_at);
