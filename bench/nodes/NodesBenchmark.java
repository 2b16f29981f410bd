/*
 * Driver of the several-nodes benchmark (bench/nodes/run.sh, docs/benchmarks/*-several-nodes.md).
 * Plain Java, no build: java -cp postgresql.jar bench/nodes/NodesBenchmark.java MODE --key value ...
 *
 *   delay   --jdbc URL --nodes http://a,http://b --changes N
 *           N changes committed to the database as DirectoryChanges commits them (the offer's row and a
 *           directory_change row in one transaction, and NOTIFY directory_change unless --notify false),
 *           one at a time; after each, every node is asked
 *           (GET /tilbud/soeg?q=<new word>, every 5 ms) until its search finds the new word: the
 *           change-to-searchable delay per node, p50/p90/p99/max.
 *   load    --jdbc URL --base http://balancer --clients 8 --warmup 5 --duration 20 --label X
 *           closed loop, clients on virtual threads, each logged in as hjemmebesog (form login and CSRF,
 *           a session cookie): half the requests GET /tilbud/soeg?q=<word>, half GET /borgere/{id} of a
 *           citizen hjemmebesog may see; answers/s and client-side p50/p99 per kind.
 *   inflight --jdbc URL --base http://balancer --clients 8 --duration 20
 *           as load, reporting every second how many answers were 2xx, other statuses, or failed
 *           (connection errors, timeouts); run.sh kills a node in the middle.
 * Only 127.0.0.1 is contacted.
 */

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

public class NodesBenchmark {

