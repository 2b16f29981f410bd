package dk.brobygger.statistics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.Districts;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The bridge in figures (issue 15): of the citizens referred in a year, how many were accepted, came the first time
 * (and how many with someone going along), and attended regularly within three months, with the median days from
 * referral to first visit, and how many referrals met a full offer, by offer category, the citizen's need on the
 * ladder, district, age band, sex and where the referral was made. One pass over the published views of the
 * referral, citizen and directory modules (never their tables), in one read-only transaction on the
 * {@link ReportsDatabase}. Every table is protected as DOMAIN.md §11 asks ({@link Suppression}): counts 1–4 are
 * "<5", and in each column a second cell is hidden where one hidden count could be found from the total.
 */
@Service
public class ReferralFunnel {

    /** The stages and side counts, in the order of the tables' columns. */
    public enum Stage {
        REFERRED, ACCEPTED, FIRST_VISIT, ACCOMPANIED, REGULARLY, FULL_OFFER
    }

    /** What the funnel is broken down by. */
    public enum Dimension {
        CATEGORY, NEED, DISTRICT, AGE_BAND, SEX, CONTEXT
    }

    /** How long after the referral "kommer fast" still counts as reached within three months. */
    static final Duration THREE_MONTHS = Duration.ofDays(91);

    /**
     * One row of a breakdown: its label, its counts by {@link Stage}, and how many first visits came after how many
     * days (days → referrals), for the median.
     */
    public record Row(String label, long[] counts, Map<Long, Long> daysToFirstVisit) {

        public long count(Stage stage) {
            return counts[stage.ordinal()];
        }

        /** The median of the days from referral to first visit, or null without first visits. */
        @Nullable Double medianDays() {
            long n = daysToFirstVisit.values().stream().mapToLong(Long::longValue).sum();
            if (n == 0) {
                return null;
            }
            // The middle one (odd n) or the mean of the two middle ones (even n), walking the days in order.
            long lower = (n - 1) / 2;
            long upper = n / 2;
            Long lowerDays = null;
            long seen = 0;
            for (var entry : new TreeMap<>(daysToFirstVisit).entrySet()) {
                seen += entry.getValue();
                if (lowerDays == null && seen > lower) {
                    lowerDays = entry.getKey();
                }
                if (seen > upper) {
                    return (lowerDays + entry.getKey()) / 2.0;
                }
            }
            throw new IllegalStateException("unreachable: the walk passes the middle");
        }
    }

    /** A year's funnel: all referrals, each breakdown's rows, what volunteers gave, and when it was counted. */
    public record Funnel(int year, Row total, Map<Dimension, List<Row>> breakdowns, Volunteering volunteering,
            Instant countedAt) {

        /** When it was counted, in Danish time, for the page ("opgjort kl. …"). */
        public java.time.LocalDateTime countedAtLocal() {
            return java.time.LocalDateTime.ofInstant(countedAt, DanishTime.ZONE);
        }
    }

    /**
     * Volunteers and peers: how many are onboarded now (peers among them), how many went along in the year and how
     * often, and the hours they gave where they said how long it took (the optional third tap of the report).
     */
    public record Volunteering(Count onboarded, Count peersOnboarded, Count wentAlong, Count accompaniments,
            Count reportsWithTime, long hoursGiven) {

        /** The hours, shown only when at least five reports gave a time. */
        public String hoursShown() {
            return reportsWithTime.value() < Count.SMALLEST_SHOWN ? "–" : Long.toString(hoursGiven);
        }
    }

    private final ReportsDatabase reports;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Districts districts;
    private final java.time.Clock clock;
    private final com.github.benmanes.caffeine.cache.@Nullable LoadingCache<YearIn, Funnel> counted;

    private record YearIn(int year, Locale locale) {
    }

