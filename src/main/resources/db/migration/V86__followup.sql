-- Follow-up tasks (opfølgning): created by events from other modules, e.g. the call agreed at a
-- home visit; closed with the outcome (did the citizen join a community, which one).
CREATE TABLE followup_task (
    id                UUID          PRIMARY KEY,
    citizen_id        UUID          NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    kind              VARCHAR(40)   NOT NULL,
    due_on            DATE          NOT NULL,
    assignee          VARCHAR(100)  NOT NULL,
    source_id         UUID          NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    reached           BOOLEAN,
    joined_community  BOOLEAN,
    community         VARCHAR(200),
    notes             VARCHAR(4000),
    done_on           DATE,
    done_by           VARCHAR(100),
    created_at        TIMESTAMP     NOT NULL,
    version           BIGINT        NOT NULL,
    UNIQUE (kind, source_id)
);

CREATE INDEX followup_task_assignee ON followup_task (assignee, status, due_on);
