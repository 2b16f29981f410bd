import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.citizen.DemoCitizenGenerator;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Closed-loop referrals at scale (issue 15) on PostgreSQL: an association's inbox page, the funnel of a whole
 * municipality's year, and (when those parts are present) volunteer suggestions for one referral and FHIR
 * {@code Task?owner=&status=requested}.
 *
 * <pre>
 * load: java -cp target/classes:postgresql.jar bench/referral/ReferralBenchmark.java load \
 *         --jdbc URL --citizens 1000000 --referrals 500000 --volunteers 20000
 * run:  java -cp postgresql.jar bench/referral/ReferralBenchmark.java run --base http://127.0.0.1:18580 \
 *         --jdbc URL --rounds 3 --reads 200 --warmup 20 --out OUT
 * </pre>
 *
 * <p>The directory's 100,000 offers come from the application itself (profile {@code bench-data}); 20,000 volunteers
 * and peers are loaded beside the referrals, and the Fællesteam works with the citizens of 1,000 accepted referrals
 * that need a companion (their suggestions are measured). The load streams
 * the citizens from {@link DemoCitizenGenerator} (seeded), then 500,000 referrals of citizens aged 60+ over the last
 * two years to offers drawn with a long tail (a few organisations get many referrals, most get a handful: the demo
 * contact {@code kontakt} answers for the organisation with the most), in every state with a history of one to six
 * changes, each with the citizen's consent to share with that organisation.
 *
 * <p>The run, over HTTP as logged-in users on 127.0.0.1 (server-side figures: the client is on the same machine and
 * does nothing else): per round, {@code reads} requests after {@code warmup} unmeasured ones, one client; the report
 * gives each round's p50/p90/p99/max and the median of the rounds.
 */
public class ReferralBenchmark {

    static final long SEED = 20_261_204L;
    static final String CONTACT = "kontakt";
    static final String MANAGER = "leder";

