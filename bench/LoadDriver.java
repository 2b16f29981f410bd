/*
 * Load driver for the directory search benchmark (docs/benchmarks/*-directory-search.md).
 *
 * Plain Java, no build: run with the JDK's single-file source launcher and the PostgreSQL JDBC
 * driver on the class path (bench/run.sh does this):
 *
 *   java -cp postgresql.jar bench/LoadDriver.java run --base http://127.0.0.1:18080 \
 *        --jdbc 'jdbc:postgresql://127.0.0.1:5432/brobygger_bench?user=postgres' \
 *        --clients 8,32 --warmup 15 --duration 30 --out bench/out
 *   java bench/LoadDriver.java accesslog bench/out/access.log     # server-side latency per phase
 *
 * "run" builds a fixed, seeded mix of searches (50 % text, 30 % filters, 20 % distance), then for
 * each system and each concurrency runs a closed loop of N clients (virtual threads): warm-up for
 * --warmup seconds, then a measured phase of --duration seconds. Every client sends the next query
 * of the same fixed list, so every phase sees the same queries in the same order.
 *
 * Systems:
 *   lucene       GET /tilbud?... on the running application (HTML page: 20 hits + facet counts),
 *                one HttpClient with its own cookie jar per client, like a browser.
 *   lucene-b     the same against a second instance (--base-b), for an A/B of a setting in one run.
 *   lucene-json  the same search as JSON from GET /tilbud/soeg?... (20 hits + facet counts, no
 *                page rendering): the search engine's own cost over HTTP.
 *   lucene-bare  the same search from GET /tilbud/soeg/motor?... (profile bench-data): the same engine
 *                call (query, facet counts, 20 hits) answered as ids in plain text, so that
 *                lucene-json / lucene-bare is the cost of everything around the engine.
 *   pg-page      the same search answered by PostgreSQL full-text search over JDBC, one connection
 *                per client: the 20 hits of the page + COUNT(*) of all matches.
 *   pg-facets    as pg-page, and the drill-sideways facet counts of all nine dimensions
 *                (one statement that also gives the total), i.e. what the page shows.
 *
 * Each HTTP request carries the header X-Bench-Phase; Tomcat's access log (%D, microseconds)
 * gives the server-side time per request, summarised by the "accesslog" mode.
 * Only 127.0.0.1 is contacted.
 */

import java.io.IOException;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

public class LoadDriver {

    static final long SEED = 20_261_122L;
    static final int QUERIES = 5_000;
    static final int PAGE_SIZE = 20;

    // Words that occur in the generated offers (names, descriptions, organisations, terms) ...
    static final List<String> WORDS = List.of("strik", "strikker", "strikkeklub", "gåtur", "gåture", "besøgsven",
            "fællesspisning", "sorg", "sorggruppe", "kor", "fællessang", "demens", "demenscafé", "motion", "kaffe",
            "læsekreds", "petanque", "svømning", "bowling", "foredrag", "madklub", "lektiecafé", "sprogcafé",
            "frivillig", "parkinson", "rådgivning", "værksted", "naturvejleder", "gymnastik", "telefonven", "have",
            "angst", "recovery", "pårørende", "ensomme", "biblioteket", "kræft", "hjertemotion", "dans", "sang");
    // ... and the same words as people mistype them.
    static final List<String> TYPOS = List.of("strikeklub", "gåtru", "besøgsvne", "fællesspisnig", "sorggrupe",
            "demnscafe", "læsekrds", "petanqe", "svømnig", "gymnastk", "telefonvne", "foredarg", "rådgivnig",
            "parkinsn", "frivilig");
    static final List<String> PAIRS = List.of("gåtur kaffe", "strik biblioteket", "sorg ægtefælle", "kor sange",
            "motion seniorer", "mad sammen", "besøgsven kaffe", "demens pårørende");

