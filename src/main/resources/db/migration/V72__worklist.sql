-- The home visitor's worklist: a due §79a visit or an outreach item taken by (or assigned to) a visitor.
-- Taking starts the team's need-to-know relation (relation_id); closing records the outcome and ends it.
CREATE TABLE worklist_task (
    id                  UUID         PRIMARY KEY,
    citizen_id          UUID         NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    kind                VARCHAR(20)  NOT NULL,
    visit_year          INTEGER,
    rule                VARCHAR(20),
    outreach_item_id    UUID         REFERENCES outreach_item (id) ON DELETE CASCADE,
    team                VARCHAR(60)  NOT NULL,
    assigned_to         VARCHAR(100) NOT NULL,
    relation_id         BIGINT,
    taken_by            VARCHAR(100) NOT NULL,
    taken_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome             VARCHAR(20),
    outcome_on          DATE,
    closed_by           VARCHAR(100),
    closed_at           TIMESTAMP WITH TIME ZONE,
    CONSTRAINT worklist_task_kind_ck CHECK (kind IN ('VISIT', 'OUTREACH')),
    CONSTRAINT worklist_task_visit_once UNIQUE (citizen_id, kind, visit_year),
    CONSTRAINT worklist_task_item_once UNIQUE (outreach_item_id)
);
CREATE INDEX worklist_task_assigned_idx ON worklist_task (assigned_to, closed_at);
