-- The outreach list and the worklist show open items newest first, a page at a time: with this index a
-- page reads its own rows in order instead of joining and sorting every open item (issue 4: at 1,000,000
-- citizens and 380,000 open items the first page of GET /api/outreach/items took 2 s). It also serves every
-- query that (status, citizen_id) served — those filter by citizen through outreach_item_citizen_idx — so
-- that index goes, and each new item keeps the same number of indexes to update.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.
DROP INDEX outreach_item_status_idx;
CREATE INDEX outreach_item_status_date_idx ON outreach_item (status, reason_date DESC, id);
