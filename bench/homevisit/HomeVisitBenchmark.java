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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.citizen.DemoCitizenGenerator;
import dk.brobygger.citizen.DemoCitizenGenerator.AgeBand;
import dk.brobygger.citizen.LivingSituation;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * §79a and outreach at scale (issue 4): the full evaluation (every outreach rule over every citizen and
 * life event, and the §79a due list for a year) and one new life event to an outreach item, on PostgreSQL.
 *
 * <pre>
 * load: java -cp target/classes:postgresql.jar bench/homevisit/HomeVisitBenchmark.java load \
 *         --jdbc URL --citizens 1000000 --events 2000000 --related-every 40
 * run:  java -cp postgresql.jar bench/homevisit/HomeVisitBenchmark.java run --base http://127.0.0.1:18480 \
 *         --jdbc URL --app-pid PID --runs 3 --events 300 --warmup-events 30 --out OUT
 * </pre>
 *
 * <p>The load streams citizens from {@link DemoCitizenGenerator} (seeded) with an older municipality's
 * age pyramid (about 25 % aged 65+, as in Danish rural municipalities), then draws the life events: more
 * for older citizens, of the kinds DOMAIN.md §2 names with shares by age, dated within the last two years
 * up to yesterday, so that the benchmark's own events (today) are the only ones of their day. Citizens
 * aged 65+ get home care (§83) with shares growing with age, so the §79a exemption has work to do. Every
 * {@code related-every}-th citizen aged 66+ is related to the demo user {@code hjemmebesog}, who records
 * the benchmark's events (need-to-know).
 *
 * <p>The run, everything over HTTP as logged-in users (form login, session cookie, CSRF token):
 * (a) {@code POST /api/outreach/evaluation} as the manager {@code leder}, first on an empty outreach list
 * (every item made anew: the first night) and then again (a later night: nothing new), and
 * {@code GET /api/homevisits/due?year=} for the coming year as {@code hjemmebesog}, each {@code runs}
 * times with wall time and the CPU of the application and of PostgreSQL's backends; (b) one client
 * posting a life event ({@code POST /api/citizens/{id}/life-events}, lost spouse, today) for a citizen
 * aged 66+ without an open item of that kind, which must answer with the outreach item it made, then
 * {@code GET /api/outreach/items/{item}}; then the first page of {@code GET /api/outreach/items} and of the
 * worklist page {@code /hjemmebesog}; (c) a MedCom discharge (SLHJ) for a citizen aged 66+ living alone,
 * timed until its outreach item is in the database (the hospital module hands it on asynchronously).
 */
public class HomeVisitBenchmark {

    static final long SEED = 20_261_123L;
    static final String VISITOR = "hjemmebesog";
    static final String MANAGER = "leder";

    /** 25 % aged 65+: the national shares below 60 scaled down, an older 60+ (Lolland, Bornholm-like). */
    static final List<AgeBand> OLDER_MUNICIPALITY = older();

    enum Type {
        LOST_SPOUSE("CPR-registret", "IMPORT"), SPOUSE_SERIOUSLY_ILL("egen læge", "STAFF"),
        LEFT_LABOUR_MARKET("Udbetaling Danmark", "IMPORT"), DISCHARGED_FROM_HOSPITAL("Sygehus (MedCom SLHJ)", "HOSPITAL"),
        FINISHED_REHABILITATION("Genoptræningen", "STAFF"), MOVED_TO_NEW_AREA("CPR-registret", "IMPORT");

        final String source;
        final String via;

        Type(String source, String via) {
            this.source = source;
            this.via = via;
        }
    }

    // Shares of the types (in Type's order) by age: under 60, 60–69, 70 and over.
    static final double[][] TYPE_SHARES = {
            {0.01, 0.04, 0.02, 0.40, 0.08, 0.45},
            {0.08, 0.12, 0.20, 0.35, 0.13, 0.12},
            {0.11, 0.12, 0.02, 0.50, 0.15, 0.10}};

