-- One worklist (opgaver): followup_task becomes the task list for every kind of work. A task names its
-- source as typed work (source_kind + source_id, e.g. 'homevisit.follow-up-call' and the visit); the
-- source module supplies its title, link and outcome choices. The home-visit columns (reached,
-- joined_community, community) become a generic outcome code from the source's choices, an optional
-- detail text and notes. The home visitor's worklist lines become tasks of kind 'homevisit.worklist'
-- with the same ids; what only homevisit knows (visit year, rule, outreach item, team) stays in
-- homevisit's own table, keyed by that id.

-- The table is rebuilt (a column in a multi-column constraint cannot be dropped the same way on both
-- databases), with named constraints so the new names do not meet the old ones.
DROP INDEX followup_task_assignee;
ALTER TABLE followup_task RENAME TO followup_task_v86;

CREATE TABLE followup_task (
    id              UUID                      NOT NULL,
    citizen_id      UUID                      NOT NULL,
    source_kind     VARCHAR(40)               NOT NULL,
    source_id       UUID                      NOT NULL,
    assignee        VARCHAR(100)              NOT NULL,
    due_on          DATE,
    status          VARCHAR(20)               NOT NULL,
    outcome         VARCHAR(40),
    outcome_detail  VARCHAR(200),
    notes           VARCHAR(4000),
    done_on         DATE,
    done_by         VARCHAR(100),
    done_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE  NOT NULL,
    version         BIGINT                    NOT NULL,
    CONSTRAINT followup_task_pk PRIMARY KEY (id),
    CONSTRAINT followup_task_citizen_fk FOREIGN KEY (citizen_id) REFERENCES citizen (id) ON DELETE CASCADE,
    CONSTRAINT followup_task_source_once UNIQUE (source_kind, source_id),
    CONSTRAINT followup_task_status_ck CHECK (status IN ('OPEN', 'DONE')),
    CONSTRAINT followup_task_done_ck CHECK (status = 'OPEN' OR (outcome IS NOT NULL AND done_on IS NOT NULL))
);
CREATE INDEX followup_task_assignee_idx ON followup_task (assignee, status, due_on);
CREATE INDEX followup_task_citizen_idx ON followup_task (citizen_id);

-- Follow-up calls: not reached / reached without a community / joined a community (its name as detail).
INSERT INTO followup_task (id, citizen_id, source_kind, source_id, assignee, due_on, status, outcome,
                           outcome_detail, notes, done_on, done_by, created_at, version)
SELECT id, citizen_id, 'homevisit.follow-up-call', source_id, assignee, due_on, status,
       CASE WHEN status <> 'DONE' THEN NULL
            WHEN reached = FALSE THEN 'NOT_REACHED'
            WHEN joined_community = TRUE THEN 'JOINED_COMMUNITY'
            ELSE 'REACHED' END,
       CASE WHEN status = 'DONE' AND reached = TRUE AND joined_community = TRUE THEN community END,
       notes, done_on, done_by, created_at, version
  FROM followup_task_v86;

DROP TABLE followup_task_v86;

-- Worklist lines: the task keeps the line's id, and names the line as its source with that same id, so
-- the need-to-know relation V93 named 'homevisit.worklist' + id still belongs to it.
INSERT INTO followup_task (id, citizen_id, source_kind, source_id, assignee, due_on, status, outcome,
                           done_on, done_by, done_at, created_at, version)
SELECT id, citizen_id, 'homevisit.worklist', id, assigned_to, NULL,
       CASE WHEN closed_at IS NULL THEN 'OPEN' ELSE 'DONE' END, outcome, outcome_on, closed_by, closed_at,
       taken_at, 0
  FROM worklist_task;

CREATE TABLE homevisit_worklist_line (
    id                  UUID                      NOT NULL,
    citizen_id          UUID                      NOT NULL,
    kind                VARCHAR(20)               NOT NULL,
    visit_year          INTEGER,
    rule                VARCHAR(20),
    outreach_item_id    UUID,
    team                VARCHAR(60)               NOT NULL,
    relation_id         BIGINT,
    taken_by            VARCHAR(100)              NOT NULL,
    taken_at            TIMESTAMP WITH TIME ZONE  NOT NULL,
    CONSTRAINT homevisit_worklist_line_pk PRIMARY KEY (id),
    CONSTRAINT homevisit_worklist_line_citizen_fk FOREIGN KEY (citizen_id) REFERENCES citizen (id) ON DELETE CASCADE,
    CONSTRAINT homevisit_worklist_line_item_fk FOREIGN KEY (outreach_item_id) REFERENCES outreach_item (id)
        ON DELETE CASCADE,
    CONSTRAINT homevisit_worklist_line_kind_ck CHECK (kind IN ('VISIT', 'OUTREACH')),
    CONSTRAINT homevisit_worklist_line_visit_once UNIQUE (citizen_id, kind, visit_year),
    CONSTRAINT homevisit_worklist_line_item_once UNIQUE (outreach_item_id)
);

INSERT INTO homevisit_worklist_line (id, citizen_id, kind, visit_year, rule, outreach_item_id, team, relation_id,
                                     taken_by, taken_at)
SELECT id, citizen_id, kind, visit_year, rule, outreach_item_id, team, relation_id, taken_by, taken_at
  FROM worklist_task;

DROP TABLE worklist_task;

-- Published API of the followup module: other modules' set-based queries (the home visitor's worklist,
-- statistics) read tasks through this view, never the table. It leaves out the free text (detail, notes).
-- Columns are only added, never renamed or removed, without changing the modules that read it.
CREATE VIEW followup_task_view AS
SELECT id, citizen_id, source_kind, source_id, assignee, due_on, status, outcome, done_on, done_by, done_at,
       created_at
  FROM followup_task;
