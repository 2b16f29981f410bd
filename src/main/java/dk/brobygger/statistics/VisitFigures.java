package dk.brobygger.statistics;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dk.brobygger.shared.Districts;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Counting the preventive home visits for a year (DOMAIN.md §1, §11): "Fællesskab" tags by month,
 * district and age band; visits planned, held and cancelled; the share with a conversation about
 * loneliness; follow-up calls made on time; and recipients shaped like Danmarks Statistik's AED10.
 * Reads the views the homevisit, outreach and citizen modules publish (never their tables); one pass
 * over the year's held visits. Each figure is read in one read-only transaction on the {@link ReportsDatabase}: the
 * application's database, or its read replica when one is set.
 */
@Service
public class VisitFigures {

    /** One month of the year. */
    public record MonthRow(Month month, Count held, Count tagged, Count withConversation) {
    }

    /** How the agreed follow-up calls due in the year went. */
    public record FollowUps(Count due, Count doneOnTime, Count doneLate, Count openOverdue, Count open,
            Count joinedCommunity, String shareOnTime) {
    }

    /** The whole year's figures. */
    public record Year(int year, Count planned, Count held, Count cancelled, Count tagged, Count withConversation,
            String shareWithConversation, String shareTagged, List<MonthRow> months, Map<String, Count> taggedByDistrict,
            Map<AgeBand, Count> taggedByAgeBand, FollowUps followUps) {
    }

    private record HeldVisit(UUID citizen, LocalDate heldOn, boolean tagged, boolean conversation, String place,
            String district, LocalDate birthDate, String sex) {
    }

    static final String NO_DISTRICT = "Uden distrikt";

    private final ReportsDatabase reports;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Districts districtNames;

    VisitFigures(ReportsDatabase reports, MessageSource messages, Districts districtNames) {
        this.districtNames = districtNames;
        this.reports = reports;
        this.jdbc = reports.jdbc();
        this.messages = messages;
    }

    /**
     * §79a offers made for the year by the rule they were made under: offered, accepted, declined
     * and held (DOMAIN.md §1).
     */
    Table offers(int year, Locale locale) {
        return reports.read(() -> offersIn(year, locale));
    }

    private Table offersIn(int year, Locale locale) {
        Map<String, long[]> byRule = new TreeMap<>();
        long[] total = new long[4];
        jdbc.sql("SELECT rule, answer, held_on FROM homevisit_offer_view WHERE visit_year = :year")
                .param("year", year).query((rs, row) -> {
                    long[] counts = byRule.computeIfAbsent(rs.getString("rule"), rule -> new long[4]);
                    String answer = rs.getString("answer");
                    int[] hits = {0, "ACCEPTED".equals(answer) ? 1 : -1, "DECLINED".equals(answer) ? 2 : -1,
                            rs.getDate("held_on") != null ? 3 : -1};
                    for (int hit : hits) {
                        if (hit >= 0) {
                            counts[hit]++;
                            total[hit]++;
                        }
                    }
                    return null;
                }).list();
        var protectedCounts = protect(byRule.values().toArray(long[][]::new), total);
        List<List<String>> rows = new ArrayList<>();
        int r = 0;
        for (String rule : byRule.keySet()) {
            rows.add(row(ruleLabel(rule, locale), protectedCounts[r++]));
        }
        rows.add(row(text("stats.table.total", locale), total));
        return new Table(text("stats.table.offers", locale, String.valueOf(year)),
                texts(locale, "stats.table.rule", "stats.table.offered", "stats.table.accepted", "stats.table.declined",
                        "stats.table.held"), rows);
    }

    /** Outreach items whose reason falls in the year, by reason and how they ended (DOMAIN.md §2). */
    Table outreach(int year, Locale locale) {
        return reports.read(() -> outreachIn(year, locale));
    }