    public static void main(String[] args) throws Exception {
        var options = new Options(args);
        switch (args[0]) {
            case "load" -> load(options);
            case "run" -> run(options);
            default -> throw new IllegalArgumentException("load or run");
        }
    }

    static List<AgeBand> older() {
        double[][] young = {{0, 9, 0.104}, {10, 19, 0.115}, {20, 29, 0.131}, {30, 39, 0.126}, {40, 49, 0.118},
                {50, 59, 0.132}};
        double[][] old = {{60, 69, 0.130}, {70, 79, 0.120}, {80, 89, 0.058}, {90, 99, 0.0088}, {100, 104, 0.0002}};
        double oldShare = Arrays.stream(old).mapToDouble(band -> band[2]).sum();
        double youngShare = Arrays.stream(young).mapToDouble(band -> band[2]).sum();
        var bands = new ArrayList<AgeBand>();
        for (double[] band : young) {
            bands.add(new AgeBand((int) band[0], (int) band[1], band[2] * (1 - oldShare) / youngShare));
        }
        for (double[] band : old) {
            bands.add(new AgeBand((int) band[0], (int) band[1], band[2]));
        }
        return bands;
    }

    // ---------------------------------------------------------------- load

    static void load(Options options) throws Exception {
        int citizens = options.integer("citizens", 1_000_000);
        int events = options.integer("events", 2_000_000);
        int relatedEvery = options.integer("related-every", 40);
        LocalDate today = LocalDate.now();
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        long[] msb = new long[citizens];
        long[] lsb = new long[citizens];
        byte[] ages = new byte[citizens];
        try (Connection connection = DriverManager.getConnection(options.text("jdbc", null))) {
            var copy = new CopyManager(connection.unwrap(BaseConnection.class));
            var random = new Random(SEED);
            var citizenRows = new StringBuilder();
            var careRows = new StringBuilder();
            var relationRows = new StringBuilder();
            long[] counts = new long[5];
            long start = System.nanoTime();
            DemoCitizenGenerator.generate(SEED, citizens, today, OLDER_MUNICIPALITY, c -> {
                int i = (int) counts[0]++;
                int age = c.cpr().ageOn(today);
                msb[i] = c.id().getMostSignificantBits();
                lsb[i] = c.id().getLeastSignificantBits();
                ages[i] = (byte) Math.min(age, 127);
                row(citizenRows, c.id(), c.cpr().value(), c.cpr().birthDate(), c.cpr().sex().name(), c.name(),
                        c.address(), c.postcode(), c.district(), c.phone(), c.email(),
                        c.livingSituation() == null ? null : c.livingSituation().name(), c.language(),
                        c.needsInterpreter(), c.transportNotes(), 0, now, "bench", now, "bench");
                if (age >= 65) {
                    counts[1]++;
                    counts[2] += homeCare(careRows, random, c.id(), age,
                            c.livingSituation() == LivingSituation.CARE_HOME, today, now);
                }
                if (age >= 66 && i % relatedEvery == 0) {
                    row(relationRows, c.id(), VISITOR, null, "Benchmark", "bench", now);
                    counts[3]++;
                }
                if (citizenRows.length() > 8_000_000) {
                    flush(copy, citizenRows, careRows, relationRows);
                }
            });
            flush(copy, citizenRows, careRows, relationRows);
            System.out.printf("loaded %,d citizens (%,d aged 65+, %,d home-care periods, %,d related to %s) in %.1f s%n",
                    counts[0], counts[1], counts[2], counts[3], VISITOR, (System.nanoTime() - start) / 1e9);

            start = System.nanoTime();
            loadEvents(copy, random, msb, lsb, ages, events, today);
            System.out.printf("loaded %,d life events in %.1f s%n", events, (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            try (var statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
            System.out.printf("VACUUM ANALYZE in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Practical help for 8 % of the 65–79-year-olds, 30 % of the 80–89 and 55 % of the older, half of
     * them with personal care as well; everybody in a care home has both; one period in six has ended.
     */
    static int homeCare(StringBuilder out, Random random, UUID citizen, int age, boolean careHome, LocalDate today,
            String now) {
        double practical = careHome ? 1 : age < 80 ? 0.08 : age < 90 ? 0.30 : 0.55;
        if (random.nextDouble() >= practical) {
            return 0;
        }
        boolean personal = careHome || random.nextBoolean();
        int rows = 0;
        for (String service : personal ? List.of("PRACTICAL_HELP", "PERSONAL_CARE") : List.of("PRACTICAL_HELP")) {
            LocalDate from = today.minusDays(1 + random.nextInt(5 * 365));
            LocalDate to = random.nextInt(6) == 0 ? from.plusDays(random.nextInt((int) (today.toEpochDay() - from.toEpochDay()) + 1)) : null;
            row(out, new UUID(random.nextLong(), random.nextLong()), citizen, service, from, to, "bench", now);
            rows++;
        }
        return rows;
    }

    /** Citizens drawn with weights growing with age, types by age, dates in the last two years. */
    static void loadEvents(CopyManager copy, Random random, long[] msb, long[] lsb, byte[] ages, int events,
            LocalDate today) throws SQLException, IOException {
        double[] cumulative = new double[ages.length];
        double sum = 0;
        for (int i = 0; i < ages.length; i++) {
            int age = ages[i];
            sum += age < 18 ? 0.15 : age < 60 ? 1.0 : age < 65 ? 2.0 : age < 80 ? 4.0 : 6.0;
            cumulative[i] = sum;
        }
        var rows = new StringBuilder();
        for (int n = 0; n < events; n++) {
            int i = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            i = Math.min(ages.length - 1, i < 0 ? -i - 1 : i);
            int age = ages[i];
            double[] shares = TYPE_SHARES[age < 60 ? 0 : age < 70 ? 1 : 2];
            double roll = random.nextDouble();
            int t = 0;
            while (t < shares.length - 1 && roll >= shares[t]) {
                roll -= shares[t++];
            }
            Type type = Type.values()[t];
            LocalDate day = today.minusDays(1 + random.nextInt(730));
            row(rows, new UUID(random.nextLong(), random.nextLong()), new UUID(msb[i], lsb[i]), type.name(), day,
                    type.source, type.via, "bench", day.plusDays(1) + "T12:00:00Z");
            if (rows.length() > 8_000_000) {
                copyEvents(copy, rows);
            }
        }
        copyEvents(copy, rows);
    }

    static void copyEvents(CopyManager copy, StringBuilder rows) throws SQLException, IOException {
        copy.copyIn("""
                COPY life_event (id, citizen_id, type, occurred_on, source, arrived_via, recorded_by, recorded_at)
                FROM STDIN WITH (FORMAT csv)""", new StringReader(rows.toString()));
        rows.setLength(0);
    }

    static void flush(CopyManager copy, StringBuilder citizens, StringBuilder care, StringBuilder relations) {
        try {
            copy.copyIn("""
                    COPY citizen (id, cpr, birth_date, sex, name, address, postcode, district, phone, email,
                        living_situation, language, needs_interpreter, transport_notes, version, created_at,
                        created_by, updated_at, updated_by) FROM STDIN WITH (FORMAT csv)""",
                    new StringReader(citizens.toString()));
            copy.copyIn("""
                    COPY homevisit_home_care (id, citizen_id, service, from_date, to_date, recorded_by, recorded_at)
                    FROM STDIN WITH (FORMAT csv)""", new StringReader(care.toString()));
            copy.copyIn("""
                    COPY citizen_relation (citizen_id, username, team, reason, created_by, created_at)
                    FROM STDIN WITH (FORMAT csv)""", new StringReader(relations.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        citizens.setLength(0);
        care.setLength(0);
        relations.setLength(0);
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

    static long appPid;
    static Connection db;

    static void run(Options options) throws Exception {
        String base = options.text("base", "http://127.0.0.1:18480");
        int runs = options.integer("runs", 3);
        int measured = options.integer("events", 300);
        int warmup = options.integer("warmup-events", 30);
        int hospital = options.integer("hospital", 200);
        int reads = options.integer("reads", 20);
        int pageReads = options.integer("page-reads", 200);
        int pageWarmup = options.integer("page-warmup", 20);
        int year = options.integer("year", LocalDate.now().getYear() + 1);
        Path out = Path.of(options.text("out", "bench/out/homevisit"));
        appPid = Long.parseLong(options.text("app-pid", "-1"));
        db = DriverManager.getConnection(options.text("jdbc", null));
        var report = new StringBuilder();
        var manager = Session.login(base, MANAGER);
        var visitor = Session.login(base, VISITOR);
        print(report, "# §79a and outreach at %s%n%n%s%n", count("SELECT count(*) FROM citizen") + " citizens",
                shape());

        // (a) the full evaluation
        print(report, "%n## (a) Full evaluation%n%n| step | run | wall s | app CPU s | PostgreSQL CPU s | result | load average |%n|---|---:|---:|---:|---:|---|---|%n");
        var cold = new ArrayList<Double>();
        var warm = new ArrayList<Double>();
        var due = new ArrayList<Double>();
        for (int r = 1; r <= runs; r++) {
            try (var statement = db.createStatement()) {
                statement.execute("TRUNCATE outreach_item CASCADE");
            }
            cold.add(timed(report, "outreach evaluation, empty list", r, () -> manager.posted("/api/outreach/evaluation", "")));
        }
        for (int r = 1; r <= runs; r++) {
            warm.add(timed(report, "outreach evaluation again", r, () -> manager.posted("/api/outreach/evaluation", "")));
        }
        for (int r = 1; r <= runs; r++) {
            due.add(timed(report, "due list " + year, r, () -> {
                var response = visitor.get("/api/homevisits/due?year=" + year);
                return new Answer(response.status(), count(response.body(), "\"citizenId\"") + " due, "
                        + response.body().length() / 1024 / 1024 + " MiB JSON");
            }));
        }
        print(report, "%nMedians: outreach evaluation on an empty list %.1f s, again %.1f s, due list %d %.1f s;"
                + " full evaluation (first night) %.1f s, (later nights) %.1f s.%n", median(cold), median(warm), year,
                median(due), median(cold) + median(due), median(warm) + median(due));
        print(report, "%nOutreach items: %s%n", rows("""
                SELECT reason || '=' || count(*) FROM outreach_item WHERE status = 'OPEN' GROUP BY reason ORDER BY reason"""));

        // After each evaluation the worklist's table is made anew (in the background, seconds at 1 M), and a life
        // event arriving meanwhile waits for it: that is a few seconds a night, not the daily figure measured here.
        long evaluated0 = System.nanoTime();
        String evaluatedAt = list("SELECT CAST(CURRENT_TIMESTAMP AS VARCHAR)").getFirst();
        while (count("SELECT COUNT(*) FROM homevisit_worklist_refresh WHERE refreshed_at >= CAST('" + evaluatedAt
                + "' AS TIMESTAMP WITH TIME ZONE) - INTERVAL '1 second'") == 0 && System.nanoTime() - evaluated0 < 120_000_000_000L) {
            Thread.sleep(200);
        }
        print(report, "%nWorklist table made again after the evaluation: waited %.1f s%n",
                (System.nanoTime() - evaluated0) / 1e9);

        // (b) one new event to an outreach item
        var targets = list("""
                SELECT c.id FROM citizen_relation r JOIN citizen c ON c.id = r.citizen_id
                 WHERE r.username = '%s' AND r.ended_at IS NULL AND c.birth_date <= CURRENT_DATE - INTERVAL '66 years'
                   AND NOT EXISTS (SELECT 1 FROM outreach_item i WHERE i.citizen_id = c.id AND i.reason = 'LOST_SPOUSE'
                                     AND i.status = 'OPEN')
                   AND NOT EXISTS (SELECT 1 FROM life_event e WHERE e.citizen_id = c.id AND e.type = 'LOST_SPOUSE'
                                     AND e.occurred_on = CURRENT_DATE)
                 ORDER BY c.id LIMIT %d""".formatted(VISITOR, warmup + measured));
        if (targets.size() < warmup + measured) {
            throw new IllegalStateException("only " + targets.size() + " targets; relate more citizens (--related-every)");
        }
        var post = new long[measured];
        var get = new long[measured];
        int failures = 0;
        double load0 = loadAverage();
        double app0 = cpuSeconds(appPid);
        double pg0 = postgresCpuSeconds();
        for (int n = 0; n < warmup + measured; n++) {
            String citizen = targets.get(n);
            long t0 = System.nanoTime();
            var created = visitor.post("/api/citizens/" + citizen + "/life-events",
                    "{\"type\":\"LOST_SPOUSE\",\"date\":\"" + LocalDate.now() + "\",\"source\":\"Benchmark\"}");
            long t1 = System.nanoTime();
            var item = Pattern.compile("\"outreachItem\":\"([0-9a-f-]{36})\"").matcher(created.body());
            if (created.status() != 201 || !item.find()) {
                failures++;
                if (failures <= 3) {
                    System.out.println("  no item: " + created.status() + " " + created.body());
                }
                continue;
            }
            var shown = visitor.get("/api/outreach/items/" + item.group(1));
            long t2 = System.nanoTime();
            if (shown.status() != 200 || !shown.body().contains("\"status\":\"OPEN\"")) {
                failures++;
            }
            if (n >= warmup) {
                post[n - warmup] = (t1 - t0) / 1_000;
                get[n - warmup] = (t2 - t0) / 1_000;
            }
        }
        double app = cpuSeconds(appPid) - app0;
        double pg = postgresCpuSeconds() - pg0;
        print(report, "%n## (b) One new life event to an outreach item%n%n"
                + "%d events after %d unmeasured, one client, load average %.2f → %.2f; failures: %d;"
                + " CPU per event: app %.1f ms, PostgreSQL %.1f ms%n%n"
                + "| what | p50 ms | p90 ms | p99 ms | max ms |%n|---|---:|---:|---:|---:|%n", measured, warmup, load0,
                loadAverage(), failures, app * 1000 / (warmup + measured), pg * 1000 / (warmup + measured));
        percentiles(report, "POST life event → 201 with its item (item committed)", post);
        percentiles(report, "… and GET /api/outreach/items/{item} answered", get);

        percentiles(report, "GET /api/outreach/items?size=50 (open items, newest first)",
                repeat(reads, () -> visitor.get("/api/outreach/items?size=50")));
        percentiles(report, "GET /api/outreach/items (default size 1000)",
                repeat(reads, () -> visitor.get("/api/outreach/items")));
        // The worklist's table is made after the evaluation has committed (and at a year's first page): wait for it,
        // so that the pages measured are the daily ones.
        long made0 = System.nanoTime();
        while (count("SELECT COUNT(*) FROM homevisit_worklist_refresh WHERE visit_year = EXTRACT(YEAR FROM CURRENT_DATE)") == 0
                && System.nanoTime() - made0 < 600_000_000_000L) {
            Thread.sleep(200);
        }
        print(report, "%n## (d) Start page and worklist page%n%n"
                + "Worklist table: %s; %d reads of each page after %d unmeasured, one client, load average %.2f%n%n"
                + "| what | p50 ms | p90 ms | p99 ms | max ms |%n|---|---:|---:|---:|---:|%n",
                rows("SELECT visit_year || ': ' || citizens || ' citizens' FROM homevisit_worklist_refresh ORDER BY visit_year"),
                pageReads, pageWarmup, loadAverage());
        for (String page : List.of("/start", "/hjemmebesog", "/hjemmebesog?sorter=AGE", "/hjemmebesog?sorter=NAME&side=100",
                "/hjemmebesog?distrikt=VEST&sorter=REASON_DATE", "/hjemmebesog?vis=MINE")) {
            repeat(pageWarmup, () -> visitor.get(page));
            percentiles(report, "GET " + page + " as the home visitor", repeat(pageReads, () -> visitor.get(page)));
        }

        if (hospital > 0) {
            hospital(report, base, hospital, Path.of(options.text("examples", "../shared/reference/medcom-hospitalnotification")));
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("homevisit.md"), report);
    }

    /** A MedCom SLHJ (discharged home, yesterday) until the outreach item is in the database. */
    static void hospital(StringBuilder report, String base, int count, Path examples) throws Exception {
        var targets = list("""
                SELECT c.cpr || ' ' || c.id FROM citizen c
                 WHERE c.living_situation = 'ALONE' AND c.birth_date <= CURRENT_DATE - INTERVAL '66 years'
                   AND NOT EXISTS (SELECT 1 FROM outreach_item i WHERE i.citizen_id = c.id
                                     AND i.reason = 'DISCHARGED_FROM_HOSPITAL' AND i.status = 'OPEN')
                 ORDER BY c.id LIMIT %d""".formatted(count + 10));
        String template = Files.readString(examples.resolve("HospitalNotification_Ex_SLHJ_H.json"))
                .replace("2023-03-07", LocalDate.now().minusDays(1).toString())
                .replace("2023-03-01", LocalDate.now().minusDays(7).toString());
        String auth = "Basic " + Base64.getEncoder().encodeToString("medcom:demo".getBytes(StandardCharsets.UTF_8));
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var answered = new long[count];
        var visible = new long[count];
        int failures = 0;
        double load0 = loadAverage();
        try (var poll = db.prepareStatement("""
                SELECT count(*) FROM outreach_item WHERE citizen_id = ? AND reason = 'DISCHARGED_FROM_HOSPITAL'
                   AND status = 'OPEN'""")) {
            for (int n = 0; n < count + 10; n++) {
                String[] target = targets.get(n).split(" ");
                String body = fresh(template, target[0]);
                long t0 = System.nanoTime();
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/fhir/$process-message"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", auth)
                        .header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                long t1 = System.nanoTime();
                poll.setObject(1, UUID.fromString(target[1]));
                boolean seen = false;
                while (!seen && System.nanoTime() - t0 < 10_000_000_000L) {
                    try (ResultSet rs = poll.executeQuery()) {
                        rs.next();
                        seen = rs.getLong(1) > 0;
                    }
                    if (!seen) {
                        Thread.sleep(0, 500_000);
                    }
                }
                long t2 = System.nanoTime();
                if (response.statusCode() != 200 || !seen) {
                    failures++;
                    if (failures <= 3) {
                        System.out.println("  hospital: " + response.statusCode() + " seen=" + seen + " "
                                + response.body().substring(0, Math.min(300, response.body().length())));
                    }
                } else if (n >= 10) {
                    answered[n - 10] = (t1 - t0) / 1_000;
                    visible[n - 10] = (t2 - t0) / 1_000;
                }
            }
        }
        print(report, "%n## (c) A MedCom discharge (SLHJ) to an outreach item%n%n%d messages after 10 unmeasured, one"
                + " client, load average %.2f → %.2f; failures: %d%n%n| what | p50 ms | p90 ms | p99 ms | max ms |%n"
                + "|---|---:|---:|---:|---:|%n", count, load0, loadAverage(), failures);
        percentiles(report, "POST /fhir/$process-message answered", answered);
        percentiles(report, "… until the outreach item is committed (polled every 0.5 ms)", visible);
    }

    static String fresh(String template, String cpr) {
        String body = template.replace("2509479989", cpr);
        var matcher = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-z-]{36})\"").matcher(template);
        var ids = new java.util.LinkedHashSet<String>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        for (String id : ids) {
            body = body.replace(id, UUID.randomUUID().toString());
        }
        return body;
    }

    record Answer(int status, String result) {
    }

    interface Step {
        Answer run() throws Exception;
    }

    interface Call {
        Session.Response run() throws Exception;
    }

    static double timed(StringBuilder report, String step, int run, Step what) throws Exception {
        double load = loadAverage();
        double app0 = cpuSeconds(appPid);
        double pg0 = postgresCpuSeconds();
        long t0 = System.nanoTime();
        var answer = what.run();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (answer.status() != 200) {
            throw new IllegalStateException(step + ": " + answer.status() + " " + answer.result());
        }
        print(report, "| %s | %d | %.2f | %.2f | %.2f | %s | %.2f → %.2f |%n", step, run, wall,
                cpuSeconds(appPid) - app0, postgresCpuSeconds() - pg0, answer.result(), load, loadAverage());
        return wall;
    }

    static long[] repeat(int times, Call call) throws Exception {
        var micros = new long[times];
        for (int n = 0; n < times; n++) {
            long t0 = System.nanoTime();
            var response = call.run();
            micros[n] = (System.nanoTime() - t0) / 1_000;
            if (response.status() != 200) {
                throw new IllegalStateException(response.status() + " " + response.body());
            }
        }
        return micros;
    }

    static void percentiles(StringBuilder report, String what, long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        print(report, "| %s (n=%d) | %.1f | %.1f | %.1f | %.1f |%n", what, sorted.length, at(sorted, 50), at(sorted, 90),
                at(sorted, 99), sorted[sorted.length - 1] / 1000.0);
    }

    static double at(long[] sorted, int p) {
        int index = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1));
        return sorted[index] / 1000.0;
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void print(StringBuilder report, String format, Object... args) {
        String text = format.formatted(args);
        System.out.print(text);
        report.append(text);
    }

    static String shape() throws SQLException {
        return "Data: " + rows("""
                SELECT count(*) FILTER (WHERE birth_date <= CURRENT_DATE - INTERVAL '65 years') || ' aged 65+, '
                    || count(*) FILTER (WHERE birth_date <= CURRENT_DATE - INTERVAL '65 years'
                                          AND living_situation = 'ALONE') || ' of them living alone, '
                    || count(*) FILTER (WHERE district = 'ØST') || ' in ØST, '
                    || count(*) FILTER (WHERE district = 'VEST') || ' in VEST' FROM citizen""")
                + "; " + count("SELECT count(*) FROM life_event") + " life events (" + rows("""
                SELECT type || '=' || count(*) FROM life_event GROUP BY type ORDER BY type""") + "), "
                + rows("SELECT min(occurred_on) || '…' || max(occurred_on) FROM life_event") + "; "
                + count("SELECT count(*) FROM homevisit_home_care") + " home-care periods; database "
                + rows("SELECT pg_size_pretty(pg_database_size(current_database()))") + ".";
    }

    static long count(String sql) throws SQLException {
        return Long.parseLong(rows(sql));
    }

    static String rows(String sql) throws SQLException {
        return String.join(", ", list(sql));
    }

    static List<String> list(String sql) throws SQLException {
        var found = new ArrayList<String>();
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** User + system CPU of a process from /proc/PID/stat (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** CPU of every PostgreSQL backend connected to the benchmark database (the application's pool and ours). */
    static double postgresCpuSeconds() throws SQLException {
        double sum = 0;
        try (var statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")) {
            while (rs.next()) {
                sum += cpuSeconds(rs.getLong(1));
            }
        }
        return sum;
    }

    /** One logged-in browser: its own connection, session cookie and CSRF token. */
    record Session(HttpClient http, String base, String csrf) {

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
            return new Session(http, base, token(http, base + "/"));
        }

        /** The CSRF token of the session, from a page's form (the log-out form once logged in). */
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
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600))
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }

        Response post(String path, String json) throws IOException, InterruptedException {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }

        Answer posted(String path, String json) throws IOException, InterruptedException {
            var response = post(path, json);
            return new Answer(response.status(), response.body());
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
            if (fallback == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return fallback;
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)));
        }
    }
}
