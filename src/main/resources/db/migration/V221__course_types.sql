-- The seven course types the seeds name (003 Rødovre, 004 Socialstyrelsen, 001 Fællesteam), as data an administrator
-- edits at /admin/forloebstyper. Durations in weeks, intensity in contacts a week (0.5 every two weeks, 0.25 monthly).
INSERT INTO course_type (id, code, name, description, default_team, instrument_code, peer_host_offered, min_age, max_age,
                         shared_analysis, own_goals, active, version, changed_by, changed_at) VALUES
('c0000000-0000-4000-8000-000000000001', 'kort-forloeb', 'Kort forløb i Én indgang',
 'Ikke-visiteret forløb, der starter samme dag som henvendelsen. Højst 12 uger, med en planlagt udgang til et fællesskab.',
 'en-indgang', 'ucla-3', TRUE, NULL, NULL, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000002', 'ungeraadgivning', 'Rådgivende samtaler for unge 12-25 år',
 'Rådgivende samtaler for unge, med tilbud til forældre og søskende om en netværksgruppe.',
 'ungeindsats', 'ucla-3', TRUE, 12, 25, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000003', 'cti', 'CTI - Critical Time Intervention',
 'Kontaktetablering og tre faser på cirka tre måneder, hvor støtten aftager, mens opgaverne overgår til borgeren og netværket. Cirka 20 borgere pr. medarbejder.',
 'socialpsykiatri', 'ucla-3', FALSE, NULL, NULL, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000004', 'peerstoette', 'Peerstøtte',
 'En peer med egne erfaringer er vært eller følger borgeren, når borgeren ønsker det.',
 'en-indgang', 'ucla-3', TRUE, NULL, NULL, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000005', 'integreret-indsats', 'Integreret indsats for psykiatri og misbrug',
 'Ét forløb med én fælles problemanalyse, skrevet sammen af kommunen og regionen.',
 'socialpsykiatri', NULL, FALSE, NULL, NULL, TRUE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000006', 'medicinpaedagogik', 'Medicinpædagogik',
 'Borgerens egne mål for at håndtere sin medicin, og opfølgning på dem.',
 'socialpsykiatri', NULL, FALSE, NULL, NULL, FALSE, TRUE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00'),
('c0000000-0000-4000-8000-000000000007', 'haandholdt-brobygning', 'Håndholdt brobygning (Fællesteam)',
 'Fællesteamet planlægger overgangen til et fællesskab fra første besøg og sørger for følgeskab.',
 'faellesteam', 'ucla-3', TRUE, NULL, NULL, FALSE, FALSE, TRUE, 0, 'system', TIMESTAMP '2026-01-01 00:00:00');

INSERT INTO course_type_phase (type_id, position, name, planned_weeks, contacts_per_week) VALUES
('c0000000-0000-4000-8000-000000000001', 0, 'Forløb', 12, 1.00),
('c0000000-0000-4000-8000-000000000002', 0, 'Samtaler', 10, 1.00),
('c0000000-0000-4000-8000-000000000002', 1, 'Netværksgruppe', 6, 0.50),
('c0000000-0000-4000-8000-000000000003', 0, 'Kontaktetablering', 4, 1.00),
('c0000000-0000-4000-8000-000000000003', 1, 'Overgang', 13, 1.00),
('c0000000-0000-4000-8000-000000000003', 2, 'Afprøvning', 13, 0.50),
('c0000000-0000-4000-8000-000000000003', 3, 'Overdragelse', 13, 0.25),
('c0000000-0000-4000-8000-000000000004', 0, 'Peerforløb', 16, 1.00),
('c0000000-0000-4000-8000-000000000005', 0, 'Fælles problemanalyse', 4, 1.00),
('c0000000-0000-4000-8000-000000000005', 1, 'Fælles forløb', 26, 0.50),
('c0000000-0000-4000-8000-000000000006', 0, 'Egne mål', 4, 1.00),
('c0000000-0000-4000-8000-000000000006', 1, 'Opfølgning', 12, 0.25),
('c0000000-0000-4000-8000-000000000007', 0, 'Første besøg og plan', 2, 1.00),
('c0000000-0000-4000-8000-000000000007', 1, 'Følgeskab', 8, 1.00),
('c0000000-0000-4000-8000-000000000007', 2, 'På egen hånd', 6, 0.25);

INSERT INTO course_type_version (type_id, version, summary, note, changed_by, changed_at)
SELECT id, 0, name, 'Leveret med Brobygger', 'system', TIMESTAMP '2026-01-01 00:00:00' FROM course_type;