    private Table outreachIn(int year, Locale locale) {
        List<String> outcomes = List.of("VISIT_OFFERED", "ACCEPTED", "DECLINED", "NOT_REACHED", "NOT_RELEVANT");
        Map<String, long[]> byReason = new TreeMap<>();
        jdbc.sql("""
                SELECT reason, status, outcome FROM outreach_item_view WHERE reason_date >= :from AND reason_date < :until
                """).param("from", LocalDate.of(year, 1, 1)).param("until", LocalDate.of(year + 1, 1, 1))
                .query((rs, row) -> {
                    long[] counts = byReason.computeIfAbsent(rs.getString("reason"), r -> new long[8]);
                    counts[0]++;
                    String status = rs.getString("status");
                    if ("OPEN".equals(status)) {
                        counts[1]++;
                    } else if ("WITHDRAWN".equals(status)) {
                        counts[7]++;
                    } else {
                        int outcome = outcomes.indexOf(rs.getString("outcome"));
                        if (outcome >= 0) {
                            counts[2 + outcome]++;
                        }
                    }
                    return null;
                }).list();
        // Within a reason, the outcomes add up to its total: protected row by row.
        long[][] parts = byReason.values().stream().map(counts -> java.util.Arrays.copyOfRange(counts, 1, 8))
                .toArray(long[][]::new);
        long[] reasonTotals = byReason.values().stream().mapToLong(counts -> counts[0]).toArray();
        boolean[][] hidden = Suppression.hiddenInRows(parts, reasonTotals);
        List<List<String>> rows = new ArrayList<>();
        int r = 0;
        for (var entry : byReason.entrySet()) {
            Count[] cells = new Count[8];
            cells[0] = new Count(entry.getValue()[0]);
            for (int c = 0; c < 7; c++) {
                cells[c + 1] = hidden[r][c] ? new Count(parts[r][c]).protect() : new Count(parts[r][c]);
            }
            rows.add(row(messages.getMessage("outreach.reason." + entry.getKey(), null, entry.getKey(), locale),
                    cells));
            r++;
        }
        return new Table(text("stats.table.outreach", locale, String.valueOf(year)),
                texts(locale, "stats.table.reason", "stats.table.total", "stats.table.open", "stats.table.visitOffered",
                        "stats.table.accepted", "stats.table.declined", "stats.table.notReached",
                        "stats.table.notRelevant", "stats.table.withdrawn"), rows);
    }

    private static List<String> row(String label, long[] counts) {
        return row(label, java.util.Arrays.stream(counts).mapToObj(Count::new).toArray(Count[]::new));
    }

    private static List<String> row(String label, Count[] counts) {
        List<String> row = new ArrayList<>();
        row.add(label);
        for (Count count : counts) {
            row.add(count.shown());
        }
        return row;
    }

    /**
     * The counts of a table whose columns add up to {@code totals}, each a {@link Count}: small ones "<5", and the
     * ones hidden so that no small one can be had by subtraction ({@link Suppression}) "–".
     */
    static Count[][] protect(long[][] counts, long[] totals) {
        boolean[][] hidden = Suppression.hidden(counts, totals);
        Count[][] protectedCounts = new Count[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            protectedCounts[r] = new Count[counts[r].length];
            for (int c = 0; c < counts[r].length; c++) {
                var count = new Count(counts[r][c]);
                protectedCounts[r][c] = hidden[r][c] && !count.suppressed() ? count.protect() : count;
            }
        }
        return protectedCounts;
    }