    /**
     * {@code brobygger.statistics.funnel-refresh} (default 10 minutes): how old the counted figures a page shows may
     * be. Counting a large municipality's year takes the database a couple of seconds (every referral joined to
     * its citizen), so a year once counted is kept and, when older than this, shown once more while it is counted
     * again in the background: a manager never waits for the count except the first time after a start. Zero
     * counts on every request.
     */
    ReferralFunnel(ReportsDatabase reports, MessageSource messages, Districts districts, java.time.Clock clock,
            @org.springframework.beans.factory.annotation.Value("${brobygger.statistics.funnel-refresh:PT10M}")
            Duration refresh) {
        this.reports = reports;
        this.jdbc = reports.jdbc();
        this.messages = messages;
        this.districts = districts;
        this.clock = clock;
        this.counted = refresh.isZero() ? null : com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .refreshAfterWrite(refresh).expireAfterAccess(Duration.ofDays(1)).maximumSize(40)
                .build(key -> count(key.year(), key.locale()));
    }

    /**
     * The funnel of the referrals sent in {@code year} (Danish time), labels in {@code locale}: as last counted,
     * at most {@code brobygger.statistics.funnel-refresh} ago (then counted again in the background).
     */
    Funnel year(int year, Locale locale) {
        return counted == null ? count(year, locale) : counted.get(new YearIn(year, locale));
    }

    /**
     * This year's funnel in Danish is counted in the background as soon as the application is ready, so the first
     * manager after a start does not wait for it.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void countThisYearInTheBackground() {
        if (counted != null) {
            counted.refresh(new YearIn(LocalDate.now(clock.withZone(dk.brobygger.shared.DanishTime.ZONE)).getYear(),
                    Locale.of("da")));
        }
    }

    /** Is this year's funnel in this language kept (counted and not yet dropped)? */
    boolean keeps(int year, Locale locale) {
        return counted != null && counted.getIfPresent(new YearIn(year, locale)) != null;
    }

    /** The funnel counted now. */
    Funnel count(int year, Locale locale) {
        return reports.read(() -> yearIn(year, locale));
    }

