-- The key that signs when the public inquiry form was shown (PublicInquiryPages), when no
-- brobygger.course.form-secret is configured: made by the first node that needs it and read by every other, so
-- several nodes and a restart accept the forms each other showed. One row.
CREATE TABLE course_form_secret (
    id          INTEGER       PRIMARY KEY,
    secret      VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
