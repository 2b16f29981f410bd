-- The start page's outreach tile counts the new open items of each reason up to a cap, each count an index range
-- (issue 13: counting every new item took about 95 ms at 339,000 items made by a first evaluation).
CREATE INDEX outreach_item_new_by_reason_idx ON outreach_item (status, reason, created_at);
