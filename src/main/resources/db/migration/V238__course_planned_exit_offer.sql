-- Issue 16: the planned exit to a community may name the directory offer it plans for, as the actual exit does
-- (course_exit_offer): the offer's id and its name as it was when chosen, so the plan still reads right if the offer
-- is renamed, unpublished or removed; no foreign key, as the offer is module directory's.
CREATE TABLE course_planned_exit_offer (
    course_id    UUID          PRIMARY KEY REFERENCES course (id) ON DELETE CASCADE,
    offer_id     UUID          NOT NULL,
    offer_name   VARCHAR(300)  NOT NULL,
    linked_by    VARCHAR(100)  NOT NULL,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
