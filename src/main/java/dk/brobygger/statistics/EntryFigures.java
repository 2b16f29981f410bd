package dk.brobygger.statistics;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dk.brobygger.shared.DanishTime;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Én indgang i tal (issue 16, "Counting it"): of a year's inquiries, who made them, how, at what hour and on which
 * weekday; of the courses started in the year, their type, current phase and state, how many started the same day
 * as their inquiry and the median hours to the start, and how many kept their planned intensity; the exits of the
 * year by where the citizen went; and the citizens who came back within 6 and 12 months of an earlier course. The
 * main figures for young people (12–25 at the start; for an inquiry, as the host marked it) and adults beside the
 * whole.
 *
 * <p>Counted by the database over the views the course and citizen modules publish (never their tables), grouped so
 * that only a few hundred rows reach Java, in one read-only transaction on the {@link ReportsDatabase}. The whole
 * report is protected as one (DOMAIN.md §11, {@link Suppression#hiddenInSums}): counts 1–4 are "&lt;5", and every
 * sum the report shows — a table's total, a row of all, young and adults, a course type and its phases, the same
 * total in several tables — is kept from giving a hidden count away.
 */
@Service
public class EntryFigures {

    /** Young people (12–25 at the start), and everyone else ("adults"). */
    static final int YOUNG = 0;
    static final int ADULT = 1;
    private static final int GROUPS = 2;

    /** "Came back within 6 months" and "within 12 months", in days after the earlier course ended. */
    static final int SIX_MONTHS = 183;
    static final int TWELVE_MONTHS = 365;

    static final List<String> SOURCES = List.of("CITIZEN", "RELATIVE", "ASSOCIATION", "GP", "PSYCHOLOGIST", "REGION",
            "SCHOOL", "JOBCENTRE", "ANONYMOUS");
    static final List<String> CHANNELS = List.of("WALK_IN", "PHONE", "EMAIL", "PUBLIC_FORM", "MY_PAGE", "MEETING");
    static final List<String> STATUSES = List.of("PLANNED", "WAITLIST", "ACTIVE", "ONHOLD", "FINISHED", "CANCELLED");
    static final List<String> EXITS = List.of("COMMUNITY", "MUNICIPAL_SERVICE", "REGION", "NO_MORE_HELP");

    /** A course type as the course module names it, with its phases' names in order. */
    record Type(UUID id, String name, List<String> phases) {
    }

    /**
     * A year as counted, before any figure is hidden; every array by group ({@link #YOUNG}, {@link #ADULT}).
     *
     * @param hoursToStart per group, hours from inquiry to start → courses, for the medians
     * @param returned6    citizens who came back within 6 months: young, adults, all (a citizen may be in both groups)
     */
    record Counted(int year, Instant countedAt, Map<String, long[]> inquiriesBySource, Map<String, Long> byChannel,
            long[] byHour, long[] byWeekday, long[] started, long[] fromInquiry, long[] sameDay, long[] judged,
            long[] kept, List<Map<Long, Long>> hoursToStart, Map<UUID, long[]> byTypeAndPhase,
            Map<String, Long> byStatus, Map<String, long[]> exitsByKind, long[] returned6, long[] returned12,
            List<Type> types) {

        long[] inquiries() {
            long[] total = new long[GROUPS];
            inquiriesBySource.values().forEach(counts -> {
                total[YOUNG] += counts[YOUNG];
                total[ADULT] += counts[ADULT];
            });
            return total;
        }

        long[] exits() {
            long[] total = new long[GROUPS];
            exitsByKind.values().forEach(counts -> {
                total[YOUNG] += counts[YOUNG];
                total[ADULT] += counts[ADULT];
            });
            return total;
        }

        /** Nothing recorded in the year: no inquiry, no course started, no exit. */
        boolean empty() {
            return sum(inquiries()) == 0 && sum(started) == 0 && sum(exits()) == 0;
        }

        LocalDateTime countedAtLocal() {
            return LocalDateTime.ofInstant(countedAt, DanishTime.ZONE);
        }
    }

    /** What the page shows: the tables, the charts' points, and whether anything was recorded. */
    public record Report(int year, boolean empty, LocalDateTime countedAt, List<Table> tables,
            List<BarChart.Point> bySource, List<BarChart.Point> byHour, List<BarChart.Point> byWeekday,
            List<BarChart.Point> byExit) {
    }

    private final ReportsDatabase reports;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final com.github.benmanes.caffeine.cache.@Nullable LoadingCache<Integer, Counted> counted;

    /**
     * {@code brobygger.statistics.funnel-refresh} (default 10 minutes), as for the referral funnel: a year once
     * counted is kept and, when older than this, shown once more while it is counted again in the background. The
     * counts carry no words, so one count of a year serves every language. Zero counts on every request.
     */
    EntryFigures(ReportsDatabase reports, MessageSource messages, java.time.Clock clock,
            @Value("${brobygger.statistics.funnel-refresh:PT10M}") Duration refresh) {
        this.reports = reports;
        this.jdbc = reports.jdbc();
        this.messages = messages;
        this.clock = clock;
        this.counted = refresh.isZero() ? null : com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .refreshAfterWrite(refresh).expireAfterAccess(Duration.ofDays(1)).maximumSize(20)
                .build(this::count);
    }

    /**
     * This year is counted in the background as soon as the application is ready, so the first manager after a start
     * does not wait for the count (about 13 s for a year of 400,000 courses, see docs/benchmarks).
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void countThisYearInTheBackground() {
        if (counted != null) {
            counted.refresh(LocalDate.now(clock.withZone(DanishTime.ZONE)).getYear());
        }
    }

    /** Is this year's count kept (counted and not yet dropped)? */
    boolean keeps(int year) {
        return counted != null && counted.getIfPresent(year) != null;
    }

    /** The year's report in {@code locale}, from the counts at most {@code funnel-refresh} old. */
    Report year(int year, Locale locale) {
        return report(counted == null ? count(year) : counted.get(year), locale);
    }

    /** The year counted now. */
    Counted count(int year) {
        return reports.read(() -> countIn(year));
    }

    // --- Counting, in the database ---------------------------------------------------------------------------------

    private static final String ZONE = DanishTime.ZONE.getId();

    /** A moment's day in Danish time as the number yyyymmdd, from the fields themselves (no cast to a date). */
    private static String day(String moment) {
        String local = "(" + moment + " AT TIME ZONE '" + ZONE + "')";
        return "(CAST(EXTRACT(YEAR FROM " + local + ") AS INTEGER) * 10000 + CAST(EXTRACT(MONTH FROM " + local
                + ") AS INTEGER) * 100 + CAST(EXTRACT(DAY FROM " + local + ") AS INTEGER))";
    }

    private static String birthDay(String date) {
        return "(CAST(EXTRACT(YEAR FROM " + date + ") AS INTEGER) * 10000 + CAST(EXTRACT(MONTH FROM " + date
                + ") AS INTEGER) * 100 + CAST(EXTRACT(DAY FROM " + date + ") AS INTEGER))";
    }

    /** 0 (young) when the citizen was 12–25 on the day the course started (Danish time), else 1. */
    private static final String GROUP_AT_START = "CASE WHEN (" + day("c.started_at") + " - " + birthDay("z.birth_date")
            + ") / 10000 BETWEEN 12 AND 25 THEN 0 ELSE 1 END";

    /** The year's inquiries, by who made them, how, the hour and ISO weekday of arrival in Danish time, and group. */
    private static final String INQUIRIES = """
            SELECT source, channel, hour_of_day, weekday, grp, COUNT(*) AS inquiries
              FROM (
                SELECT source, channel,
                       CAST(EXTRACT(HOUR FROM (received_at AT TIME ZONE '%1$s')) AS INTEGER) AS hour_of_day,
                       CAST(EXTRACT(ISODOW FROM (received_at AT TIME ZONE '%1$s')) AS INTEGER) AS weekday,
                       CASE WHEN young THEN 0 ELSE 1 END AS grp
                  FROM course_inquiry_view
                 WHERE received_at >= :from AND received_at < :until
              ) inquiry
             GROUP BY source, channel, hour_of_day, weekday, grp
            """.formatted(ZONE);

    /**
     * The courses started in the year, by type, current phase, state, group, whether they came from an inquiry and
     * started the same day (Danish time), and whether they kept their planned intensity (the course module's rule,
     * in course_intensity_view: 1 kept, 0 not kept, null not yet to be judged).
     */
    private static final String COURSES = """
            SELECT type_id, phase, status, grp, from_inquiry, same_day, kept, COUNT(*) AS courses
              FROM (
                SELECT c.type_id, c.phase, c.status, %1$s AS grp,
                       CASE WHEN c.inquiry_received_at IS NULL THEN 0 ELSE 1 END AS from_inquiry,
                       CASE WHEN c.inquiry_received_at IS NOT NULL AND %2$s = %3$s THEN 1 ELSE 0 END AS same_day,
                       CASE WHEN i.judged_phases IS NULL OR i.judged_phases = 0 THEN NULL
                            WHEN i.kept_phases = i.judged_phases THEN 1 ELSE 0 END AS kept
                  FROM course_view c
                  JOIN citizen_register_view z ON z.id = c.citizen_id
                  LEFT JOIN course_intensity_view i
                    ON i.course_id = c.id AND i.started_at >= :from AND i.started_at < :until
                 WHERE c.started_at >= :from AND c.started_at < :until
              ) course_fact
             GROUP BY type_id, phase, status, grp, from_inquiry, same_day, kept
            """.formatted(GROUP_AT_START, day("c.inquiry_received_at"), day("c.started_at"));

    /** Whole hours from inquiry to start (rounded towards zero, as Duration.toHours) of the year's courses, by group. */
    private static final String HOURS_TO_START = """
            SELECT grp, CASE WHEN seconds >= 0 THEN FLOOR(seconds / 3600) ELSE -FLOOR(-seconds / 3600) END AS hours,
                   COUNT(*) AS courses
              FROM (
                SELECT %1$s AS grp,
                       EXTRACT(EPOCH FROM c.started_at) - EXTRACT(EPOCH FROM c.inquiry_received_at) AS seconds
                  FROM course_view c JOIN citizen_register_view z ON z.id = c.citizen_id
                 WHERE c.started_at >= :from AND c.started_at < :until AND c.inquiry_received_at IS NOT NULL
              ) course_time
             GROUP BY grp, CASE WHEN seconds >= 0 THEN FLOOR(seconds / 3600) ELSE -FLOOR(-seconds / 3600) END
            """.formatted(GROUP_AT_START);

    /** The courses that ended with an exit on a day of the year, by where the citizen went and group. */
    private static final String EXITS_BY_KIND = """
            SELECT exit_kind, grp, COUNT(*) AS courses
              FROM (
                SELECT c.exit_kind, %1$s AS grp
                  FROM course_view c JOIN citizen_register_view z ON z.id = c.citizen_id
                 WHERE c.exit_on >= :fromDay AND c.exit_on < :untilDay AND c.exit_kind IS NOT NULL
              ) course_exit
             GROUP BY exit_kind, grp
            """.formatted(GROUP_AT_START);

    /** Citizens with a course started in the year after an earlier one ended within 6 and 12 months. */
    private static final String RETURNS = """
            SELECT %1$s AS grp,
                   COUNT(DISTINCT CASE WHEN c.returned_after_days <= %2$d THEN c.citizen_id END) AS six,
                   COUNT(DISTINCT c.citizen_id) AS twelve
              FROM course_view c JOIN citizen_register_view z ON z.id = c.citizen_id
             WHERE c.started_at >= :from AND c.started_at < :until AND c.returned_after_days <= %3$d
             GROUP BY %1$s
            """.formatted(GROUP_AT_START, SIX_MONTHS, TWELVE_MONTHS);

    private static final String RETURNS_ALL = """
            SELECT COUNT(DISTINCT CASE WHEN c.returned_after_days <= %1$d THEN c.citizen_id END) AS six,
                   COUNT(DISTINCT c.citizen_id) AS twelve
              FROM course_view c
             WHERE c.started_at >= :from AND c.started_at < :until AND c.returned_after_days <= %2$d
            """.formatted(SIX_MONTHS, TWELVE_MONTHS);

    private Counted countIn(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        Timestamp from = Timestamp.from(first.atStartOfDay(DanishTime.ZONE).toInstant());
        Timestamp until = Timestamp.from(first.plusYears(1).atStartOfDay(DanishTime.ZONE).toInstant());

        Map<String, long[]> bySource = new LinkedHashMap<>();
        SOURCES.forEach(source -> bySource.put(source, new long[GROUPS]));
        Map<String, Long> byChannel = new LinkedHashMap<>();
        CHANNELS.forEach(channel -> byChannel.put(channel, 0L));
        long[] byHour = new long[24];
        long[] byWeekday = new long[7];
        jdbc.sql(INQUIRIES).param("from", from).param("until", until).query((java.sql.ResultSet rs) -> {
            long n = rs.getLong("inquiries");
            int group = rs.getInt("grp");
            bySource.computeIfAbsent(rs.getString("source"), key -> new long[GROUPS])[group] += n;
            byChannel.merge(rs.getString("channel"), n, Long::sum);
            byHour[rs.getInt("hour_of_day")] += n;
            byWeekday[rs.getInt("weekday") - 1] += n;
        });

        var types = types();
        long[] started = new long[GROUPS];
        long[] fromInquiry = new long[GROUPS];
        long[] sameDay = new long[GROUPS];
        long[] judged = new long[GROUPS];
        long[] kept = new long[GROUPS];
        Map<UUID, long[]> byTypeAndPhase = new LinkedHashMap<>();
        types.forEach(type -> byTypeAndPhase.put(type.id(), new long[Math.max(1, type.phases().size())]));
        Map<String, Long> byStatus = new LinkedHashMap<>();
        STATUSES.forEach(status -> byStatus.put(status, 0L));
        jdbc.sql(COURSES).param("from", from).param("until", until).query((java.sql.ResultSet rs) -> {
            long n = rs.getLong("courses");
            int group = rs.getInt("grp");
            started[group] += n;
            fromInquiry[group] += rs.getInt("from_inquiry") * n;
            sameDay[group] += rs.getInt("same_day") * n;
            int keptFlag = rs.getInt("kept");
            if (!rs.wasNull()) {
                judged[group] += n;
                kept[group] += keptFlag * n;
            }
            long[] phases = byTypeAndPhase.computeIfAbsent(rs.getObject("type_id", UUID.class), id -> new long[1]);
            phases[Math.min(rs.getInt("phase"), phases.length - 1)] += n;
            byStatus.merge(rs.getString("status"), n, Long::sum);
        });

        List<Map<Long, Long>> hours = List.of(new HashMap<>(), new HashMap<>());
        jdbc.sql(HOURS_TO_START).param("from", from).param("until", until).query((java.sql.ResultSet rs) -> {
                    hours.get(rs.getInt("grp")).merge(rs.getLong("hours"), rs.getLong("courses"), Long::sum);
                });

        Map<String, long[]> exits = new LinkedHashMap<>();
        EXITS.forEach(kind -> exits.put(kind, new long[GROUPS]));
        jdbc.sql(EXITS_BY_KIND).param("fromDay", Date.valueOf(first)).param("untilDay", Date.valueOf(first.plusYears(1)))
                .query((java.sql.ResultSet rs) -> {
                    exits.computeIfAbsent(rs.getString("exit_kind"), kind -> new long[GROUPS])[rs.getInt("grp")] +=
                            rs.getLong("courses");
                });

        long[] returned6 = new long[GROUPS + 1];
        long[] returned12 = new long[GROUPS + 1];
        jdbc.sql(RETURNS).param("from", from).param("until", until).query((java.sql.ResultSet rs) -> {
            returned6[rs.getInt("grp")] = rs.getLong("six");
            returned12[rs.getInt("grp")] = rs.getLong("twelve");
        });
        jdbc.sql(RETURNS_ALL).param("from", from).param("until", until).query((java.sql.ResultSet rs) -> {
            returned6[GROUPS] = rs.getLong("six");
            returned12[GROUPS] = rs.getLong("twelve");
        });
        return new Counted(year, clock.instant(), bySource, byChannel, byHour, byWeekday, started, fromInquiry,
                sameDay, judged, kept, hours, byTypeAndPhase, byStatus, exits, returned6, returned12, types);
    }

    private List<Type> types() {
        Map<UUID, List<String>> phases = new HashMap<>();
        jdbc.sql("SELECT type_id, position, name FROM course_type_phase_view ORDER BY type_id, position")
                .query((java.sql.ResultSet rs) -> {
                    phases.computeIfAbsent(rs.getObject("type_id", UUID.class), id -> new ArrayList<>())
                            .add(rs.getString("name"));
                });
        return jdbc.sql("SELECT id, name FROM course_type_view ORDER BY name, id")
                .query((rs, n) -> new Type(rs.getObject("id", UUID.class), rs.getString("name"),
                        phases.getOrDefault(rs.getObject("id", UUID.class), List.of())))
                .list();
    }

    // --- The report, protected ---------------------------------------------------------------------------------------

    /**
     * The report's counts, each once however many tables show it, and the sums that tie them; hidden together by
     * {@link Suppression#hiddenInSums}.
     */
    private static final class Cells {
        private final List<Long> values = new ArrayList<>();
        private final List<int[]> sums = new ArrayList<>();
        private boolean @Nullable [] hidden;

        int add(long value) {
            values.add(value);
            return values.size() - 1;
        }

        /** Three cells (all, young, adults) tied by all = young + adults. */
        int[] groups(long young, long adults) {
            int[] cells = {add(young + adults), add(young), add(adults)};
            sum(cells[0], cells[1], cells[2]);
            return cells;
        }

        void sum(int total, int... parts) {
            int[] sum = new int[parts.length + 1];
            sum[0] = total;
            System.arraycopy(parts, 0, sum, 1, parts.length);
            sums.add(sum);
        }

        void protect() {
            hidden = Suppression.hiddenInSums(values.stream().mapToLong(Long::longValue).toArray(), sums);
        }

        long value(int cell) {
            return values.get(cell);
        }

        boolean hidden(int cell) {
            return java.util.Objects.requireNonNull(hidden)[cell];
        }

        String shown(int cell) {
            return count(cell).shown();
        }

        Count count(int cell) {
            var count = new Count(value(cell));
            return hidden(cell) && !Suppression.small(value(cell)) ? count.protect() : count;
        }

        /** A share in per cent, only where both counts are shown and the whole is at least five. */
        String share(int part, int whole) {
            return hidden(part) || hidden(whole) ? "–" : Count.share(value(part), value(whole));
        }
    }

    /** A table row: its label, then each cell as shown, then any text. */
    private static List<String> row(Cells cells, String label, int[] counts, String... texts) {
        var row = new ArrayList<String>();
        row.add(label);
        for (int cell : counts) {
            row.add(cells.shown(cell));
        }
        row.addAll(List.of(texts));
        return row;
    }

    Report report(Counted c, Locale locale) {
        var cells = new Cells();
        String year = String.valueOf(c.year());
        // The main figures, each for all, young and adults.
        long[] inquiries = c.inquiries();
        int[] inquiryCells = cells.groups(inquiries[YOUNG], inquiries[ADULT]);
        int[] startedCells = cells.groups(c.started()[YOUNG], c.started()[ADULT]);
        int[] fromInquiryCells = cells.groups(c.fromInquiry()[YOUNG], c.fromInquiry()[ADULT]);
        int[] sameDayCells = cells.groups(c.sameDay()[YOUNG], c.sameDay()[ADULT]);
        long[] exits = c.exits();
        int[] exitCells = cells.groups(exits[YOUNG], exits[ADULT]);
        int[] returned6Cells = {cells.add(c.returned6()[GROUPS]), cells.add(c.returned6()[YOUNG]),
                cells.add(c.returned6()[ADULT])};
        cells.sum(returned6Cells[0], returned6Cells[1], returned6Cells[2]);
        int[] returned12Cells = {cells.add(c.returned12()[GROUPS]), cells.add(c.returned12()[YOUNG]),
                cells.add(c.returned12()[ADULT])};
        cells.sum(returned12Cells[0], returned12Cells[1], returned12Cells[2]);
        int[] judgedCells = cells.groups(c.judged()[YOUNG], c.judged()[ADULT]);
        int[] keptCells = cells.groups(c.kept()[YOUNG], c.kept()[ADULT]);

        // Inquiries by source, for all, young and adults: each row a sum, each column adds up to the main figure.
        Map<String, int[]> sourceCells = new LinkedHashMap<>();
        c.inquiriesBySource().forEach((source, counts) ->
                sourceCells.put(source, cells.groups(counts[YOUNG], counts[ADULT])));
        for (int column = 0; column < 3; column++) {
            final int col = column;
            cells.sum(inquiryCells[col], sourceCells.values().stream().mapToInt(cell -> cell[col]).toArray());
        }
        Map<String, Integer> channelCells = new LinkedHashMap<>();
        c.byChannel().forEach((channel, n) -> channelCells.put(channel, cells.add(n)));
        cells.sum(inquiryCells[0], channelCells.values().stream().mapToInt(Integer::intValue).toArray());
        int[] hourCells = new int[24];
        for (int hour = 0; hour < 24; hour++) {
            hourCells[hour] = cells.add(c.byHour()[hour]);
        }
        cells.sum(inquiryCells[0], hourCells);
        int[] weekdayCells = new int[7];
        for (int day = 0; day < 7; day++) {
            weekdayCells[day] = cells.add(c.byWeekday()[day]);
        }
        cells.sum(inquiryCells[0], weekdayCells);

        // Courses by type and current phase: a type's count is the sum of its phases, the types add up to all.
        Map<Type, int[]> typeCells = new LinkedHashMap<>();
        Map<UUID, Type> typesById = new HashMap<>();
        c.types().forEach(type -> typesById.put(type.id(), type));
        c.byTypeAndPhase().forEach((id, phases) -> {
            var type = typesById.getOrDefault(id, new Type(id, id.toString(), List.of()));
            int[] row = new int[phases.length + 1];
            row[0] = cells.add(sum(phases));
            for (int phase = 0; phase < phases.length; phase++) {
                row[phase + 1] = cells.add(phases[phase]);
            }
            cells.sum(row[0], java.util.Arrays.copyOfRange(row, 1, row.length));
            typeCells.put(type, row);
        });
        cells.sum(startedCells[0], typeCells.values().stream().mapToInt(row -> row[0]).toArray());
        Map<String, Integer> statusCells = new LinkedHashMap<>();
        c.byStatus().forEach((status, n) -> statusCells.put(status, cells.add(n)));
        cells.sum(startedCells[0], statusCells.values().stream().mapToInt(Integer::intValue).toArray());

        // Exits by where the citizen went, for all, young and adults.
        Map<String, int[]> exitKindCells = new LinkedHashMap<>();
        c.exitsByKind().forEach((kind, counts) -> exitKindCells.put(kind, cells.groups(counts[YOUNG], counts[ADULT])));
        for (int column = 0; column < 3; column++) {
            final int col = column;
            cells.sum(exitCells[col], exitKindCells.values().stream().mapToInt(cell -> cell[col]).toArray());
        }

        cells.protect();

        List<String> groupHeaders = List.of(text("stats.entry.all", locale), text("stats.entry.young", locale),
                text("stats.entry.adults", locale));
        var tables = new ArrayList<Table>();

        var summary = new ArrayList<List<String>>();
        summary.add(row(cells, text("stats.entry.inquiries", locale), inquiryCells));
        summary.add(row(cells, text("stats.entry.started", locale), startedCells));
        summary.add(row(cells, text("stats.entry.fromInquiry", locale), fromInquiryCells));
        summary.add(row(cells, text("stats.entry.sameDay", locale), sameDayCells));
        summary.add(shareRow(cells, text("stats.entry.sameDayShare", locale), sameDayCells, fromInquiryCells));
        var medians = new ArrayList<String>();
        medians.add(text("stats.entry.medianHours", locale));
        var allHours = new HashMap<Long, Long>(c.hoursToStart().get(YOUNG));
        c.hoursToStart().get(ADULT).forEach((hours, n) -> allHours.merge(hours, n, Long::sum));
        medians.add(median(cells, fromInquiryCells[0], allHours));
        medians.add(median(cells, fromInquiryCells[1], c.hoursToStart().get(YOUNG)));
        medians.add(median(cells, fromInquiryCells[2], c.hoursToStart().get(ADULT)));
        summary.add(medians);
        summary.add(row(cells, text("stats.entry.exits", locale), exitCells));
        summary.add(row(cells, text("stats.entry.returned6", locale), returned6Cells));
        summary.add(row(cells, text("stats.entry.returned12", locale), returned12Cells));
        summary.add(row(cells, text("stats.entry.judged", locale), judgedCells));
        summary.add(row(cells, text("stats.entry.kept", locale), keptCells));
        summary.add(shareRow(cells, text("stats.entry.keptShare", locale), keptCells, judgedCells));
        tables.add(new Table(text("stats.entry.table.summary", locale, year),
                header(text("stats.entry.figure", locale), groupHeaders), summary));

        var sources = new ArrayList<List<String>>();
        sourceCells.forEach((source, row) -> sources.add(row(cells, text("course.source." + source, locale), row)));
        sources.add(row(cells, text("stats.table.total", locale), inquiryCells));
        tables.add(new Table(text("stats.entry.table.source", locale, year),
                header(text("stats.entry.source", locale), groupHeaders), sources));

        var channels = new ArrayList<List<String>>();
        channelCells.forEach((channel, cell) ->
                channels.add(row(cells, text("course.channel." + channel, locale), new int[] {cell})));
        channels.add(row(cells, text("stats.table.total", locale), new int[] {inquiryCells[0]}));
        tables.add(new Table(text("stats.entry.table.channel", locale, year),
                List.of(text("stats.entry.channel", locale), text("stats.entry.inquiries", locale)), channels));

        var hours = new ArrayList<List<String>>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(row(cells, hourLabel(hour), new int[] {hourCells[hour]}));
        }
        hours.add(row(cells, text("stats.table.total", locale), new int[] {inquiryCells[0]}));
        tables.add(new Table(text("stats.entry.table.hour", locale, year),
                List.of(text("stats.entry.hour", locale), text("stats.entry.inquiries", locale)), hours));

        var weekdays = new ArrayList<List<String>>();
        for (int day = 0; day < 7; day++) {
            weekdays.add(row(cells, weekday(day, locale), new int[] {weekdayCells[day]}));
        }
        weekdays.add(row(cells, text("stats.table.total", locale), new int[] {inquiryCells[0]}));
        tables.add(new Table(text("stats.entry.table.weekday", locale, year),
                List.of(text("stats.entry.weekday", locale), text("stats.entry.inquiries", locale)), weekdays));

        var byType = new ArrayList<List<String>>();
        typeCells.forEach((type, row) -> {
            byType.add(row(cells, text("stats.entry.typeAll", locale, type.name()), new int[] {row[0]}));
            for (int phase = 1; phase < row.length; phase++) {
                String name = phase - 1 < type.phases().size() ? type.phases().get(phase - 1) : "";
                byType.add(row(cells, text("stats.entry.phase", locale, String.valueOf(phase), name),
                        new int[] {row[phase]}));
            }
        });
        byType.add(row(cells, text("stats.table.total", locale), new int[] {startedCells[0]}));
        tables.add(new Table(text("stats.entry.table.type", locale, year),
                List.of(text("stats.entry.type", locale), text("stats.entry.courses", locale)), byType));

        var statuses = new ArrayList<List<String>>();
        statusCells.forEach((status, cell) ->
                statuses.add(row(cells, text("course.status." + status, locale), new int[] {cell})));
        statuses.add(row(cells, text("stats.table.total", locale), new int[] {startedCells[0]}));
        tables.add(new Table(text("stats.entry.table.status", locale, year),
                List.of(text("stats.entry.status", locale), text("stats.entry.courses", locale)), statuses));

        var exitRows = new ArrayList<List<String>>();
        exitKindCells.forEach((kind, row) -> exitRows.add(row(cells, text("course.exit." + kind, locale), row)));
        exitRows.add(row(cells, text("stats.table.total", locale), exitCells));
        tables.add(new Table(text("stats.entry.table.exit", locale, year),
                header(text("stats.entry.exit", locale), groupHeaders), exitRows));

        return new Report(c.year(), c.empty(), c.countedAtLocal(), tables,
                points(cells, sourceCells.entrySet().stream().map(entry -> Map.entry(
                        text("stats.entry.source." + entry.getKey(), locale), entry.getValue()[0])).toList()),
                points(cells, java.util.stream.IntStream.range(0, 24)
                        .mapToObj(hour -> Map.entry(String.valueOf(hour), hourCells[hour])).toList()),
                points(cells, java.util.stream.IntStream.range(0, 7).mapToObj(day -> Map.entry(
                        DayOfWeek.of(day + 1).getDisplayName(TextStyle.SHORT, locale), weekdayCells[day])).toList()),
                points(cells, exitKindCells.entrySet().stream().map(entry -> Map.entry(
                        text("stats.entry.exit." + entry.getKey(), locale), entry.getValue()[0])).toList()));
    }

    private static List<String> header(String first, List<String> rest) {
        var headers = new ArrayList<String>();
        headers.add(first);
        headers.addAll(rest);
        return headers;
    }

    private static List<String> shareRow(Cells cells, String label, int[] parts, int[] wholes) {
        return List.of(label, cells.share(parts[0], wholes[0]), cells.share(parts[1], wholes[1]),
                cells.share(parts[2], wholes[2]));
    }

    private static List<BarChart.Point> points(Cells cells, List<Map.Entry<String, Integer>> labelled) {
        return labelled.stream().map(entry -> new BarChart.Point(entry.getKey(), cells.count(entry.getValue())))
                .toList();
    }

    /** The median hours, shown only where the courses it is taken from are shown and at least five. */
    private static String median(Cells cells, int courses, Map<Long, Long> hours) {
        if (cells.hidden(courses) || cells.value(courses) < Count.SMALLEST_SHOWN) {
            return "–";
        }
        return Long.toString(Math.round(median(hours)));
    }

    /** The middle value (odd n) or the mean of the two middle ones (even n) of a histogram (value → how many). */
    static double median(Map<Long, Long> histogram) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        long lower = (n - 1) / 2;
        long upper = n / 2;
        Long lowerValue = null;
        long seen = 0;
        for (var entry : new TreeMap<>(histogram).entrySet()) {
            seen += entry.getValue();
            if (lowerValue == null && seen > lower) {
                lowerValue = entry.getKey();
            }
            if (seen > upper) {
                return (lowerValue + entry.getKey()) / 2.0;
            }
        }
        throw new IllegalStateException("unreachable: the walk passes the middle");
    }

    private static String hourLabel(int hour) {
        return String.format(Locale.ROOT, "%02d–%02d", hour, hour + 1);
    }

    private static String weekday(int day, Locale locale) {
        String name = DayOfWeek.of(day + 1).getDisplayName(TextStyle.FULL_STANDALONE, locale);
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
