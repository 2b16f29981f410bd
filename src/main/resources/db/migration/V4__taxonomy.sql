-- Reference data: the categories and target groups offers are tagged with (HSDS taxonomy terms).
-- Fixed identifiers (name-based UUIDs) so the HSDS API and imports can rely on them.
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('016f4f5e-5e76-31ce-b427-f08ab610755e', 'kategori', 'motion', 'Motion', 'Gåture, gymnastik, dans og anden bevægelse');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('c8b491da-21a5-3727-b384-a2216e09e5a1', 'kategori', 'kultur', 'Kultur', 'Musik, foredrag, teater, kor og museer');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('88de2846-0488-3c3a-9298-53e93fb957d5', 'kategori', 'faellesspisning', 'Fællesspisning', 'Spis sammen med andre');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('21e381dd-c1bd-3572-a43c-a04d11cab51d', 'kategori', 'samtalegruppe', 'Samtalegruppe', 'Grupper hvor man taler sammen om livet');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('2c02d943-8c25-3f32-b64d-2cdbcce64847', 'kategori', 'frivilligt-arbejde', 'Frivilligt arbejde', 'Bliv frivillig og gør noget for andre');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('5c7a84a7-3841-34c3-856a-410913fa636d', 'kategori', 'raadgivning', 'Rådgivning', 'Råd, vejledning og samtaler med fagpersoner');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('73b34efd-6557-3fbe-a552-3f3f6bb05de8', 'kategori', 'akut', 'Akut hjælp', 'Hjælp her og nu, også uden for åbningstid');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('a5698d2a-67cd-392c-8603-84d4cf3180c6', 'kategori', 'kreativ', 'Kreativt', 'Håndarbejde, maling, værksted');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('4a4f0f4a-222b-3d60-9a45-49928c33f503', 'kategori', 'natur', 'Natur og have', 'Haver, naturture og friluftsliv');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('6a95a335-d9ae-3666-b8ec-928226bf0935', 'kategori', 'laering', 'Læring', 'Kurser, højskole og undervisning');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('cfdfb452-40d0-336f-ab88-eb6f01e5097f', 'kategori', 'socialt-samvaer', 'Socialt samvær', 'Caféer, klubber og åbne fællesskaber');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('28e02793-0527-3a15-a0bb-44f856deab10', 'kategori', 'peer', 'Peerstøtte', 'Støtte fra mennesker med egne erfaringer');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('61c80229-b249-3898-a868-3773cefe6a56', 'kategori', 'besoeg', 'Besøgsven', 'En fast ven der kommer på besøg');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('1d7ab8c8-e006-3d7b-8d3f-171484017dfd', 'kategori', 'netvaerksgruppe', 'Netværksgruppe', 'Grupper for pårørende og netværk');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('93884f6e-b265-39e3-b4a7-c0f21c114606', 'maalgruppe', 'seniorer', 'Seniorer 65+', 'Borgere på 65 år og derover');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('d3a71152-1618-3ccf-b4a7-6d990ac83247', 'maalgruppe', 'unge', 'Unge 12-25 år', 'Unge mellem 12 og 25 år');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('a1185d28-66e1-312c-9ed6-071eeedc20dc', 'maalgruppe', 'psykisk-saarbare', 'Psykisk sårbare', 'Mennesker med psykisk sårbarhed eller sygdom');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('874555f5-3bd1-3e20-9a25-1dccc0aa81b4', 'maalgruppe', 'paaroerende', 'Pårørende', 'Pårørende, forældre og søskende');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('dc6e0f76-93d1-3624-b81c-bc8dab14690b', 'maalgruppe', 'maend', 'Mænd', 'Fællesskaber særligt for mænd');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('304a9955-797c-39ef-885e-e7429d9f60e9', 'maalgruppe', 'etniske-minoriteter', 'Etniske minoriteter', 'Borgere med anden etnisk baggrund end dansk');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('6d6ca247-dc73-3231-a5d4-9593dd5cdbb9', 'maalgruppe', 'ensomme', 'Ensomme', 'Borgere der føler sig ensomme');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('3f0ca0c2-3aed-39d1-8504-c5434dfc839e', 'maalgruppe', 'syge', 'Mennesker med sygdom', 'Borgere med fysisk sygdom og deres familier');
INSERT INTO taxonomy_term (id, taxonomy, code, name, description) VALUES ('92560828-0331-365b-8f3a-e65d16a77fdb', 'maalgruppe', 'alle', 'Alle', 'Åbent for alle');