    /**
     * The counting is done by the database, so only a few thousand rows reach Java, never the year's referrals one
     * by one (a large municipality has hundreds of thousands): one hash aggregate over the referrals joined to their
     * citizens, by every combination of need, context, district, sex, age band and days to a first visit, which
     * Java adds up into each breakdown; and one over the referrals joined to their offers' categories (a referral
     * counts in each category its offer has, or under "no category"). The days are kept apart in both so that each
     * row's median can be taken from its days (null: no first visit yet).
     */
    private Funnel yearIn(int year, Locale locale) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(DanishTime.ZONE).toInstant();
        Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(DanishTime.ZONE).toInstant();
        var total = new Row(text("stats.referral.total", locale), new long[Stage.values().length], new HashMap<>());
        Map<Dimension, Map<String, Row>> rows = new EnumMap<>(Dimension.class);
        for (var dimension : Dimension.values()) {
            rows.put(dimension, new TreeMap<>());
        }
        Map<String, String> labels = new HashMap<>();
        jdbc.sql(BY_CITIZEN).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query(rs -> {
                    long[] counts = counts(rs);
                    Long days = days(rs);
                    add(total, counts, days);
                    for (var dimension : List.of(Dimension.NEED, Dimension.CONTEXT, Dimension.DISTRICT,
                            Dimension.AGE_BAND, Dimension.SEX)) {
                        String code = rs.getString(dimension.name().toLowerCase(Locale.ROOT));
                        String label = labels.computeIfAbsent(dimension + ":" + code,
                                key -> label(dimension, code, locale));
                        add(row(rows, dimension, label), counts, days);
                    }
                });
        jdbc.sql(BY_CATEGORY).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query((java.sql.ResultSet rs) -> {
                    add(row(rows, Dimension.CATEGORY, label(Dimension.CATEGORY, rs.getString("category"), locale)),
                            counts(rs), days(rs));
                });
        Map<Dimension, List<Row>> breakdowns = new EnumMap<>(Dimension.class);
        rows.forEach((dimension, byLabel) -> breakdowns.put(dimension, List.copyOf(byLabel.values())));
        return new Funnel(year, total, breakdowns, volunteering(from, until), clock.instant());
    }

    private static long[] counts(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new long[] {rs.getLong("referred"), rs.getLong("accepted"), rs.getLong("first_visit"),
                rs.getLong("accompanied"), rs.getLong("regularly"), rs.getLong("full_offer")};
    }

    private static @Nullable Long days(java.sql.ResultSet rs) throws java.sql.SQLException {
        long days = rs.getLong("days");
        return rs.wasNull() ? null : days;
    }

    private static void add(Row row, long[] counts, @Nullable Long days) {
        for (int stage = 0; stage < counts.length; stage++) {
            row.counts()[stage] += counts[stage];
        }
        if (days != null) {
            row.daysToFirstVisit().merge(days, counts[Stage.FIRST_VISIT.ordinal()], Long::sum);
        }
    }

    /**
     * What the funnel needs of each of the year's referrals (not those entered in error): the stages reached as 0/1
     * and the whole days to a first visit, rounded towards zero like {@link Duration#toDays()}. Portable SQL (H2 and
     * PostgreSQL), as are the two queries built on it.
     */
    private static final String STAGES = """
            CASE WHEN r.accepted_at IS NULL THEN 0 ELSE 1 END AS accepted,
            CASE WHEN r.first_visit_at IS NULL THEN 0 ELSE 1 END AS first_visit,
            CASE WHEN r.first_visit_at IS NOT NULL AND r.accompaniment THEN 1 ELSE 0 END AS accompanied,
            CASE WHEN r.regularly_at IS NOT NULL AND r.regularly_at <= r.requested_at + INTERVAL '%d' DAY
                 THEN 1 ELSE 0 END AS regularly,
            CASE WHEN r.full_offer THEN 1 ELSE 0 END AS full_offer,
            EXTRACT(EPOCH FROM r.first_visit_at) - EXTRACT(EPOCH FROM r.requested_at) AS seconds
            """.formatted(THREE_MONTHS.toDays());

    private static final String YEAR = """
            r.requested_at >= :from AND r.requested_at < :until AND r.status <> 'ENTERED_IN_ERROR'
            """;

    private static final String DAYS = """
            CASE WHEN seconds IS NULL THEN NULL WHEN seconds >= 0 THEN FLOOR(seconds / 86400)
                 ELSE -FLOOR(-seconds / 86400) END""";

    private static final String COUNTS = """
            COUNT(*) AS referred, SUM(accepted) AS accepted, SUM(first_visit) AS first_visit,
            SUM(accompanied) AS accompanied, SUM(regularly) AS regularly, SUM(full_offer) AS full_offer""";

    /**
     * By the citizen: the age band is the citizen's age on the day of the referral in Danish time (0 under 65,
     * 1 for 65–69, … 6 for 90+, as {@link AgeBand}). The day's fields are extracted from the time in Danish time
     * itself, never cast to a date (H2 would cast in the session's time zone).
     */
    private static final String BY_CITIZEN = """
            SELECT need, context, district, sex, age_band, days, %1$s
              FROM (
                SELECT need, context, district, sex, %2$s AS days,
                       CASE WHEN age < 65 THEN 0 WHEN age >= 90 THEN 6 ELSE 1 + (age - 65) / 5 END AS age_band,
                       accepted, first_visit, accompanied, regularly, full_offer
                  FROM (
                    SELECT needs_support AS need, context, district, sex, accepted, first_visit, accompanied,
                           regularly, full_offer, seconds,
                           CAST(EXTRACT(YEAR FROM requested_day) AS INTEGER)
                             - CAST(EXTRACT(YEAR FROM birth_date) AS INTEGER)
                             - CASE WHEN CAST(EXTRACT(MONTH FROM requested_day) AS INTEGER) * 100
                                         + CAST(EXTRACT(DAY FROM requested_day) AS INTEGER)
                                       < CAST(EXTRACT(MONTH FROM birth_date) AS INTEGER) * 100
                                         + CAST(EXTRACT(DAY FROM birth_date) AS INTEGER)
                                    THEN 1 ELSE 0 END AS age
                      FROM (
                        SELECT r.needs_support, r.context, c.district, c.birth_date,
                               CASE WHEN c.sex = 'MALE' THEN 'MALE' ELSE 'FEMALE' END AS sex,
                               r.requested_at AT TIME ZONE '%3$s' AS requested_day, %4$s
                          FROM referral_view r JOIN citizen_register_view c ON c.id = r.citizen_id
                         WHERE %5$s
                      ) referral_citizen
                  ) referral_age
              ) referral_fact
             GROUP BY need, context, district, sex, age_band, days
            """.formatted(COUNTS, DAYS, DanishTime.ZONE.getId(), STAGES, YEAR);

    /** By the offer's categories. */
    private static final String BY_CATEGORY = """
            SELECT t.name AS category, %2$s AS days, %1$s
              FROM (SELECT r.offer_id, %3$s FROM referral_view r WHERE %4$s) referral_fact
              LEFT JOIN (SELECT ot.offer_id, tt.name
                           FROM offer_term_view ot JOIN taxonomy_term_view tt ON tt.id = ot.term_id
                          WHERE tt.taxonomy = 'kategori') t ON t.offer_id = referral_fact.offer_id
             GROUP BY t.name, %2$s
            """.formatted(COUNTS, DAYS, STAGES, YEAR);

    /** A row's label in {@code locale}: the code's message, district name or age band. */
    private String label(Dimension dimension, @Nullable String code, Locale locale) {
        return switch (dimension) {
            case CATEGORY -> code == null ? text("stats.referral.noCategory", locale) : code;
            case NEED -> label("supportLevel.", code, "stats.referral.needUnknown", locale);
            case CONTEXT -> label("referral.context.", code, "stats.referral.needUnknown", locale);
            case DISTRICT -> code == null ? VisitFigures.NO_DISTRICT
                    : Objects.requireNonNullElse(districts.name(code), code);
            case AGE_BAND -> AgeBand.values()[Integer.parseInt(Objects.requireNonNull(code))].label();
            case SEX -> text("MALE".equals(code) ? "stats.aed10.men" : "stats.aed10.women", locale);
        };
    }

    private Volunteering volunteering(Instant from, Instant until) {
        long[] register = jdbc.sql("""
                SELECT COUNT(*) AS onboarded, COALESCE(SUM(CASE WHEN peer THEN 1 ELSE 0 END), 0) AS peers
                  FROM referral_volunteer_view WHERE stage = 'ONBOARDED'
                """).query((rs, n) -> new long[] {rs.getLong("onboarded"), rs.getLong("peers")}).single();
        long[] given = jdbc.sql("""
                SELECT COUNT(DISTINCT volunteer_id) AS volunteers, COUNT(*) AS visits,
                       COUNT(minutes_given) AS timed, COALESCE(SUM(minutes_given), 0) AS minutes
                  FROM referral_assignment_view
                 WHERE visit = 'WENT_TOGETHER' AND reported_at >= :from AND reported_at < :until
                """).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query((rs, n) -> new long[] {rs.getLong("volunteers"), rs.getLong("visits"), rs.getLong("timed"),
                        rs.getLong("minutes")}).single();
        return new Volunteering(new Count(register[0]), new Count(register[1]), new Count(given[0]),
                new Count(given[1]), new Count(given[2]), Math.round(given[3] / 60.0));
    }

    private static Row row(Map<Dimension, Map<String, Row>> rows, Dimension dimension, String label) {
        return rows.get(dimension).computeIfAbsent(label, key -> new Row(key, new long[Stage.values().length],
                new HashMap<>()));
    }

    /**
     * The funnel's tables, protected: the whole funnel first, then one per breakdown with the total as its last
     * row. The median days are shown only for a row with at least five first visits that are themselves shown.
     */
    List<Table> tables(Funnel funnel, Locale locale) {
        List<Table> tables = new ArrayList<>();
        var headers = new ArrayList<String>();
        headers.add(text("stats.referral.group", locale));
        for (var stage : Stage.values()) {
            headers.add(text("stats.referral.stage." + stage.name(), locale));
        }
        headers.add(text("stats.referral.medianDays", locale));
        tables.add(table(text("stats.referral.table.total", locale, String.valueOf(funnel.year())), headers,
                List.of(funnel.total()), null));
        for (var dimension : Dimension.values()) {
            tables.add(table(text("stats.referral.table." + dimension.name(), locale, String.valueOf(funnel.year())),
                    headers, funnel.breakdowns().get(dimension), funnel.total()));
        }
        var v = funnel.volunteering();
        tables.add(new Table(text("stats.referral.volunteers", locale, String.valueOf(funnel.year())),
                List.of(text("stats.referral.group", locale), text("stats.referral.volunteers.count", locale)),
                List.of(List.of(text("stats.referral.volunteers.onboarded", locale), v.onboarded().shown()),
                        List.of(text("stats.referral.volunteers.peers", locale), v.peersOnboarded().shown()),
                        List.of(text("stats.referral.volunteers.wentAlong", locale), v.wentAlong().shown()),
                        List.of(text("stats.referral.volunteers.accompaniments", locale), v.accompaniments().shown()),
                        List.of(text("stats.referral.volunteers.hours", locale), v.hoursShown()))));
        return tables;
    }

    private static Table table(String title, List<String> headers, List<Row> rows, @Nullable Row total) {
        long[][] counts = rows.stream().map(Row::counts).toArray(long[][]::new);
        // Categories overlap (an offer may have several), so rows need not add up to the total: protected as if.
        boolean[][] hidden = total == null ? primaryOnly(counts) : Suppression.hidden(counts, total.counts());
        var shown = Suppression.shown(counts, hidden);
        List<List<String>> cells = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            var row = new ArrayList<String>();
            row.add(rows.get(r).label());
            row.addAll(shown.get(r));
            row.add(hidden[r][Stage.FIRST_VISIT.ordinal()] ? "–" : median(rows.get(r)));
            cells.add(row);
        }
        if (total != null) {
            var totalCounts = new long[][] {total.counts()};
            var totalShown = Suppression.shown(totalCounts, primaryOnly(totalCounts)).getFirst();
            var row = new ArrayList<String>();
            row.add(total.label());
            row.addAll(totalShown);
            row.add(Suppression.small(total.count(Stage.FIRST_VISIT)) ? "–" : median(total));
            cells.add(row);
        }
        return new Table(title, headers, cells);
    }

    private static boolean[][] primaryOnly(long[][] counts) {
        boolean[][] hidden = new boolean[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            hidden[r] = new boolean[counts[r].length];
            for (int c = 0; c < counts[r].length; c++) {
                hidden[r][c] = Suppression.small(counts[r][c]);
            }
        }
        return hidden;
    }

    /** The median in whole days; "–" for fewer than five first visits. */
    static String median(Row row) {
        if (row.count(Stage.FIRST_VISIT) < Count.SMALLEST_SHOWN) {
            return "–";
        }
        return Long.toString(Math.round(Objects.requireNonNull(row.medianDays())));
    }

    /** The whole funnel as chart points: referred, accepted, first visit, attending regularly. */
    List<BarChart.Point> chart(Funnel funnel, Locale locale) {
        return List.of(Stage.REFERRED, Stage.ACCEPTED, Stage.FIRST_VISIT, Stage.REGULARLY).stream()
                .map(stage -> new BarChart.Point(text("stats.referral.chart." + stage.name(), locale),
                        new Count(funnel.total().count(stage))))
                .toList();
    }

    private String label(String prefix, @Nullable String code, String unknownKey, Locale locale) {
        return code == null ? text(unknownKey, locale) : messages.getMessage(prefix + code, null, code, locale);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
