-- Published views: a module's tables are its own; another module reads them only through the module's root
-- API, its events, or a view the owning module publishes here for set-based queries (the §79a due list and
-- the outreach evaluation over every citizen, the worklist, the statistics). TableOwnershipTests holds the
-- map of owners and fails when a module's SQL names another module's table.
--
-- Each view is a plain projection of one table: no joins, no functions, no aggregates, so PostgreSQL inlines
-- it into the reader's query and plans it on the table's own indexes (citizen_birth_date, citizen_district,
-- outreach_item_status_date_idx, homevisit_offer_year_idx, visit_held_tag), as before.
-- A column leaves a view only when no other module reads it any longer; add a column when a reader needs it.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- Published API of the citizen module: who is in the register, for lists and reports over many citizens.
-- No CPR number, contact details or free text: a module that needs one citizen's record asks CitizenRegister
-- or CitizenRecords (need-to-know, audit). anonymised_at is null for everyone not anonymised by retention;
-- an anonymised citizen keeps birth date, sex and district for statistics and is nobody to contact.
CREATE VIEW citizen_register_view AS
SELECT id, name, address, birth_date, sex, district, living_situation, language, anonymised_at
  FROM citizen;

-- Published API of the homevisit module: the visits as planned, held or cancelled, without the notes, for
-- statistics (Fællesskab tags, loneliness conversations, visits held by district and age).
CREATE VIEW homevisit_visit_view AS
SELECT id, citizen_id, status, planned_start, held_on, place, conversation, community_tag
  FROM visit;

-- Published API of the homevisit module: the §79a offers, one per citizen and year, for statistics (offered,
-- accepted, declined, held by rule).
CREATE VIEW homevisit_offer_view AS
SELECT id, citizen_id, visit_year, rule, offered_on, answer, held_on
  FROM homevisit_offer;

-- Published API of the outreach module: the outreach items (why a citizen is on the list, and the outcome),
-- for the §79a risk rule, the worklist and statistics.
CREATE VIEW outreach_item_view AS
SELECT id, citizen_id, reason, reason_date, status, outcome, outcome_on, created_at
  FROM outreach_item;