    static final List<String> WORDS = List.of("strik", "gåtur", "kor", "sorg", "kaffe", "motion", "spisning",
            "besøgsven", "bibliotek", "have", "dans", "samtale", "fællesskab", "mænd", "ensom");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        switch (args[0]) {
            case "delay" -> delay(opts);
            case "load" -> load(opts, false);
            case "inflight" -> load(opts, true);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void delay(Map<String, String> opts) throws Exception {
        List<String> nodes = List.of(opts.get("nodes").split(","));
        int changes = Integer.parseInt(opts.getOrDefault("changes", "200"));
        boolean notify = Boolean.parseBoolean(opts.getOrDefault("notify", "true"));
        var http = HttpClient.newHttpClient();
        Map<String, List<Long>> delays = new HashMap<>();
        nodes.forEach(n -> delays.put(n, new ArrayList<>()));
        // Each phase its own words: with the same seed, the poll-alone phase searched words one letter from the
        // NOTIFY phase's, which the search's spelling tolerance found at once.
        Random random = new Random(notify ? 42 : 4_242);
        try (Connection db = DriverManager.getConnection(opts.get("jdbc"))) {
            List<UUID> offers = new ArrayList<>();
            try (var rs = db.createStatement().executeQuery("SELECT id FROM offer WHERE status = 'ACTIVE' ORDER BY id")) {
                while (rs.next()) {
                    offers.add(rs.getObject(1, UUID.class));
                }
            }
            db.setAutoCommit(false);
            for (int i = 0; i < changes; i++) {
                UUID offer = offers.get(random.nextInt(offers.size()));
                // A word of its own per phase (the seed is the same each run): "n" with NOTIFY, "p" for the poll alone.
                String word = "bench" + (notify ? "n" : "p") + Long.toString(Math.abs(random.nextLong()) % 1_000_000_000L, 36) + "x";
                try (var update = db.prepareStatement(
                        "UPDATE offer SET description = description || ' ' || ?, version = version + 1 WHERE id = ?");
                        var log = db.prepareStatement(
                                "INSERT INTO directory_change (offer_id, changed_at) VALUES (?, ?)")) {
                    update.setString(1, word);
                    update.setObject(2, offer);
                    update.executeUpdate();
                    log.setObject(1, offer);
                    log.setTimestamp(2, Timestamp.from(Instant.now()));
                    log.executeUpdate();
                    if (notify) {
                        // As DirectoryChanges does on PostgreSQL: delivered to the listening nodes at commit.
                        db.createStatement().execute("SELECT pg_notify('directory_change', '')");
                    }
                }
                db.commit();
                long committed = System.nanoTime();
                var pending = new ArrayList<>(nodes);
                while (!pending.isEmpty()) {
                    for (var it = pending.iterator(); it.hasNext(); ) {
                        String node = it.next();
                        var answer = http.send(HttpRequest.newBuilder(URI.create(node + "/tilbud/soeg?q=" + word)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (!answer.body().contains("\"total\":0")) {
                            delays.get(node).add((System.nanoTime() - committed) / 1_000);
                            it.remove();
                        }
                    }
                    if (System.nanoTime() - committed > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("not searchable after 30 s on " + pending);
                    }
                    Thread.sleep(5);
                }
            }
        }
        System.out.println("| node | changes | p50 ms | p90 ms | p99 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|");
        for (String node : nodes) {
            long[] d = delays.get(node).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("| %s | %d | %.0f | %.0f | %.0f | %.0f |%n", node, d.length, pct(d, 50), pct(d, 90),
                    pct(d, 99), d[d.length - 1] / 1000.0);
        }
    }

    static double pct(long[] sortedMicros, double p) {
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(sortedMicros.length - 1, index))] / 1000.0;
    }

    static void load(Map<String, String> opts, boolean perSecond) throws Exception {
        String base = opts.get("base");
        int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", perSecond ? "0" : "5"));
        int duration = Integer.parseInt(opts.getOrDefault("duration", "20"));
        List<UUID> citizens = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(opts.get("jdbc"));
                var rs = db.createStatement().executeQuery(
                        "SELECT citizen_id FROM citizen_relation WHERE username = 'hjemmebesog' AND ended_at IS NULL")) {
            while (rs.next()) {
                citizens.add(rs.getObject(1, UUID.class));
            }
        }
        if (citizens.isEmpty()) {
            throw new IllegalStateException("no citizen related to hjemmebesog");
        }
        var stop = new AtomicBoolean();
        var measuring = new AtomicBoolean(warmup == 0);
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        Map<Long, long[]> seconds = new ConcurrentHashMap<>(); // second -> ok, other status, failed
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        var ready = new CountDownLatch(clients);
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads.add(Thread.ofVirtual().start(() -> {
                var browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
                try {
                    logIn(browser, base);
                } catch (Exception e) {
                    throw new IllegalStateException("login failed", e);
                } finally {
                    ready.countDown();
                }
                Random random = new Random(client);
                List<Long> mine = new ArrayList<>();
                while (!stop.get()) {
                    boolean search = random.nextBoolean();
                    String path = search ? "/tilbud/soeg?q=" + URLEncoder.encode(WORDS.get(random.nextInt(WORDS.size())),
                            StandardCharsets.UTF_8) : "/borgere/" + citizens.get(random.nextInt(citizens.size()));
                    long start = System.nanoTime();
                    int kind;
                    try {
                        var answer = browser.send(HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                        kind = answer.statusCode() == 200 ? 0 : 1;
                        if (kind == 1) {
                            failures.computeIfAbsent("status " + answer.statusCode(), k -> new LongAdder()).increment();
                        }
                    } catch (Exception e) {
                        kind = 2;
                        failures.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                    long end = System.nanoTime();
                    if (measuring.get()) {
                        seconds.computeIfAbsent((end - t0) / 1_000_000_000L, k -> new long[3]);
                        synchronized (seconds) {
                            seconds.get((end - t0) / 1_000_000_000L)[kind]++;
                        }
                        if (kind == 0) {
                            latencies.computeIfAbsent(search ? "search" : "overview",
                                    k -> java.util.Collections.synchronizedList(new ArrayList<>())).add((end - start) / 1_000);
                        }
                    }
                }
            }));
        }
        ready.await();
        long begin = System.nanoTime();
        if (perSecond) {
            System.out.println("START " + Instant.now());
            System.out.flush();
        }
        Thread.sleep(warmup * 1000L);
        seconds.clear();
        latencies.clear();
        measuring.set(true);
        long measuredFrom = System.nanoTime();
        Thread.sleep(duration * 1000L);
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - measuredFrom) / 1e9;
        String label = opts.getOrDefault("label", base);
        if (!perSecond) {
            System.out.println("| " + label + " | kind | answers/s | p50 ms | p99 ms |");
            for (var e : latencies.entrySet()) {
                long[] d = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("| %s | %s | %.0f | %.1f | %.1f |%n", label, e.getKey(), d.length / secs, pct(d, 50),
                        pct(d, 99));
            }
            System.out.printf("| %s | all | %.0f | | |%n", label,
                    latencies.values().stream().mapToInt(List::size).sum() / secs);
        } else {
            System.out.println("| second | 200 | other status | failed |");
            seconds.keySet().stream().sorted().forEach(s -> {
                long[] v = seconds.get(s);
                System.out.printf("| %d | %d | %d | %d |%n", s - (measuredFrom - t0) / 1_000_000_000L, v[0], v[1], v[2]);
            });
        }
        System.out.println("failures: " + failures);
    }

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    static void logIn(HttpClient browser, String base) throws Exception {
        var page = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        var m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String form = "username=hjemmebesog&password=demo&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        var answer = browser.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("login refused: " + answer.statusCode());
        }
    }
}
