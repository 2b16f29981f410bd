-- Logning: the append-only, hash-chained audit log of every read and change of personal data.
-- Ids are the position in the chain (1, 2, 3, ...), handed out under the lock on audit_chain_head,
-- so a missing id is a deleted record. The hash format is documented in dk.brobygger.audit.AuditHash.
-- The application has no UPDATE or DELETE statement for audit_record; production should also
-- revoke UPDATE and DELETE on it from the application's database role.
CREATE TABLE audit_record (
    id             BIGINT        PRIMARY KEY,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    username       VARCHAR(100)  NOT NULL,
    user_role      VARCHAR(40)   NOT NULL,
    team           VARCHAR(100),
    citizen_id     UUID,
    action         VARCHAR(40)   NOT NULL,
    purpose        VARCHAR(1000) NOT NULL,
    client_address VARCHAR(100),
    outcome        VARCHAR(20)   NOT NULL,
    previous_hash  CHAR(64)      NOT NULL,
    hash           CHAR(64)      NOT NULL
);

CREATE INDEX audit_record_citizen ON audit_record (citizen_id, id);
CREATE INDEX audit_record_username ON audit_record (username, id);
CREATE INDEX audit_record_recorded_at ON audit_record (recorded_at);

-- One row: the end of the chain. Appends lock it (SELECT ... FOR UPDATE), so the chain never forks,
-- and it lets verification notice records cut off the end.
CREATE TABLE audit_chain_head (
    id        INT      PRIMARY KEY CHECK (id = 1),
    last_id   BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
);

INSERT INTO audit_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
