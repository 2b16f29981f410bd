-- Instruments at baseline and follow-up (issue 16): the course type names an instrument of module outcome; the
-- citizen's answers are recorded there (module outcome keeps the score), and the course keeps which score was its
-- baseline and which its follow-up, with who and when.
CREATE TABLE course_measurement (
    course_id    UUID          NOT NULL REFERENCES course (id) ON DELETE CASCADE,
    moment       VARCHAR(10)   NOT NULL,
    score_id     UUID          NOT NULL,
    recorded_by  VARCHAR(100)  NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (course_id, moment)
);
