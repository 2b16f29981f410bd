-- Corrections to a course's contacts and relatives (issue 16): a contact is corrected or removed when entered in
-- error (kept, marked removed, with who, when and why, so fidelity counts only the rest); a relative's involvement
-- changes. Each row carries a version, so two people correcting the same line meet a conflict, not a lost edit.
ALTER TABLE course_contact ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE course_contact ADD COLUMN removed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE course_contact ADD COLUMN removed_by VARCHAR(100);
ALTER TABLE course_contact ADD COLUMN removed_reason VARCHAR(500);
ALTER TABLE course_relative ADD COLUMN involvement VARCHAR(20) DEFAULT 'INVOLVED' NOT NULL;
ALTER TABLE course_relative ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- Every correction, one row per field changed: what it was, what it became (empty when removed), who, when and why.
-- Values are stored as codes and ISO times, so the page names them in the reader's language.
CREATE TABLE course_entry_change (
    id            UUID          PRIMARY KEY,
    course_id     UUID          NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    entry_kind    VARCHAR(10)   NOT NULL,
    entry_id      UUID          NOT NULL,
    field         VARCHAR(20)   NOT NULL,
    before_value  VARCHAR(500),
    after_value   VARCHAR(500),
    reason        VARCHAR(500),
    changed_by    VARCHAR(100)  NOT NULL,
    changed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX course_entry_change_course_idx ON course_entry_change (course_id, changed_at);
