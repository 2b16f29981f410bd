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
import java.util.UUID;
import java.util.function.Function;

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

    private record Referral(UUID offer, @Nullable String need, String context, boolean fullOffer,
            @Nullable Instant accepted, @Nullable Instant firstVisit, @Nullable Instant regularly, Instant requested,
            boolean accompaniment, @Nullable String district, LocalDate birthDate, String sex) {

        boolean reached(Stage stage) {
            return switch (stage) {
                case REFERRED -> true;
                case ACCEPTED -> accepted != null;
                case FIRST_VISIT -> firstVisit != null;
                case ACCOMPANIED -> firstVisit != null && accompaniment;
                case REGULARLY -> regularly != null && !regularly.isAfter(requested.plus(THREE_MONTHS));
                case FULL_OFFER -> fullOffer;
            };
        }

        /** Days from referral to the first visit, for the median. */
        long daysToFirstVisit() {
            return Duration.between(requested, Objects.requireNonNull(firstVisit)).toDays();
        }
    }

    /** One row of a breakdown: its label and its counts by {@link Stage}, and the days to a first visit. */
    public record Row(String label, long[] counts, List<Long> daysToFirstVisit) {

        public long count(Stage stage) {
            return counts[stage.ordinal()];
        }
    }

    /** A year's funnel: all referrals, each breakdown's rows, and what volunteers gave. */
    public record Funnel(int year, Row total, Map<Dimension, List<Row>> breakdowns, Volunteering volunteering) {
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

    ReferralFunnel(ReportsDatabase reports, MessageSource messages, Districts districts) {
        this.reports = reports;
        this.jdbc = reports.jdbc();
        this.messages = messages;
        this.districts = districts;
    }

    /** The funnel of the referrals sent in {@code year} (Danish time), labels in {@code locale}. */
    Funnel year(int year, Locale locale) {
        return reports.read(() -> yearIn(year, locale));
    }

    private Funnel yearIn(int year, Locale locale) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(DanishTime.ZONE).toInstant();
        Instant until = LocalDate.of(year + 1, 1, 1).atStartOfDay(DanishTime.ZONE).toInstant();
        Map<UUID, List<String>> categories = new HashMap<>();
        jdbc.sql("""
                SELECT ot.offer_id, t.name
                  FROM offer_term_view ot JOIN taxonomy_term_view t ON t.id = ot.term_id
                 WHERE t.taxonomy = 'kategori'
                   AND ot.offer_id IN (SELECT offer_id FROM referral_view
                                        WHERE requested_at >= :from AND requested_at < :until)
                """).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query(rs -> {
                    categories.computeIfAbsent(rs.getObject("offer_id", UUID.class), key -> new ArrayList<>())
                            .add(rs.getString("name"));
                });

        var total = new Row(text("stats.referral.total", locale), new long[Stage.values().length], new ArrayList<>());
        Map<Dimension, Map<String, Row>> rows = new EnumMap<>(Dimension.class);
        for (var dimension : Dimension.values()) {
            rows.put(dimension, new TreeMap<>());
        }
        List<String> noCategory = List.of(text("stats.referral.noCategory", locale));
        // Each row's labels looked up once per code, not once per referral (a year may have hundreds of thousands).
        Map<String, String> labels = new HashMap<>();
        Function<String, String> needLabel = code -> labels.computeIfAbsent("need:" + code,
                key -> label("supportLevel.", code, "stats.referral.needUnknown", locale));
        Function<String, String> contextLabel = code -> labels.computeIfAbsent("context:" + code,
                key -> label("referral.context.", code, "stats.referral.needUnknown", locale));
        Function<String, String> districtLabel = code -> labels.computeIfAbsent("district:" + code,
                key -> code == null ? VisitFigures.NO_DISTRICT
                        : Objects.requireNonNullElse(districts.name(code), code));
        Function<String, String> sexLabel = code -> labels.computeIfAbsent("sex:" + code,
                key -> text("MALE".equals(code) ? "stats.aed10.men" : "stats.aed10.women", locale));
        // One streamed pass: each referral is counted into every breakdown as it is read, none is kept.
        jdbc.sql("""
                SELECT r.offer_id, r.needs_support, r.context, r.full_offer, r.accepted_at, r.first_visit_at,
                       r.regularly_at, r.requested_at, r.accompaniment, c.district, c.birth_date, c.sex
                  FROM referral_view r JOIN citizen_register_view c ON c.id = r.citizen_id
                 WHERE r.requested_at >= :from AND r.requested_at < :until AND r.status <> 'ENTERED_IN_ERROR'
                """).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .query(rs -> {
                    var referral = new Referral(rs.getObject("offer_id", UUID.class), rs.getString("needs_support"),
                            rs.getString("context"), rs.getBoolean("full_offer"),
                            instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("first_visit_at")),
                            instant(rs.getTimestamp("regularly_at")), rs.getTimestamp("requested_at").toInstant(),
                            rs.getBoolean("accompaniment"), rs.getString("district"),
                            rs.getObject("birth_date", LocalDate.class), rs.getString("sex"));
                    add(total, referral);
                    for (String category : categories.getOrDefault(referral.offer(), noCategory)) {
                        add(row(rows, Dimension.CATEGORY, category), referral);
                    }
                    add(row(rows, Dimension.NEED, needLabel.apply(referral.need())), referral);
                    add(row(rows, Dimension.DISTRICT, districtLabel.apply(referral.district())), referral);
                    add(row(rows, Dimension.AGE_BAND, AgeBand.of(referral.birthDate(),
                            LocalDate.ofInstant(referral.requested(), DanishTime.ZONE)).label()), referral);
                    add(row(rows, Dimension.SEX, sexLabel.apply(referral.sex())), referral);
                    add(row(rows, Dimension.CONTEXT, contextLabel.apply(referral.context())), referral);
                });
        Map<Dimension, List<Row>> breakdowns = new EnumMap<>(Dimension.class);
        rows.forEach((dimension, byLabel) -> breakdowns.put(dimension, List.copyOf(byLabel.values())));
        return new Funnel(year, total, breakdowns, volunteering(from, until));
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
                new ArrayList<>()));
    }

    private static void add(Row row, Referral referral) {
        for (var stage : Stage.values()) {
            if (referral.reached(stage)) {
                row.counts()[stage.ordinal()]++;
            }
        }
        if (referral.firstVisit() != null) {
            row.daysToFirstVisit().add(referral.daysToFirstVisit());
        }
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
            row.add(hidden[r][Stage.FIRST_VISIT.ordinal()] ? "–" : median(rows.get(r).daysToFirstVisit()));
            cells.add(row);
        }
        if (total != null) {
            var totalCounts = new long[][] {total.counts()};
            var totalShown = Suppression.shown(totalCounts, primaryOnly(totalCounts)).getFirst();
            var row = new ArrayList<String>();
            row.add(total.label());
            row.addAll(totalShown);
            row.add(Suppression.small(total.count(Stage.FIRST_VISIT)) ? "–" : median(total.daysToFirstVisit()));
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

    /** The median in whole days; "–" for fewer than five. */
    static String median(List<Long> days) {
        if (days.size() < Count.SMALLEST_SHOWN) {
            return "–";
        }
        long[] sorted = days.stream().mapToLong(Long::longValue).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        return Long.toString(Math.round(median));
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