    static final List<String> CATEGORIES = List.of("motion", "kultur", "faellesspisning", "samtalegruppe",
            "frivilligt-arbejde", "raadgivning", "akut", "kreativ", "natur", "laering", "socialt-samvaer", "peer",
            "besoeg", "netvaerksgruppe");
    static final List<String> TARGET_GROUPS = List.of("seniorer", "unge", "psykisk-saarbare", "paaroerende", "maend",
            "etniske-minoriteter", "ensomme", "syge", "alle");
    static final List<String> DISTRICTS = List.of("ØST", "VEST");
    static final List<String> WEEKDAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
            "SUNDAY");
    static final List<String> TIMES = List.of("MORNING", "AFTERNOON", "EVENING");
    static final List<String> LEVELS = List.of("SELF_RELIANT", "ACCOMPANIED", "MUNICIPAL_FRAME");
    static final List<String> POSTCODES = List.of("7100", "7110", "7120", "7130", "7140", "7150");
    static final List<Integer> DISTANCES = List.of(1, 2, 3, 5, 10);

    /** One search as the page takes it. Lists are ORed within a dimension, dimensions are ANDed. */
    record Search(String kind, String text, List<String> categories, List<String> targetGroups,
            List<String> districts, List<String> weekdays, List<String> times, List<String> levels, boolean free,
            boolean wheelchair, boolean transport, String postcode, Integer km, String sort, int page) {

        String url(String base) {
            var q = new StringBuilder(base).append("/tilbud?");
            param(q, "q", text);
            categories.forEach(v -> param(q, "kategori", v));
            targetGroups.forEach(v -> param(q, "maalgruppe", v));
            districts.forEach(v -> param(q, "bydel", v));
            weekdays.forEach(v -> param(q, "ugedag", v));
            times.forEach(v -> param(q, "tidspunkt", v));
            levels.forEach(v -> param(q, "stoette", v));
            if (free) param(q, "gratis", "true");
            if (wheelchair) param(q, "koerestol", "true");
            if (transport) param(q, "koersel", "true");
            param(q, "sted", postcode);
            param(q, "afstand", km == null ? null : km.toString());
            param(q, "sorter", sort);
            if (page > 1) param(q, "side", Integer.toString(page));
            return q.toString();
        }

        private static void param(StringBuilder q, String name, String value) {
            if (value != null) {
                if (q.charAt(q.length() - 1) != '?') q.append('&');
                q.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }

        /** The effective sort, as SearchForm/LuceneOfferSearch decide it. */
        String effectiveSort() {
            String s = sort != null ? sort : postcode != null ? "DISTANCE" : "RELEVANCE";
            if (s.equals("DISTANCE") && postcode == null) return "RELEVANCE";
            if (s.equals("RELEVANCE") && text == null) return "NAME";
            return s;
        }
    }

    static List<Search> mix(long seed, int count) {
        var random = new Random(seed);
        List<Search> searches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            var b = new Builder();
            if (roll < 50) {
                b.kind = "text";
                int t = random.nextInt(100);
                b.text = t < 60 ? pick(random, WORDS) : t < 85 ? pick(random, TYPOS) : pick(random, PAIRS);
                if (random.nextInt(5) == 0) filters(random, b, 1);
            } else if (roll < 80) {
                b.kind = "filter";
                filters(random, b, 1 + random.nextInt(3));
                if (random.nextInt(7) == 0) b.sort = "NAME";
                if (random.nextInt(10) == 0) b.page = 2;
            } else {
                b.kind = "distance";
                b.postcode = pick(random, POSTCODES);
                b.km = pick(random, DISTANCES);
                b.sort = "DISTANCE";
                int t = random.nextInt(10);
                if (t < 4) b.text = pick(random, WORDS);
                else if (t < 7) b.categories.add(pick(random, CATEGORIES));
            }
            searches.add(b.build());
        }
        return searches;
    }

    static void filters(Random random, Builder b, int n) {
        for (int f = 0; f < n; f++) {
            switch (random.nextInt(9)) {
                case 0 -> {
                    b.categories.add(pick(random, CATEGORIES));
                    if (random.nextInt(4) == 0) b.categories.add(pick(random, CATEGORIES));
                }
                case 1 -> b.targetGroups.add(pick(random, TARGET_GROUPS));
                case 2 -> b.districts.add(pick(random, DISTRICTS));
                case 3 -> {
                    b.weekdays.add(pick(random, WEEKDAYS));
                    if (random.nextInt(3) == 0) b.weekdays.add(pick(random, WEEKDAYS));
                }
                case 4 -> b.times.add(pick(random, TIMES));
                case 5 -> b.levels.add(pick(random, LEVELS));
                case 6 -> b.free = true;
                case 7 -> b.wheelchair = true;
                default -> b.transport = true;
            }
        }
    }

    static final class Builder {
        String kind, text, postcode, sort;
        Integer km;
        int page = 1;
        boolean free, wheelchair, transport;
        List<String> categories = new ArrayList<>(), targetGroups = new ArrayList<>(), districts = new ArrayList<>(),
                weekdays = new ArrayList<>(), times = new ArrayList<>(), levels = new ArrayList<>();

        Search build() {
            return new Search(kind, text, dedup(categories), dedup(targetGroups), dedup(districts), dedup(weekdays),
                    dedup(times), dedup(levels), free, wheelchair, transport, postcode, km, sort, page);
        }

        static List<String> dedup(List<String> values) {
            return values.stream().distinct().toList();
        }
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    // ------------------------------------------------------------------ PostgreSQL

    /**
     * The stored tsvector column bench/run.sh adds (name weighted A, description D) with its GIN
     * index: matching and ranking read the column, as PostgreSQL's own documentation sets up
     * full-text search, instead of computing to_tsvector for every row that is ranked.
     */
    static final String TSV = "o.bench_tsv";
    static final String HAVERSINE = "2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(l.latitude - p.plat) / 2), 2)"
            + " + cos(radians(p.plat)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - p.plon) / 2), 2))))";

    /** Parameters of one PostgreSQL statement, in order. */
    static final class Params {
        final List<Object> values = new ArrayList<>();

        String add(Object value) {
            values.add(value);
            return "?";
        }

        void bind(Connection connection, PreparedStatement statement) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                Object v = values.get(i);
                if (v instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("varchar", array));
                } else {
                    statement.setObject(i + 1, v);
                }
            }
        }
    }

    /** "strik gåtur" becomes 'strik':* & 'gåtur':* (each word a stemmed prefix, all must match). */
    static String tsquery(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) words.add("'" + word + "':*");
        }
        return String.join(" & ", words);
    }

    /** FROM and WHERE of the text, place and status part (what Lucene's base query does). */
    static String from(Search s, Params p) {
        var sql = new StringBuilder(" FROM offer o JOIN location l ON l.id = o.location_id");
        if (s.postcode() != null) {
            sql.append(" CROSS JOIN (SELECT latitude AS plat, longitude AS plon FROM postcode WHERE code = ")
                    .append(p.add(s.postcode())).append(") p");
        }
        sql.append(" WHERE o.status <> 'INACTIVE'");
        if (s.text() != null) {
            sql.append(" AND ").append(TSV).append(" @@ to_tsquery('danish', ").append(p.add(tsquery(s.text())))
                    .append(")");
        }
        if (s.postcode() != null && s.km() != null) {
            double dLat = s.km() / 111.0;
            double dLon = s.km() / (111.0 * Math.cos(Math.toRadians(55.7)));
            sql.append(" AND l.latitude BETWEEN p.plat - ").append(p.add(dLat)).append(" AND p.plat + ")
                    .append(p.add(dLat)).append(" AND l.longitude BETWEEN p.plon - ").append(p.add(dLon))
                    .append(" AND p.plon + ").append(p.add(dLon)).append(" AND ").append(HAVERSINE).append(" <= ")
                    .append(p.add((double) s.km()));
        }
        return sql.toString();
    }

    /** The filter of each dimension as an SQL condition ("true" when the citizen chose nothing). */
    static Map<String, String> filters(Search s, Params p) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("kategori", s.categories().isEmpty() ? "true" : term("kategori", s.categories(), p));
        f.put("maalgruppe", s.targetGroups().isEmpty() ? "true" : term("maalgruppe", s.targetGroups(), p));
        f.put("bydel", s.districts().isEmpty() ? "true" : "l.district = ANY(" + p.add(array(s.districts())) + ")");
        f.put("ugedag", s.weekdays().isEmpty() ? "true"
                : "EXISTS (SELECT 1 FROM offer_schedule s WHERE s.offer_id = o.id AND s.weekday = ANY("
                        + p.add(array(s.weekdays())) + "))");
        f.put("tidspunkt", s.times().isEmpty() ? "true"
                : "EXISTS (SELECT 1 FROM offer_schedule s WHERE s.offer_id = o.id AND " + TIME_OF_DAY + " = ANY("
                        + p.add(array(s.times())) + "))");
        f.put("stoette", s.levels().isEmpty() ? "true" : "o.support_level = ANY(" + p.add(array(s.levels())) + ")");
        f.put("gratis", s.free() ? "o.free_of_charge" : "true");
        f.put("koerestol", s.wheelchair() ? "l.wheelchair_access" : "true");
        f.put("koersel", s.transport() ? "o.transport_offered" : "true");
        return f;
    }

    static final String TIME_OF_DAY = "CASE WHEN s.opens_at < TIME '12:00' THEN 'MORNING'"
            + " WHEN s.opens_at < TIME '17:00' THEN 'AFTERNOON' ELSE 'EVENING' END";

    static String term(String taxonomy, List<String> codes, Params p) {
        return "EXISTS (SELECT 1 FROM offer_term ot JOIN taxonomy_term t ON t.id = ot.term_id WHERE ot.offer_id = o.id"
                + " AND t.taxonomy = '" + taxonomy + "' AND t.code = ANY(" + p.add(array(codes)) + "))";
    }

    static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    static String all(Map<String, String> filters, String except) {
        var sql = new StringBuilder();
        filters.forEach((dimension, condition) -> {
            if (!dimension.equals(except) && !condition.equals("true")) sql.append(" AND ").append(condition);
        });
        return sql.toString();
    }

    /** The page's 20 hits with what the result list shows. */
    static int hits(Connection c, Search s) throws SQLException {
        var p = new Params();
        String distance = s.postcode() != null ? HAVERSINE : "NULL";
        String rank = s.text() != null ? "ts_rank(" + TSV + ", to_tsquery('danish', " + p.add(tsquery(s.text())) + "))"
                : "0";
        String from = from(s, p);
        String where = all(filters(s, p), null);
        String order = switch (s.effectiveSort()) {
            case "DISTANCE" -> "distance_km, o.id";
            case "RELEVANCE" -> "rank DESC, o.id";
            default -> "lower(o.name), o.id";
        };
        String sql = "SELECT o.id, o.name, g.name AS organization, left(o.description, 180) AS summary, l.district,"
                + " l.address, l.postal_code, l.city, o.support_level, o.status, o.free_of_charge, l.wheelchair_access,"
                + " o.transport_offered, o.accompaniment, o.assured_date, " + distance + " AS distance_km, " + rank
                + " AS rank, (SELECT string_agg(s.weekday || '|' || s.opens_at || '|' || s.closes_at, ';'"
                + " ORDER BY s.position) FROM offer_schedule s WHERE s.offer_id = o.id) AS schedules"
                + from.replace(" JOIN location l", " JOIN organization g ON g.id = o.organization_id JOIN location l")
                + where + " ORDER BY " + order + " LIMIT " + PAGE_SIZE + " OFFSET " + p.add((s.page() - 1) * PAGE_SIZE);
        try (PreparedStatement st = c.prepareStatement(sql)) {
            p.bind(c, st);
            int n = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rs.getString(2);
                    rs.getString(18);
                    n++;
                }
            }
            return n;
        }
    }

    static long count(Connection c, Search s) throws SQLException {
        var p = new Params();
        String sql = "SELECT count(*)" + from(s, p) + all(filters(s, p), null);
        try (PreparedStatement st = c.prepareStatement(sql)) {
            p.bind(c, st);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Total and drill-sideways facet counts in one statement: the offers matching text, place and
     * status are computed once; each dimension counts them under every filter but its own.
     */
    static long facets(Connection c, Search s) throws SQLException {
        var p = new Params();
        Map<String, String> f = filters(s, p); // the conditions come before FROM in the statement
        String from = from(s, p);
        var cte = new StringBuilder("WITH m AS MATERIALIZED (SELECT o.id, l.district, o.support_level,"
                + " o.free_of_charge, l.wheelchair_access, o.transport_offered");
        f.forEach((dimension, condition) -> cte.append(", (").append(condition).append(") AS \"f_")
                .append(dimension).append('"'));
        cte.append(from).append(")");
        Function<String, String> except = d -> {
            var w = new StringBuilder(" WHERE true");
            f.keySet().forEach(k -> {
                if (!k.equals(d) && !f.get(k).equals("true")) w.append(" AND m.\"f_").append(k).append('"');
            });
            return w.toString();
        };
        String sql = cte + " SELECT 'total', NULL, count(*) FROM m" + except.apply(null)
                + " UNION ALL SELECT 'kategori', t.code, count(*) FROM m JOIN offer_term ot ON ot.offer_id = m.id"
                + " JOIN taxonomy_term t ON t.id = ot.term_id AND t.taxonomy = 'kategori'" + except.apply("kategori")
                + " GROUP BY t.code"
                + " UNION ALL SELECT 'maalgruppe', t.code, count(*) FROM m JOIN offer_term ot ON ot.offer_id = m.id"
                + " JOIN taxonomy_term t ON t.id = ot.term_id AND t.taxonomy = 'maalgruppe'"
                + except.apply("maalgruppe") + " GROUP BY t.code"
                + " UNION ALL SELECT 'bydel', m.district, count(*) FROM m" + except.apply("bydel") + " GROUP BY 2"
                + " UNION ALL SELECT 'ugedag', s.weekday, count(DISTINCT m.id) FROM m JOIN offer_schedule s"
                + " ON s.offer_id = m.id" + except.apply("ugedag") + " GROUP BY 2"
                + " UNION ALL SELECT 'tidspunkt', " + TIME_OF_DAY + ", count(DISTINCT m.id) FROM m JOIN offer_schedule s"
                + " ON s.offer_id = m.id" + except.apply("tidspunkt") + " GROUP BY 2"
                + " UNION ALL SELECT 'stoette', m.support_level, count(*) FROM m" + except.apply("stoette")
                + " GROUP BY 2"
                + " UNION ALL SELECT 'gratis', m.free_of_charge::text, count(*) FROM m" + except.apply("gratis")
                + " GROUP BY 2"
                + " UNION ALL SELECT 'koerestol', m.wheelchair_access::text, count(*) FROM m"
                + except.apply("koerestol") + " GROUP BY 2"
                + " UNION ALL SELECT 'koersel', m.transport_offered::text, count(*) FROM m" + except.apply("koersel")
                + " GROUP BY 2";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            p.bind(c, st);
            long total = -1;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals("total")) total = rs.getLong(3);
                }
            }
            return total;
        }
    }

    // ------------------------------------------------------------------ load

    interface Client extends AutoCloseable {
        void search(Search search) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    record Result(String system, int clients, long requests, long errors, double seconds, long[] latenciesNanos,
            double appCpuSeconds, double pgCpuSeconds) {

        /** CPU milliseconds the application and PostgreSQL spent per search, whatever the neighbours did. */
        double cpuMsPerSearch() {
            return (appCpuSeconds + pgCpuSeconds) * 1000 / requests;
        }

        double throughput() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            return percentile(latenciesNanos, p) / 1e6;
        }
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static Result phase(String system, int clients, List<Search> searches, Function<Integer, Client> factory,
            int warmupSeconds, int durationSeconds, String label) throws Exception {
        List<Client> pool = new ArrayList<>();
        for (int i = 0; i < clients; i++) pool.add(factory.apply(i));
        var next = new AtomicInteger();
        var errors = new AtomicLong();
        var recording = new AtomicBoolean(false);
        var stop = new AtomicBoolean(false);
        List<long[]> perClient = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CURRENT_PHASE = "warmup-" + label;
        for (int i = 0; i < clients; i++) {
            long[] latencies = new long[2_000_000];
            int[] n = new int[1];
            perClient.add(latencies);
            counts.add(n);
            Client client = pool.get(i);
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    Search s = searches.get(Math.floorMod(next.getAndIncrement(), searches.size()));
                    long start = System.nanoTime();
                    boolean ok = true;
                    try {
                        client.search(s);
                    } catch (Exception e) {
                        ok = false;
                        if (recording.get() && errors.getAndIncrement() < 3) System.err.println(label + ": " + e);
                    }
                    long took = System.nanoTime() - start;
                    if (recording.get() && ok && n[0] < latencies.length) latencies[n[0]++] = took;
                }
            }));
        }
        CURRENT_PHASE = "warmup-" + label;
        Thread.sleep(warmupSeconds * 1000L);
        errors.set(0);
        CURRENT_PHASE = label;
        double app0 = cpuSeconds(APP_PID), pg0 = postgresCpuSeconds();
        long start = System.nanoTime();
        recording.set(true);
        Thread.sleep(durationSeconds * 1000L);
        recording.set(false);
        double seconds = (System.nanoTime() - start) / 1e9;
        double app = cpuSeconds(APP_PID) - app0, pg = postgresCpuSeconds() - pg0;
        stop.set(true);
        for (Thread t : threads) t.join();
        for (Client c : pool) c.close();
        int total = counts.stream().mapToInt(n -> n[0]).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(perClient.get(i), 0, all, at, counts.get(i)[0]);
            at += counts.get(i)[0];
        }
        Arrays.sort(all);
        return new Result(system, clients, total, errors.get(), seconds, all, app, pg);
    }

    static volatile String CURRENT_PHASE = "none";
    static long APP_PID = -1;
    static Connection MONITOR;

    /** User + system CPU of a process from /proc/PID/stat (clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        if (pid <= 0) return 0;
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0; // the backend ended meanwhile
        }
    }

    /** CPU of every PostgreSQL backend connected to the benchmark database (the app's pool and ours). */
    static double postgresCpuSeconds() {
        double sum = 0;
        try (var st = MONITOR.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
            while (rs.next()) sum += cpuSeconds(rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sum;
    }

    static Client http(String base) {
        return http(base, "/tilbud?");
    }

    static Client http(String base, boolean json) {
        return http(base, json ? "/tilbud/soeg?" : "/tilbud?");
    }

    /** The search against the path (with its "?") that answers it: the page, the JSON or the bare engine. */
    static Client http(String base, String path) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();
        return new Client() {
            @Override
            public void search(Search s) throws Exception {
                String url = s.url(base).replaceFirst("/tilbud\\?", java.util.regex.Matcher.quoteReplacement(path));
                var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                        .header("X-Bench-Phase", CURRENT_PHASE).GET().build();
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode());
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }

    static Client jdbc(String url, boolean withFacets) {
        try {
            Connection c = DriverManager.getConnection(url);
            return new Client() {
                @Override
                public void search(Search s) throws Exception {
                    hits(c, s);
                    if (withFacets) facets(c, s);
                    else count(c, s);
                }

                @Override
                public void close() throws Exception {
                    c.close();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ main

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("accesslog")) {
            accessLog(Path.of(args[1]));
            return;
        }
        if (args.length > 0 && args[0].equals("queries")) {
            // The mix as request paths, one a line, for bench/wrk-mix.lua.
            Path file = Path.of(args.length > 1 ? args[1] : "bench/out/paths.txt");
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, mix(SEED, QUERIES).stream().map(s -> s.url("")).toList());
            return;
        }
        if (args.length > 0 && args[0].equals("compare")) {
            compare(args[1], args[2], Integer.parseInt(args.length > 3 ? args[3] : "500"));
            return;
        }
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        String base = o.getOrDefault("base", "http://127.0.0.1:18080");
        String jdbcUrl = o.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/brobygger_bench?user=postgres");
        if (!URI.create(base).getHost().equals("127.0.0.1")
                || !URI.create(o.getOrDefault("base-b", "http://127.0.0.1:18081")).getHost().equals("127.0.0.1") || !jdbcUrl.startsWith("jdbc:postgresql://127.0.0.1:")) {
            throw new IllegalArgumentException("the benchmark talks to 127.0.0.1 only");
        }
        int[] clientCounts = Arrays.stream(o.getOrDefault("clients", "8,32").split(",")).mapToInt(Integer::parseInt)
                .toArray();
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "15"));
        int duration = Integer.parseInt(o.getOrDefault("duration", "30"));
        List<String> systems = List.of(o.getOrDefault("systems", "lucene,pg-page,pg-facets").split(","));
        Path out = Path.of(o.getOrDefault("out", "bench/out"));
        APP_PID = Long.parseLong(o.getOrDefault("app-pid", "-1"));
        long appPidA = APP_PID;
        long appPidB = Long.parseLong(o.getOrDefault("app-pid-b", "-1"));
        String baseB = o.getOrDefault("base-b", "http://127.0.0.1:18081");
        int firstWarmup = Integer.parseInt(o.getOrDefault("first-warmup", o.getOrDefault("warmup", "15")));
        MONITOR = DriverManager.getConnection(jdbcUrl);
        Files.createDirectories(out);

        List<Search> searches = mix(SEED, QUERIES);
        Map<String, Long> kinds = new TreeMap<>();
        searches.forEach(s -> kinds.merge(s.kind(), 1L, Long::sum));
        System.out.printf("query mix: %d searches, seed %d, %s%n", searches.size(), SEED, kinds);
        Files.write(out.resolve("queries.txt"), searches.stream().map(s -> s.kind() + "\t" + s.url("")).toList());

        sanity(base, jdbcUrl, searches, out);

        List<Result> results = new ArrayList<>();
        for (String system : systems) {
            APP_PID = system.equals("lucene-b") ? appPidB : appPidA;
            boolean first = true;
            for (int clients : clientCounts) {
                String label = system + "-c" + clients;
                int warm = first ? Math.max(warmup, firstWarmup) : warmup;
                first = false;
                Function<Integer, Client> factory = switch (system) {
                    case "lucene" -> i -> http(base);
                    case "lucene-json" -> i -> http(base, true);
                    case "lucene-bare" -> i -> http(base, "/tilbud/soeg/motor?");
                    case "lucene-b" -> i -> http(baseB);
                    case "pg-page" -> i -> jdbc(jdbcUrl, false);
                    case "pg-facets" -> i -> jdbc(jdbcUrl, true);
                    default -> throw new IllegalArgumentException(system);
                };
                System.out.printf("%s: warm-up %d s, measure %d s ...%n", label, warm, duration);
                Result r = phase(system, clients, searches, factory, warm, duration, label);
                results.add(r);
                System.out.println("  " + row(r));
            }
        }
        var table = new StringBuilder(
                "| system | clients | searches | errors | searches/s | p50 ms | p90 ms | p99 ms | max ms"
                        + " | app CPU s | PG CPU s | CPU ms/search |\n"
                        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        results.forEach(r -> table.append(row(r)).append('\n'));
        System.out.println(table);
        Files.writeString(out.resolve("client-side.md"), table);
    }

    static String row(Result r) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %.2f |",
                r.system(), r.clients(), r.requests(), r.errors(), r.throughput(), r.percentileMs(50),
                r.percentileMs(90), r.percentileMs(99), r.percentileMs(100), r.appCpuSeconds(), r.pgCpuSeconds(),
                r.cpuMsPerSearch());
    }

    /** Totals from both systems for the first searches of the mix, to show they answer alike. */
    static void sanity(String base, String jdbcUrl, List<Search> searches, Path out) throws Exception {
        var lines = new ArrayList<String>();
        lines.add("kind\tlucene_total\tpg_total\turl");
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var total = java.util.regex.Pattern.compile("data-total=\"(\\d+)\"|(\\d[\\d.]*)\\s+tilbud");
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            for (Search s : searches.subList(0, 40)) {
                String body = http.send(HttpRequest.newBuilder(URI.create(s.url(base))).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                var m = total.matcher(body);
                String lucene = body.contains("Ingen tilbud") ? "0" : m.find() ? (m.group(1) != null ? m.group(1) : m.group(2).replace(".", "")) : "?";
                lines.add(s.kind() + "\t" + lucene + "\t" + facets(c, s) + "\t" + s.url(""));
            }
        }
        http.close();
        Files.write(out.resolve("sanity.tsv"), lines);
    }

    /**
     * Asks two instances (e.g. the commit before a change and after it) the first {@code n}
     * searches of the mix, as JSON and as the HTML page, and fails unless they give the same
     * total, the same hits in the same order and the same facet counts.
     */
    static void compare(String baseA, String baseB, int n) throws Exception {
        for (String base : List.of(baseA, baseB)) {
            if (!URI.create(base).getHost().equals("127.0.0.1")) {
                throw new IllegalArgumentException("the benchmark talks to 127.0.0.1 only");
            }
        }
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var ids = java.util.regex.Pattern.compile("href=\"/tilbud/([0-9a-f-]{36})\"");
        var counts = java.util.regex.Pattern.compile("class=\"facet-count\">\\((\\d+)\\)<");
        var total = java.util.regex.Pattern.compile("class=\"result-count\" role=\"status\">([^<]*)<");
        int differences = 0;
        List<Search> searches = mix(SEED, QUERIES).subList(0, n);
        for (Search s : searches) {
            String jsonA = get(http, s.url(baseA).replaceFirst("/tilbud\\?", "/tilbud/soeg?"));
            String jsonB = get(http, s.url(baseB).replaceFirst("/tilbud\\?", "/tilbud/soeg?"));
            String pageA = get(http, s.url(baseA)), pageB = get(http, s.url(baseB));
            String a = canonical(jsonA) + "\n" + extract(ids, pageA) + extract(counts, pageA) + extract(total, pageA);
            String b = canonical(jsonB) + "\n" + extract(ids, pageB) + extract(counts, pageB) + extract(total, pageB);
            if (!a.equals(b) || extract(ids, pageA).isEmpty() && !pageA.contains("empty-result")) {
                if (differences++ < 5) System.out.println("DIFFERENT: " + s.url(""));
            }
        }
        http.close();
        System.out.printf("compared %d searches (JSON body; page hits, facet counts and total): %d differ%n", n,
                differences);
        if (differences > 0) System.exit(1);
    }

    /** The JSON answer with its facet maps' entries sorted (their order carries no meaning). */
    static String canonical(String json) {
        int facets = json.indexOf("\"facets\":");
        int origin = json.indexOf(",\"origin\":", facets);
        if (facets < 0 || origin < 0) return json;
        List<String> entries = new ArrayList<>(List.of(json.substring(facets, origin).split("[{},]")));
        entries.sort(null);
        return json.substring(0, facets) + entries + json.substring(origin);
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) throw new IOException("HTTP " + response.statusCode() + " " + url);
        return response.body();
    }

    static String extract(java.util.regex.Pattern pattern, String body) {
        var found = new StringBuilder();
        var m = pattern.matcher(body);
        while (m.find()) found.append(m.group(1)).append(',');
        return found.toString();
    }

    /** Server-side latency per phase from Tomcat's access log: "%{X-Bench-Phase}i %s %D" (µs). */
    static void accessLog(Path file) throws IOException {
        Map<String, List<Long>> byPhase = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 3 || f[0].equals("-") || f[0].startsWith("warmup")) continue;
            byPhase.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Long.parseLong(f[2]));
        }
        var table = new StringBuilder("| phase | requests | server p50 ms | p90 ms | p99 ms | max ms |\n"
                + "|---|---:|---:|---:|---:|---:|\n");
        byPhase.forEach((phase, values) -> {
            long[] v = values.stream().mapToLong(Long::longValue).sorted().toArray();
            table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", phase, v.length,
                    percentile(v, 50) / 1e3, percentile(v, 90) / 1e3, percentile(v, 99) / 1e3,
                    percentile(v, 100) / 1e3));
        });
        System.out.print(table);
    }
}