    /** "TURNS_75" reads "Fylder 75 i året" (or in English), and so on for the §79a rule codes. */
    String ruleLabel(String code, Locale locale) {
        var matcher = java.util.regex.Pattern.compile("([A-Z]+)_(\\d+)(?:_(\\d+))?").matcher(code);
        if (!matcher.matches()) {
            return code;
        }
        Object[] ages = matcher.group(3) == null ? new Object[] {matcher.group(2)}
                : new Object[] {matcher.group(2), matcher.group(3)};
        return messages.getMessage("homevisit.rule." + matcher.group(1), ages, code, locale);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private List<String> texts(Locale locale, String... keys) {
        return java.util.Arrays.stream(keys).map(key -> text(key, locale)).toList();
    }

    Year year(int year, LocalDate today) {
        return reports.read(() -> yearIn(year, today));
    }

    private Year yearIn(int year, LocalDate today) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = from.plusYears(1);
        var held = held(from, until);

        Map<Month, long[]> months = new EnumMap<>(Month.class);
        for (Month month : Month.values()) {
            months.put(month, new long[3]);
        }
        Map<String, Long> byDistrict = new TreeMap<>();
        Map<AgeBand, Long> byAge = new EnumMap<>(AgeBand.class);
        long tagged = 0;
        long conversation = 0;
        for (HeldVisit visit : held) {
            long[] month = months.get(visit.heldOn().getMonth());
            month[0]++;
            if (visit.tagged()) {
                month[1]++;
                tagged++;
                byDistrict.merge(visit.district(), 1L, Long::sum);
                byAge.merge(AgeBand.of(visit.birthDate(), visit.heldOn()), 1L, Long::sum);
            }
            if (visit.conversation()) {
                month[2]++;
                conversation++;
            }
        }
        // Each table's columns add up to a total the summary shows: protected so no hidden count can be subtracted.
        var monthCounts = protect(months.values().toArray(long[][]::new), new long[] {held.size(), tagged, conversation});
        List<MonthRow> monthRows = new ArrayList<>();
        int m = 0;
        for (Month month : months.keySet()) {
            monthRows.add(new MonthRow(month, monthCounts[m][0], monthCounts[m][1], monthCounts[m][2]));
            m++;
        }
        var districtCounts = protect(byDistrict.values().stream().map(count -> new long[] {count})
                .toArray(long[][]::new), new long[] {tagged});
        Map<String, Count> districts = new TreeMap<>();
        int d = 0;
        for (String district : byDistrict.keySet()) {
            districts.put(district, districtCounts[d++][0]);
        }
        var ageCounts = protect(java.util.Arrays.stream(AgeBand.values())
                .map(band -> new long[] {byAge.getOrDefault(band, 0L)}).toArray(long[][]::new), new long[] {tagged});
        Map<AgeBand, Count> ages = new EnumMap<>(AgeBand.class);
        for (AgeBand band : AgeBand.values()) {
            ages.put(band, ageCounts[band.ordinal()][0]);
        }

        Map<String, Long> statuses = new HashMap<>();
        jdbc.sql("""
                SELECT status, COUNT(*) AS n FROM homevisit_visit_view WHERE planned_start >= :from AND planned_start < :until
                 GROUP BY status
                """).param("from", from.atStartOfDay()).param("until", until.atStartOfDay())
                .query((rs, row) -> statuses.put(rs.getString("status"), rs.getLong("n"))).list();

        return new Year(year, new Count(statuses.getOrDefault("PLANNED", 0L)), new Count(held.size()),
                new Count(statuses.getOrDefault("CANCELLED", 0L)), new Count(tagged), new Count(conversation),
                Count.share(conversation, held.size()), Count.share(tagged, held.size()), monthRows, districts, ages,
                followUps(from, until, today));
    }

    /**
     * Recipients of preventive home visits in the year, shaped like Danmarks Statistik's AED10
     * (område, besøgstype, alder, køn): each citizen counted once per visit type.
     */
    Table aed10(int year, Locale locale) {
        return reports.read(() -> aed10In(year, locale));
    }

    private Table aed10In(int year, Locale locale) {
        LocalDate from = LocalDate.of(year, 1, 1);
        var held = held(from, from.plusYears(1));
        Map<List<String>, Set<UUID>> recipients = new TreeMap<>((a, b) -> String.join("\u0000", a)
                .compareTo(String.join("\u0000", b)));
        for (HeldVisit visit : held) {
            String type = text("HOME".equals(visit.place()) ? "stats.aed10.home" : "stats.aed10.elsewhere", locale);
            var key = List.of(visit.district(), type, AgeBand.of(visit.birthDate(), visit.heldOn()).label(),
                    text("MALE".equals(visit.sex()) ? "stats.aed10.men" : "stats.aed10.women", locale));
            recipients.computeIfAbsent(key, k -> new HashSet<>()).add(visit.citizen());
        }
        List<List<String>> rows = new ArrayList<>();
        recipients.forEach((key, citizens) -> {
            var row = new ArrayList<>(key);
            row.add(String.valueOf(year));
            row.add(new Count(citizens.size()).shown());
            rows.add(row);
        });
        return new Table(text("stats.aed10.title", locale, String.valueOf(year)),
                texts(locale, "stats.aed10.area", "stats.aed10.type", "stats.aed10.age", "stats.aed10.sex",
                        "stats.aed10.year", "stats.aed10.recipients"), rows);
    }

