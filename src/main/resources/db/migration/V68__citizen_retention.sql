-- Opbevaring (retention): a citizen whose last need-to-know relation ended longer ago than the
-- retention period is anonymised or deleted by a scheduled job. An anonymised citizen keeps no CPR
-- number, so the column may be empty; anonymised_at tells the record apart and when it happened.
ALTER TABLE citizen ALTER COLUMN cpr DROP NOT NULL;
ALTER TABLE citizen ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;

-- Who ended a relation ("afslut tilknytning"), beside when.
ALTER TABLE citizen_relation ADD COLUMN ended_by VARCHAR(100);
CREATE INDEX citizen_relation_ended_idx ON citizen_relation (ended_at);
