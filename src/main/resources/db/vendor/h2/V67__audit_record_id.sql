-- Ids of audit records come from a sequence: no lock is needed to take one (see V66).
CREATE SEQUENCE audit_record_id START WITH 1;
ALTER SEQUENCE audit_record_id RESTART WITH (SELECT COALESCE(MAX(id), 0) + 1 FROM audit_record);
