-- The host's board in pages of 200 (issue 16): today's inquiries and the open ones from before today are two
-- disjoint ranges read newest (or oldest) first straight from an index each, id breaking ties so pages never overlap;
-- the inquiries waiting for contact have their own index, which also counts them without reading the rows.
DROP INDEX course_inquiry_received_idx;
DROP INDEX course_inquiry_open_idx;
CREATE INDEX course_inquiry_received_idx ON course_inquiry (received_at, id);
CREATE INDEX course_inquiry_open_idx ON course_inquiry (closed_at, received_at, id);
CREATE INDEX course_inquiry_waiting_idx ON course_inquiry (closed_at, contacted_at, received_at, id);
