import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import dk.brobygger.citizen.DemoCitizenGenerator;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Citizens at scale: loads N citizens with 5 network members each into PostgreSQL, then measures the
 * citizen lookup by CPR ({@code GET /api/citizens?cpr=}) and the overview page ({@code GET /borgere/{id}})
 * over HTTP as a related staff user: need-to-know check and audit writes included.
 *
 * <pre>
 * load: java -cp target/classes:postgresql.jar bench/citizens/CitizenBenchmark.java load \
 *         --jdbc URL --citizens 1000000 --members 5 --related-every 100 --targets OUT/targets.tsv
 * run:  java bench/citizens/CitizenBenchmark.java run --targets OUT/targets.tsv --systems A=http://127.0.0.1:18080,... \
 *         --clients 8,32 --warmup 10 --duration 20 --out OUT
 * </pre>
 * The load streams citizens from {@link DemoCitizenGenerator} (seeded; Danish age pyramid, names,
 * addresses) into COPY, and gives each citizen 5 seeded network members and a team relation (teams
 * other than the benchmark user's); every {@code related-every}-th citizen is also related to the user
 * {@code hjemmebesog}, and those are the lookup targets.
 */
public class CitizenBenchmark {

    static final long SEED = 20_261_123L;
    static final String USER = "hjemmebesog";
    static final List<String> OTHER_TEAMS = List.of("faellesteam", "en-indgang", "akuttilbud", "socialpsykiatri",
            "hjemmepleje-oest", "hjemmepleje-vest", "hjemmesygepleje", "akutteam", "jobcenter", "ungeindsats");
    static final List<String> PRIVATE_ROLES = List.of("datter", "søn", "nabo", "ven", "ægtefælle", "barnebarn");
    static final List<String> PROFESSIONAL_ROLES = List.of("egen læge", "hjemmesygeplejerske", "bostøtte",
            "F-ACT-team", "sagsbehandler", "fysioterapeut");

    public static void main(String[] args) throws Exception {
        var options = new Options(args);
        switch (args[0]) {
            case "load" -> load(options);
            case "run" -> run(options);
            default -> throw new IllegalArgumentException("load or run");
        }
    }

    // ---------------------------------------------------------------- load

    static void load(Options options) throws Exception {
        int citizens = options.integer("citizens", 1_000_000);
        int members = options.integer("members", 5);
        int relatedEvery = options.integer("related-every", 100);
        Path targetsFile = Path.of(options.text("targets", "bench/out/targets.tsv"));
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        try (Connection connection = DriverManager.getConnection(options.text("jdbc", null))) {
            var copy = new CopyManager(connection.unwrap(BaseConnection.class));
            var random = new Random(SEED);
            var citizenRows = new StringBuilder();
            var memberRows = new StringBuilder();
            var relationRows = new StringBuilder();
            var targets = new StringBuilder();
            long[] counts = new long[4];
            long start = System.nanoTime();
            DemoCitizenGenerator.generate(SEED, citizens, LocalDate.now(), c -> {
                long i = counts[0]++;
                row(citizenRows, c.id(), c.cpr().value(), c.cpr().birthDate(), c.cpr().sex().name(), c.name(),
                        c.address(), c.postcode(), c.district(), c.phone(), c.email(),
                        c.livingSituation() == null ? null : c.livingSituation().name(), c.language(),
                        c.needsInterpreter(), c.transportNotes(), 0, now, "bench", now, "bench");
                for (int m = 0; m < members; m++) {
                    boolean professional = random.nextInt(3) == 0;
                    var roles = professional ? PROFESSIONAL_ROLES : PRIVATE_ROLES;
                    row(memberRows, new UUID(random.nextLong(), random.nextLong()), c.id(),
                            professional ? "PROFESSIONAL" : "PRIVATE", "Netværksperson " + (i * members + m),
                            roles.get(random.nextInt(roles.size())), 1 + random.nextInt(3),
                            "+45 " + (20_000_000 + random.nextInt(70_000_000)), null, "bench", now);
                }
                row(relationRows, c.id(), null, OTHER_TEAMS.get((int) (i % OTHER_TEAMS.size())), "Benchmark", "bench", now);
                counts[2]++;
                if (i % relatedEvery == 0) {
                    row(relationRows, c.id(), USER, null, "Benchmark", "bench", now);
                    counts[2]++;
                    targets.append(c.id()).append('\t').append(c.cpr().value()).append('\n');
                }
                if (citizenRows.length() > 8_000_000) {
                    try {
                        flush(copy, citizenRows, memberRows, relationRows);
                    } catch (SQLException | IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            flush(copy, citizenRows, memberRows, relationRows);
            System.out.printf("loaded %,d citizens, %,d network members, %,d relations in %.1f s%n", counts[0],
                    counts[0] * members, counts[2], (System.nanoTime() - start) / 1e9);
            Files.createDirectories(targetsFile.toAbsolutePath().getParent());
            Files.writeString(targetsFile, targets);
            start = System.nanoTime();
            try (var statement = connection.createStatement()) {
                statement.execute("VACUUM ANALYZE");
            }
            System.out.printf("VACUUM ANALYZE in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    static void flush(CopyManager copy, StringBuilder citizens, StringBuilder members, StringBuilder relations)
            throws SQLException, IOException {
        copy.copyIn("""
                COPY citizen (id, cpr, birth_date, sex, name, address, postcode, district, phone, email,
                    living_situation, language, needs_interpreter, transport_notes, version, created_at,
                    created_by, updated_at, updated_by) FROM STDIN WITH (FORMAT csv)""", new StringReader(citizens.toString()));
        copy.copyIn("""
                COPY network_member (id, citizen_id, kind, name, role, closeness, phone, email, added_by, added_at)
                FROM STDIN WITH (FORMAT csv)""", new StringReader(members.toString()));
        copy.copyIn("""
                COPY citizen_relation (citizen_id, username, team, reason, created_by, created_at)
                FROM STDIN WITH (FORMAT csv)""", new StringReader(relations.toString()));
        citizens.setLength(0);
        members.setLength(0);
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

    record Target(String id, String cpr) {
    }

    record Phase(String system, String base, String endpoint, int clients) {
    }

    static void run(Options options) throws Exception {
        var targets = Files.readAllLines(Path.of(options.text("targets", "bench/out/targets.tsv"))).stream()
                .filter(line -> !line.isBlank()).map(line -> line.split("\t"))
                .map(parts -> new Target(parts[0], parts[1])).toList();
        int warmup = options.integer("warmup", 10);
        int duration = options.integer("duration", 20);
        var clients = Arrays.stream(options.text("clients", "8,32").split(",")).mapToInt(Integer::parseInt).toArray();
        var endpoints = options.text("endpoints", "cpr,overview").split(",");
        Path out = Path.of(options.text("out", "bench/out"));
        var phases = new ArrayList<Phase>();
        for (String system : options.text("systems", "A=http://127.0.0.1:18080").split(",")) {
            String[] parts = system.split("=", 2);
            for (String endpoint : endpoints) {
                for (int c : clients) {
                    phases.add(new Phase(parts[0], parts[1], endpoint, c));
                }
            }
        }
        var table = new StringBuilder("""
                | system | endpoint | clients | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |
                |---|---|---:|---:|---:|---:|---:|---:|---:|---:|
                """);
        for (var phase : phases) {
            var result = measure(phase, targets, warmup, duration);
            String line = "| %s | %s | %d | %,d | %,.0f | %.1f | %.1f | %.1f | %.1f | %d |".formatted(phase.system(),
                    phase.endpoint(), phase.clients(), result.count(), result.count() / (double) duration,
                    result.percentile(50), result.percentile(95), result.percentile(99), result.percentile(100),
                    result.errors());
            System.out.println(line);
            table.append(line).append('\n');
        }
        Files.writeString(out.resolve("citizens-client-side.md"), table);
    }

    record Result(long[] micros, int count, long errors) {
        double percentile(int p) {
            if (count == 0) {
                return Double.NaN;
            }
            int index = Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1);
            return micros[Math.max(0, index)] / 1000.0;
        }
    }

    static Result measure(Phase phase, List<Target> targets, int warmup, int duration) throws Exception {
        var sessions = new ArrayList<Session>();
        for (int c = 0; c < phase.clients(); c++) {
            sessions.add(Session.login(phase.base()));
        }
        var measuring = new AtomicBoolean(false);
        var stop = new AtomicBoolean(false);
        var errors = new AtomicLong();
        var statuses = new java.util.concurrent.ConcurrentHashMap<Integer, Integer>();
        var perClient = new ArrayList<long[][]>();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < phase.clients(); c++) {
            var session = sessions.get(c);
            long[][] samples = {new long[1 << 16]};
            int[] n = {0};
            perClient.add(samples);
            var random = new Random(SEED + c);
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    var target = targets.get(random.nextInt(targets.size()));
                    String path = phase.endpoint().equals("cpr") ? "/api/citizens?cpr=" + target.cpr()
                            : "/borgere/" + target.id();
                    String tag = phase.system() + "-" + phase.endpoint() + "-" + phase.clients();
                    long begin = System.nanoTime();
                    int status = session.get(path, measuring.get() ? tag : "warmup-" + tag);
                    long micros = (System.nanoTime() - begin) / 1_000;
                    if (measuring.get()) {
                        if (status != 200) {
                            errors.incrementAndGet();
                            statuses.merge(status, 1, Integer::sum);
                        }
                        if (n[0] == samples[0].length) {
                            samples[0] = Arrays.copyOf(samples[0], n[0] * 2);
                        }
                        samples[0][n[0]++] = micros;
                    }
                }
                samples[0] = Arrays.copyOf(samples[0], n[0]);
            }));
        }
        Thread.sleep(warmup * 1_000L);
        measuring.set(true);
        Thread.sleep(duration * 1_000L);
        measuring.set(false);
        stop.set(true);
        for (var thread : threads) {
            thread.join(Duration.ofSeconds(30));
        }
        if (!statuses.isEmpty()) {
            System.out.println("  " + phase + ": statuses other than 200 (-1 = I/O error): " + statuses);
        }
        long[] all = perClient.stream().flatMapToLong(s -> Arrays.stream(s[0])).sorted().toArray();
        return new Result(all, all.length, errors.get());
    }

    /** One logged-in browser: its own connection and session cookie. */
    record Session(HttpClient http, String base) {

        static final AtomicBoolean FIRST_IO_ERROR = new AtomicBoolean();
        static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        static Session login(String base) throws IOException, InterruptedException {
            var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            var page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            var token = CSRF.matcher(page.body());
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on " + base + "/login");
            }
            String form = "username=" + USER + "&password=demo&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
                throw new IllegalStateException("login as " + USER + " failed: " + login.statusCode() + " " + location);
            }
            return new Session(http, base);
        }

        /** GETs the path; the tag goes to the server's access log (header X-Bench-Phase) for server-side times. */
        int get(String path, String tag) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Bench-Phase", tag)
                                .timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                if (FIRST_IO_ERROR.compareAndSet(false, true)) {
                    System.out.println("  first I/O error: " + e);
                }
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
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
