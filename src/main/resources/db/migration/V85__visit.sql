-- Preventive home visits as held (DOMAIN.md §1): planned, held or cancelled; the themes talked
-- about, the loneliness conversation as a checklist, the community card and the suggested offers.
CREATE TABLE visit (
    id               UUID          PRIMARY KEY,
    citizen_id       UUID          NOT NULL REFERENCES citizen (id) ON DELETE CASCADE,
    visitor          VARCHAR(100)  NOT NULL,
    planned_start    TIMESTAMP     NOT NULL,
    duration_minutes INTEGER       NOT NULL,
    place            VARCHAR(20)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    held_on          DATE,
    themes           VARCHAR(200)  NOT NULL DEFAULT '',
    conversation     VARCHAR(400)  NOT NULL DEFAULT '',
    card_handed_out  BOOLEAN       NOT NULL DEFAULT FALSE,
    community_tag    BOOLEAN       NOT NULL DEFAULT FALSE,
    notes            VARCHAR(4000),
    follow_up_on     DATE,
    version          BIGINT        NOT NULL,
    created_by       VARCHAR(100)  NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    updated_by       VARCHAR(100)  NOT NULL,
    updated_at       TIMESTAMP     NOT NULL
);

CREATE INDEX visit_visitor_start ON visit (visitor, planned_start);
CREATE INDEX visit_citizen ON visit (citizen_id);
CREATE INDEX visit_held_tag ON visit (held_on, community_tag);

CREATE TABLE visit_suggestion (
    visit_id      UUID          NOT NULL REFERENCES visit (id) ON DELETE CASCADE,
    offer_id      UUID          NOT NULL,
    offer_name    VARCHAR(200)  NOT NULL,
    suggested_by  VARCHAR(100)  NOT NULL,
    suggested_at  TIMESTAMP     NOT NULL,
    PRIMARY KEY (visit_id, offer_id)
);
