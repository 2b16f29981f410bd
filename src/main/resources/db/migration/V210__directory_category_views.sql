-- The offers' categories for other modules' set-based reads (issue 15: the referral funnel by offer category).
-- Two plain projections of one table each (V105's rule); the reader joins them.
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- Published API of the directory module: which terms (categories, target groups) each offer has.
CREATE VIEW offer_term_view AS
SELECT offer_id, term_id
  FROM offer_term;

-- Published API of the directory module: the taxonomy's terms by taxonomy ('kategori', 'maalgruppe') and name.
CREATE VIEW taxonomy_term_view AS
SELECT id, taxonomy, code, name
  FROM taxonomy_term;
