-- KL codes on a course (issue 16): the citizen's support need on FFB's scale and the follow-up result in FSIII's
-- words, both optional, as codes of course.SupportNeed and course.FollowUpResult. Portable SQL.
ALTER TABLE course ADD COLUMN support_need VARCHAR(20);
ALTER TABLE course ADD COLUMN follow_up_result VARCHAR(30);