    /** The year's figures as report tables: by month, by district, by age band, offers and outreach. */
    List<Table> tables(Year figures, Locale locale) {
        List<List<String>> months = new ArrayList<>();
        for (MonthRow row : figures.months()) {
            String month = row.month().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale);
            months.add(List.of(month.substring(0, 1).toUpperCase(locale) + month.substring(1), row.held().shown(),
                    row.tagged().shown(), row.withConversation().shown()));
        }
        List<List<String>> districts = new ArrayList<>();
        figures.taggedByDistrict().forEach((district, count) -> districts.add(List.of(
                java.util.Objects.requireNonNull(districtNames.name(district)), count.shown())));
        List<List<String>> ages = new ArrayList<>();
        figures.taggedByAgeBand().forEach((band, count) -> ages.add(List.of(band.label(), count.shown())));
        String year = String.valueOf(figures.year());
        return List.of(
                new Table(text("stats.table.months", locale, year), texts(locale, "stats.table.month",
                        "stats.table.heldVisits", "stats.table.tag", "stats.table.conversation"), months),
                new Table(text("stats.table.districts", locale, year),
                        texts(locale, "stats.table.district", "stats.table.tag"), districts),
                new Table(text("stats.table.ages", locale, year), texts(locale, "stats.table.age", "stats.table.tag"),
                        ages),
                offers(figures.year(), locale), outreach(figures.year(), locale));
    }

    private List<HeldVisit> held(LocalDate from, LocalDate until) {
        return jdbc.sql("""
                SELECT v.citizen_id, v.held_on, v.community_tag, v.conversation, v.place, c.district, c.birth_date, c.sex
                  FROM homevisit_visit_view v JOIN citizen_register_view c ON c.id = v.citizen_id
                 WHERE v.status = 'HELD' AND v.held_on >= :from AND v.held_on < :until
                """).param("from", from).param("until", until)
                .query((rs, row) -> new HeldVisit(rs.getObject("citizen_id", UUID.class),
                        rs.getDate("held_on").toLocalDate(), rs.getBoolean("community_tag"),
                        !rs.getString("conversation").isEmpty(), rs.getString("place"),
                        rs.getString("district") == null ? NO_DISTRICT : rs.getString("district"),
                        rs.getDate("birth_date").toLocalDate(), rs.getString("sex")))
                .list();
    }

    private FollowUps followUps(LocalDate from, LocalDate until, LocalDate today) {
        long[] counts = new long[6];
        jdbc.sql("""
                SELECT status, due_on, done_on, outcome FROM followup_task_view
                 WHERE source_kind = 'homevisit.follow-up-call' AND due_on >= :from AND due_on < :until
                """).param("from", from).param("until", until).query((rs, row) -> {
                    counts[0]++;
                    LocalDate due = rs.getDate("due_on").toLocalDate();
                    if ("DONE".equals(rs.getString("status"))) {
                        LocalDate done = rs.getDate("done_on").toLocalDate();
                        counts[done.isAfter(due) ? 2 : 1]++;
                        if ("JOINED_COMMUNITY".equals(rs.getString("outcome"))) {
                            counts[5]++;
                        }
                    } else if (due.isBefore(today)) {
                        counts[3]++;
                    } else {
                        counts[4]++;
                    }
                    return null;
                }).list();
        return new FollowUps(new Count(counts[0]), new Count(counts[1]), new Count(counts[2]), new Count(counts[3]),
                new Count(counts[4]), new Count(counts[5]), Count.share(counts[1], counts[0]));
    }

    /** Districts in the year's figures, sorted; for choosing in the page. */
    static Set<String> districts(Year figures) {
        return new TreeSet<>(figures.taggedByDistrict().keySet());
    }
}
