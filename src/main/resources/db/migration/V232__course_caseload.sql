-- CTI caseload (issue 16): a worker's open courses of one type are counted at every start and on the course page and
-- board; this index counts them without reading the course rows.
CREATE INDEX course_responsible_idx ON course (responsible, type_id, status);
