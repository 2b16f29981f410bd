-- The worklist's citizens as a table (issue 13): one row per citizen on the worklist of a visit year (due a §79a
-- visit that year, or with an open outreach item, or both) with the keys the list is sorted by. The page picks its
-- citizens here by index and reads their lines live; a citizen's row is made again when their lines change
-- (items opened, closed, withdrawn, home care) and every row when the evaluation has run or the policy changed.
-- Owned by homevisit.
CREATE TABLE homevisit_worklist_citizen (
    visit_year   INTEGER      NOT NULL,
    citizen_id   UUID         NOT NULL,
    district     VARCHAR(20)  NOT NULL,
    lname        VARCHAR(200) NOT NULL,
    age          INTEGER      NOT NULL,
    reason_date  DATE,
    PRIMARY KEY (visit_year, citizen_id)
);

CREATE INDEX homevisit_worklist_citizen_district ON homevisit_worklist_citizen (visit_year, district, lname, citizen_id);
CREATE INDEX homevisit_worklist_citizen_name ON homevisit_worklist_citizen (visit_year, lname, citizen_id);
CREATE INDEX homevisit_worklist_citizen_age ON homevisit_worklist_citizen (visit_year, age DESC, lname, citizen_id);
CREATE INDEX homevisit_worklist_citizen_reason ON homevisit_worklist_citizen (visit_year, reason_date DESC NULLS LAST, lname, citizen_id);
CREATE INDEX homevisit_worklist_citizen_citizen ON homevisit_worklist_citizen (citizen_id);

-- When a year's rows were last made in full, and how many citizens they were.
CREATE TABLE homevisit_worklist_refresh (
    visit_year    INTEGER                  PRIMARY KEY,
    refreshed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    citizens      BIGINT                   NOT NULL
);

-- How many citizens each district's list has (district '' for none): the page's count without counting.
CREATE TABLE homevisit_worklist_count (
    visit_year  INTEGER     NOT NULL,
    district    VARCHAR(20) NOT NULL,
    citizens    BIGINT      NOT NULL,
    PRIMARY KEY (visit_year, district)
);
