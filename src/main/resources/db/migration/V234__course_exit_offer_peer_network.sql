-- Issue 16, the course's links to other modules and the youth network group.
-- An exit to a community names the directory offer it goes to (id and name as they were when chosen, so the exit
-- still reads right if the offer is renamed or removed); no foreign key, as the offer is module directory's.
CREATE TABLE course_exit_offer (
    course_id    UUID          PRIMARY KEY REFERENCES course (id) ON DELETE CASCADE,
    offer_id     UUID          NOT NULL,
    offer_name   VARCHAR(300)  NOT NULL,
    linked_by    VARCHAR(100)  NOT NULL,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The peer host chosen among module referral's volunteers with lived experience (peers); course.peer_host keeps the
-- name shown, this row which volunteer it is.
CREATE TABLE course_peer_volunteer (
    course_id    UUID          PRIMARY KEY REFERENCES course (id) ON DELETE CASCADE,
    volunteer_id UUID          NOT NULL,
    linked_by    VARCHAR(100)  NOT NULL,
    linked_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX course_peer_volunteer_idx ON course_peer_volunteer (volunteer_id);

-- Youth advisory (12-25): parents and siblings are offered a network group; whether a relative was offered one,
-- joined or declined it.
ALTER TABLE course_relative ADD COLUMN network_group VARCHAR(10);