    public static void main(String[] args) throws Exception {
        var options = new Options(args);
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> load(options);
            case "run" -> run(options);
            default -> throw new IllegalArgumentException("load or run");
        }
    }

    // ---------------------------------------------------------------- load

    static final String[] STATUSES = {"REQUESTED", "ACCEPTED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "FAILED",
            "REJECTED", "CANCELLED", "ENTERED_IN_ERROR"};
    /** Shares of the states, per thousand: most referrals of two years are closed. */
    static final int[] STATUS_SHARES = {60, 40, 80, 20, 380, 140, 160, 110, 10};
    static final String[] CONTEXTS = {"FAELLESTEAM", "FAELLESTEAM", "HOME_VISIT", "OUTREACH", "CITIZEN_PAGE"};
    static final String[] NEEDS = {"SELF_RELIANT", "ACCOMPANIED", "ACCOMPANIED", "MUNICIPAL_FRAME"};

    record Offer(UUID id, String name, UUID organization, String organizationName) {
    }

    static void load(Options options) throws Exception {
        int citizens = options.integer("citizens", 1_000_000);
        int referrals = options.integer("referrals", 500_000);
        LocalDate today = LocalDate.now();
        Instant now = Instant.now();
        String stamp = OffsetDateTime.now(ZoneOffset.UTC).toString();
        try (Connection connection = DriverManager.getConnection(options.text("jdbc", null))) {
            var copy = new CopyManager(connection.unwrap(BaseConnection.class));
            var older = new ArrayList<UUID>();
            var rows = new StringBuilder();
            long start = System.nanoTime();
            DemoCitizenGenerator.generate(SEED, citizens, today, c -> {
                row(rows, c.id(), c.cpr().value(), c.cpr().birthDate(), c.cpr().sex().name(), c.name(), c.address(),
                        c.postcode(), c.district(), c.phone(), c.email(),
                        c.livingSituation() == null ? null : c.livingSituation().name(), c.language(),
                        c.needsInterpreter(), c.transportNotes(), 0, stamp, "bench", stamp, "bench");
                if (c.cpr().ageOn(today) >= 60) {
                    older.add(c.id());
                }
                if (rows.length() > 8_000_000) {
                    copyCitizens(copy, rows);
                }
            });
            copyCitizens(copy, rows);
            System.out.printf("loaded %,d citizens (%,d aged 60+) in %.1f s%n", citizens, older.size(),
                    (System.nanoTime() - start) / 1e9);

            var offers = new ArrayList<Offer>();
            try (var statement = connection.createStatement();
                    var rs = statement.executeQuery("""
                            SELECT o.id, o.name, o.organization_id, g.name AS organization_name
                              FROM offer o JOIN organization g ON g.id = o.organization_id
                             WHERE o.status = 'ACTIVE' ORDER BY o.organization_id, o.id""")) {
                while (rs.next()) {
                    offers.add(new Offer(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getString(4)));
                }
            }
            start = System.nanoTime();
            var random = new Random(SEED);
            var referralRows = new StringBuilder();
            var changeRows = new StringBuilder();
            var consentRows = new StringBuilder();
            var counts = new java.util.HashMap<UUID, Integer>();
            for (int n = 0; n < referrals; n++) {
                // A long tail: the square of a uniform draw favours the first offers (and their organisations).
                double u = random.nextDouble();
                var offer = offers.get((int) (u * u * u * offers.size()));
                counts.merge(offer.organization(), 1, Integer::sum);
                UUID citizen = older.get(random.nextInt(older.size()));
                UUID id = new UUID(random.nextLong(), random.nextLong());
                String status = draw(random);
                Instant requested = now.minus(Duration.ofMinutes(1 + random.nextInt(2 * 365 * 24 * 60)));
                if (status.equals("REQUESTED")) {
                    requested = now.minus(Duration.ofMinutes(1 + random.nextInt(30 * 24 * 60)));
                }
                boolean accompaniment = random.nextInt(10) < 4;
                Instant answered = status.equals("REQUESTED") ? null
                        : requested.plus(Duration.ofHours(2 + random.nextInt(24 * 10)));
                boolean accepted = List.of("ACCEPTED", "IN_PROGRESS", "ON_HOLD", "COMPLETED", "FAILED").contains(status);
                Instant firstVisit = accepted && !status.equals("ACCEPTED") && random.nextInt(10) < 8
                        ? answered.plus(Duration.ofDays(2 + random.nextInt(20))) : null;
                int attendances = firstVisit == null ? 0 : 1 + random.nextInt(10);
                Instant regularly = attendances >= 3 ? firstVisit.plus(Duration.ofDays(21)) : null;
                Instant updated = regularly != null ? regularly : firstVisit != null ? firstVisit
                        : answered != null ? answered : requested;
                String business = switch (status) {
                    case "REJECTED" -> random.nextBoolean() ? "NO_CAPACITY" : "NOT_ELIGIBLE";
                    case "ON_HOLD" -> "NO_CAPACITY";
                    case "FAILED" -> "COULD_NOT_CONTACT";
                    case "IN_PROGRESS" -> regularly != null ? "ATTENDING_REGULARLY" : "ATTENDED";
                    default -> null;
                };
                row(referralRows, id, citizen, offer.id(), offer.name(), offer.organization(),
                        offer.organizationName(), "faellesteam", "faellesteam", status, business, null,
                        status.equals("COMPLETED") ? "Kommer på egen hånd" : null,
                        NEEDS[random.nextInt(NEEDS.length)], accompaniment, "FIRST_NAME,CONTACT",
                        "Borger", "Telefon 20 30 40 50", null, null, attendances, requested, answered, 1,
                        "faellesteam", requested, "kontakt", updated, CONTEXTS[random.nextInt(CONTEXTS.length)],
                        "ON_HOLD".equals(status) || "NO_CAPACITY".equals(business), accepted ? answered : null,
                        firstVisit, regularly);
                int position = 0;
                row(changeRows, id, position++, requested, "faellesteam", null, "REQUESTED", null, null);
                if (answered != null) {
                    row(changeRows, id, position++, answered, "kontakt", "REQUESTED", accepted ? "ACCEPTED" : status,
                            accepted ? null : business, null);
                }
                if (firstVisit != null) {
                    row(changeRows, id, position++, firstVisit, "kontakt", "ACCEPTED", "IN_PROGRESS", "ATTENDED", null);
                }
                if (regularly != null) {
                    row(changeRows, id, position++, regularly, "kontakt", "IN_PROGRESS", "IN_PROGRESS",
                            "ATTENDING_REGULARLY", null);
                }
                if (accepted && !List.of("ACCEPTED", "IN_PROGRESS").contains(status)) {
                    row(changeRows, id, position, updated.plusSeconds(60), "kontakt", "IN_PROGRESS", status, business,
                            null);
                }
                row(consentRows, new UUID(random.nextLong(), random.nextLong()), citizen, "ASSOCIATION",
                        offer.organizationName(), "Henvisning", LocalDate.ofInstant(requested, ZoneOffset.UTC),
                        "faellesteam", requested);
                if (referralRows.length() > 8_000_000) {
                    flush(copy, referralRows, changeRows, consentRows);
                }
            }
            flush(copy, referralRows, changeRows, consentRows);
            var busiest = counts.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow();
            try (var statement = connection.prepareStatement(
                    "UPDATE app_user SET organization_id = ?, version = version + 1 WHERE username = ?")) {
                statement.setObject(1, busiest.getKey());
                statement.setString(2, CONTACT);
                statement.executeUpdate();
            }
            // The organisation's own system (FHIR, HTTP Basic): a SYSTEM user tied to it, with the demo password.
            try (var statement = connection.prepareStatement("""
                    INSERT INTO app_user (username, display_name, password_hash, enabled, organization_id, version)
                    SELECT 'system-bench', 'Foreningens system (benchmark)', password_hash, TRUE, ?, 0
                      FROM app_user WHERE username = 'laegesystem'""")) {
                statement.setObject(1, busiest.getKey());
                statement.executeUpdate();
            }
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("INSERT INTO app_user_role (username, role) VALUES ('system-bench', 'SYSTEM')");
            }
            System.out.printf("loaded %,d referrals in %.1f s; %s answers for the busiest organisation (%,d referrals,"
                    + " %,d organisations in all)%n", referrals, (System.nanoTime() - start) / 1e9, CONTACT,
                    busiest.getValue(), counts.size());
            start = System.nanoTime();
            loadVolunteers(connection, copy, random, options.integer("volunteers", 20_000), today, now);
            System.out.printf("loaded %,d volunteers in %.1f s%n", options.integer("volunteers", 20_000),
                    (System.nanoTime() - start) / 1e9);
            // The Fællesteam works with the citizens of 1,000 accepted referrals that need a companion: the
            // suggestions page reads the referral through need-to-know.
            try (var statement = connection.createStatement()) {
                statement.executeUpdate("""
                        INSERT INTO citizen_relation (citizen_id, team, reason, created_by, created_at, work_kind, work_id)
                        SELECT citizen_id, 'faellesteam', 'Benchmark', 'bench', now(), 'referral', id
                          FROM referral WHERE status = 'ACCEPTED' AND accompaniment ORDER BY id LIMIT 1000""");
            }
            start = System.nanoTime();
            try (var statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
            System.out.printf("VACUUM ANALYZE in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    static void copyCitizens(CopyManager copy, StringBuilder rows) {
        try {
            copy(copy, """
                    COPY citizen (id, cpr, birth_date, sex, name, address, postcode, district, phone, email,
                        living_situation, language, needs_interpreter, transport_notes, version, created_at,
                        created_by, updated_at, updated_by) FROM STDIN WITH (FORMAT csv)""", rows);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final String[] STAGES = {"ONBOARDED", "ONBOARDED", "ONBOARDED", "ONBOARDED", "ONBOARDED", "APPLIED",
            "APPROVED", "PAUSED", "EXPIRED", "DECLINED"};
    static final String[] INTERESTS = {"WALKING", "CRAFTS", "SINGING", "MUSIC", "CARDS_AND_GAMES", "COFFEE_AND_TALK",
            "EXERCISE", "NATURE", "GARDENING", "COOKING", "CULTURE", "READING", "CHURCH", "VOLUNTEERING", "TECHNOLOGY"};
    static final String[] LANGUAGES = {"arabisk", "engelsk", "tyrkisk", "polsk", "somali", "tigrinya", "ukrainsk"};
    static final String[] DAYS = {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"};
    static final String[] PARTS = {"MORNING", "AFTERNOON", "EVENING"};

    /**
     * 20,000 volunteers and peers across the municipality's postcodes, half onboarded with valid checks, the rest
     * applied, approved, paused, expired or declined; one in eight tied to an organisation; one to four interests,
     * Danish and sometimes another language, two to six slots a week.
     */
    static void loadVolunteers(Connection connection, CopyManager copy, Random random, int count, LocalDate today,
            Instant now) throws SQLException, IOException {
        var postcodes = new ArrayList<String>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT code FROM postcode ORDER BY code")) {
            while (rs.next()) {
                postcodes.add(rs.getString(1));
            }
        }
        var organizations = new ArrayList<UUID>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT id FROM organization ORDER BY id LIMIT 500")) {
            while (rs.next()) {
                organizations.add(rs.getObject(1, UUID.class));
            }
        }
        var volunteers = new StringBuilder();
        var interests = new StringBuilder();
        var languages = new StringBuilder();
        var slots = new StringBuilder();
        var requirements = new StringBuilder();
        for (int n = 0; n < count; n++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            String stage = STAGES[random.nextInt(STAGES.length)];
            boolean peer = random.nextInt(6) == 0;
            boolean onboarded = stage.equals("ONBOARDED");
            LocalDate vettedUntil = onboarded ? today.plusDays(30 + random.nextInt(700)) : null;
            UUID organization = random.nextInt(8) == 0 ? organizations.get(random.nextInt(organizations.size())) : null;
            row(volunteers, id, organization, organization == null ? null : "Forening", "Frivillig " + n,
                    "2" + (1000000 + random.nextInt(8999999)), null, postcodes.get(random.nextInt(postcodes.size())),
                    null, peer, true, stage, vettedUntil, null, 0, "bench", now, "bench", now);
            var chosen = new java.util.TreeSet<String>();
            for (int i = 0, k = 1 + random.nextInt(4); i < k; i++) {
                chosen.add(INTERESTS[random.nextInt(INTERESTS.length)]);
            }
            chosen.forEach(interest -> row(interests, id, interest));
            row(languages, id, "dansk");
            if (random.nextInt(5) == 0) {
                row(languages, id, LANGUAGES[random.nextInt(LANGUAGES.length)]);
            }
            var times = new java.util.TreeSet<String>();
            for (int i = 0, k = 2 + random.nextInt(5); i < k; i++) {
                times.add(DAYS[random.nextInt(DAYS.length)] + "," + PARTS[random.nextInt(PARTS.length)]);
            }
            times.forEach(time -> row(slots, id, time.split(",")[0], time.split(",")[1]));
            if (vettedUntil != null) {
                row(requirements, id, "CONFIDENTIALITY", today.minusDays(100), null);
                row(requirements, id, "CRIMINAL_RECORD", today.minusDays(100), vettedUntil);
                if (peer) {
                    row(requirements, id, "PEER_TRAINING", today.minusDays(100), vettedUntil.plusDays(100));
                }
            }
        }
        copy(copy, """
                COPY volunteer (id, organization_id, organization_name, name, phone, email, postcode, district, peer,
                    criminal_record_required, stage, vetted_until, username, version, created_by, created_at,
                    updated_by, updated_at) FROM STDIN WITH (FORMAT csv)""", volunteers);
        copy(copy, "COPY volunteer_interest (volunteer_id, interest) FROM STDIN WITH (FORMAT csv)", interests);
        copy(copy, "COPY volunteer_language (volunteer_id, language) FROM STDIN WITH (FORMAT csv)", languages);
        copy(copy, "COPY volunteer_availability (volunteer_id, weekday, part_of_day) FROM STDIN WITH (FORMAT csv)",
                slots);
        copy(copy, "COPY volunteer_requirement (volunteer_id, kind, met_on, expires_on) FROM STDIN WITH (FORMAT csv)",
                requirements);
    }

    static String draw(Random random) {
        int roll = random.nextInt(1000);
        for (int i = 0; i < STATUSES.length; i++) {
            roll -= STATUS_SHARES[i];
            if (roll < 0) {
                return STATUSES[i];
            }
        }
        return STATUSES[0];
    }

    static void flush(CopyManager copy, StringBuilder referrals, StringBuilder changes, StringBuilder consents)
            throws SQLException, IOException {
        copy(copy, """
                COPY referral (id, citizen_id, offer_id, offer_name, organization_id, organization_name, referrer, team,
                    status, business_status, status_reason, outcome, needs_support, accompaniment, shared_fields,
                    first_name, contact, citizen_words, first_date, attendances, requested_at, answered_at, version,
                    created_by, created_at, updated_by, updated_at, context, full_offer, accepted_at, first_visit_at,
                    regularly_at) FROM STDIN WITH (FORMAT csv)""", referrals);
        copy(copy, """
                COPY referral_change (referral_id, position, changed_at, changed_by, from_status, to_status,
                    business_status, reason) FROM STDIN WITH (FORMAT csv)""", changes);
        copy(copy, """
                COPY consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                FROM STDIN WITH (FORMAT csv)""", consents);
    }

    static void copy(CopyManager copy, String sql, StringBuilder rows) throws SQLException, IOException {
        copy.copyIn(sql, new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** One CSV line; null is an empty unquoted field (NULL), text is always quoted. */
    static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values[i];
            if (value instanceof String text) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else if (value != null) {
                out.append(value);
            }
        }
        out.append('\n');
    }

    // ---------------------------------------------------------------- run

    static void run(Options options) throws Exception {
        String base = options.text("base", "http://127.0.0.1:18580");
        int rounds = options.integer("rounds", 3);
        int reads = options.integer("reads", 200);
        int warmup = options.integer("warmup", 20);
        Path out = Path.of(options.text("out", "bench/out/referral"));
        var report = new StringBuilder();
        try (Connection db = DriverManager.getConnection(options.text("jdbc", null))) {
            print(report, "# Referrals at %,d citizens, %,d referrals, %,d offers%n%n", count(db, "citizen"),
                    count(db, "referral"), count(db, "offer"));
            var contact = Session.login(base, CONTACT);
            var manager = Session.login(base, MANAGER);
            long inboxPages = Math.max(1, Math.min(50, openOfContact(db) / 20));
            // The application counts this year's funnel in the background once it is ready; a manager opening it
            // now waits for what is left of that count. Measured first, so the count is not running under the
            // rounds below.
            long firstViewStart = System.nanoTime();
            int firstStatus = manager.get("/leder/statistik/henvisninger?aar=" + LocalDate.now().getYear()).status();
            print(report, "Funnel, the first view shortly after the start (this year counted in the background since"
                    + " the application was ready): %.1f s (answer %d)%n%n", (System.nanoTime() - firstViewStart) / 1e9,
                    firstStatus);
            print(report, "Load average at the start: %s%n%n", loadAverage());
            print(report, "| what | round | p50 ms | p90 ms | p99 ms | max ms | failures |%n|---|---:|---:|---:|---:|---:|---:|%n");

            var inbox = new ArrayList<double[]>();
            for (int round = 1; round <= rounds; round++) {
                int r = round;
                inbox.add(measure(report, "inbox page (1–" + inboxPages + ")", round, warmup, reads,
                        i -> contact.get("/forening/henvisninger?side=" + (1 + (i * 7L + r) % inboxPages))));
            }
            int year = LocalDate.now().getYear();
            var funnel = new ArrayList<double[]>();
            for (int round = 1; round <= rounds; round++) {
                funnel.add(measure(report, "funnel " + year + " (page)", round, 2, 10,
                        i -> manager.get("/leder/statistik/henvisninger?aar=" + year)));
            }
            UUID organization = organizationOfContact(db);
            var system = Session.basic(base, "system-bench", "demo");
            var fhir = new ArrayList<double[]>();
            for (int round = 1; round <= rounds; round++) {
                fhir.add(measure(report, "FHIR Task?owner=&status=requested", round, warmup, reads,
                        i -> system.get("/fhir/Task?owner=Organization/" + organization + "&status=requested")));
            }
            var staff = Session.login(base, "faellesteam");
            var needing = referralsNeedingACompanion(db);
            var suggestions = new ArrayList<double[]>();
            for (int round = 1; round <= rounds; round++) {
                int r = round;
                suggestions.add(measure(report, "volunteer suggestions (page)", round, warmup, reads,
                        i -> staff.get("/henvisninger/" + needing.get((i * 13 + r) % needing.size()) + "/foelgeskab")));
            }
            print(report, "%n## Medians of the rounds%n%n| what | p50 ms | p99 ms | target |%n|---|---:|---:|---|%n");
            print(report, "| inbox page | %.1f | %.1f | p99 ≤ 30 ms |%n", median(inbox, 0), median(inbox, 2));
            print(report, "| funnel (whole municipality, one year) | %.1f | %.1f | ≤ 1 s |%n", median(funnel, 0),
                    median(funnel, 2));
            print(report, "| FHIR Task?owner=&status=requested | %.1f | %.1f | p99 ≤ 30 ms |%n", median(fhir, 0),
                    median(fhir, 2));
            print(report, "| volunteer suggestions for one referral (page) | %.1f | %.1f | p99 ≤ 30 ms |%n",
                    median(suggestions, 0), median(suggestions, 2));
            print(report, "%nLoad average at the end: %s%n", loadAverage());
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("referral.md"), report);
    }

    interface Request {
        Session.Response send(int i) throws Exception;
    }

    /** One round: {@code warmup} unmeasured requests, then {@code reads} timed ones; p50, p90, p99, max in ms. */
    static double[] measure(StringBuilder report, String what, int round, int warmup, int reads, Request request)
            throws Exception {
        int failures = 0;
        for (int i = 0; i < warmup; i++) {
            request.send(i);
        }
        double[] times = new double[reads];
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            var response = request.send(warmup + i);
            times[i] = (System.nanoTime() - start) / 1e6;
            if (response.status() != 200) {
                failures++;
            }
        }
        java.util.Arrays.sort(times);
        double[] figures = {percentile(times, 50), percentile(times, 90), percentile(times, 99), times[reads - 1]};
        print(report, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d |%n", what, round, figures[0], figures[1],
                figures[2], figures[3], failures);
        return figures;
    }

    static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double median(List<double[]> rounds, int index) {
        double[] values = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    static long count(Connection db, String table) throws SQLException {
        try (var statement = db.createStatement(); var rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long openOfContact(Connection db) throws SQLException {
        try (var statement = db.createStatement(); var rs = statement.executeQuery("""
                SELECT count(*) FROM referral r JOIN app_user u ON u.organization_id = r.organization_id
                 WHERE u.username = 'kontakt' AND r.status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')""")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<UUID> referralsNeedingACompanion(Connection db) throws SQLException {
        var ids = new ArrayList<UUID>();
        try (var statement = db.createStatement(); var rs = statement.executeQuery("""
                SELECT r.id FROM referral r JOIN citizen_relation c ON c.work_id = r.id AND c.team = 'faellesteam'
                 ORDER BY r.id LIMIT 1000""")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    static UUID organizationOfContact(Connection db) throws SQLException {
        try (var statement = db.createStatement(); var rs = statement.executeQuery(
                "SELECT organization_id FROM app_user WHERE username = 'kontakt'")) {
            rs.next();
            return rs.getObject(1, UUID.class);
        }
    }

    static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    static void print(StringBuilder report, String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        report.append(text);
    }

    /** A logged-in user (form login, session cookie, CSRF token), or a system user with HTTP Basic. */
    record Session(HttpClient http, String base, String csrf, String basic) {

        static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        record Response(int status, String body) {
        }

        static Session login(String base, String user) throws IOException, InterruptedException {
            var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String form = "username=" + user + "&password=demo&_csrf="
                    + URLEncoder.encode(token(http, base + "/login"), StandardCharsets.UTF_8);
            var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
                throw new IllegalStateException("login as " + user + " failed: " + login.statusCode() + " " + location);
            }
            return new Session(http, base, token(http, base + "/"), null);
        }

        static Session basic(String base, String user, String password) {
            var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            return new Session(http, base, "", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        static String token(HttpClient http, String page) throws IOException, InterruptedException {
            var body = http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            var token = CSRF.matcher(body);
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on " + page);
            }
            return token.group(1);
        }

        Response get(String path) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600))
                    .header("Accept", path.startsWith("/fhir") ? "application/fhir+json" : "text/html");
            if (basic != null) {
                request.header("Authorization", basic);
            }
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
    }

    /** {@code --name value} pairs after the mode. */
    record Options(String[] args) {
        String text(String name, String fallback) {
            for (int i = 1; i < args.length - 1; i++) {
                if (args[i].equals("--" + name)) {
                    return args[i + 1];
                }
            }
            return fallback;
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, String.valueOf(fallback)));
        }
    }
}
