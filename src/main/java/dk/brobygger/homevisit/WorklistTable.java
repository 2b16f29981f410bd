package dk.brobygger.homevisit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.citizen.CitizenExpired;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.outreach.OutreachEvaluated;
import dk.brobygger.outreach.OutreachItemClosed;
import dk.brobygger.outreach.OutreachItemOpened;
import dk.brobygger.outreach.OutreachItemWithdrawn;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklist's citizens as a table ({@code homevisit_worklist_citizen}): for a visit year, one row per citizen
 * who is due a §79a visit that year or has an open outreach item, with the keys the list is sorted by. The
 * worklist page picks its citizens here by index and reads their lines live, so a page costs the same at a
 * million citizens as at a hundred (issue 13: the whole list was computed for every page, about 2½ s).
 *
 * <p>How current it is: a citizen's row is made again in the transaction that changes their lines here or in
 * outreach (an item opened from a life event, closed, withdrawn; home care recorded), and every row of a year
 * after the evaluation of every rule has run (nightly) and when the §79a policy changes. What changes without
 * an event — a citizen who moves district, has a birthday or becomes due by age at New Year — is current after
 * the next nightly evaluation: the list's order may be a day old, its lines never are. A year that has never been
 * made (the first page of a new year) is made at its first request.
 */
@Component
class WorklistTable {

    private static final Logger log = LoggerFactory.getLogger(WorklistTable.class);

    private final JdbcClient jdbc;
    private final DueVisits due;
    private final Clock clock;
    private final String analyze;

    WorklistTable(JdbcClient jdbc, DueVisits due, javax.sql.DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.analyze = analyzeStatement(dataSource);
        this.due = due;
        this.clock = clock;
    }

    /** Whether the year's rows have been made (then the page reads them), and are not too old to be kept up. */
    boolean isMade(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM homevisit_worklist_refresh WHERE visit_year = :year")
                .param("year", year).query(Long.class).single() > 0;
    }

    /** The years whose rows are kept up: the year before this one, this one and the next, when made. */
    boolean isKeptUp(int year) {
        int thisYear = LocalDate.now(clock).getYear();
        return year >= thisYear - 1 && year <= thisYear + 1;
    }

    /**
     * Makes every row of the year anew, in a transaction of its own: readers see the old rows until it commits. Two
     * nodes making the same year at once wait for each other on the year's row in
     * {@code homevisit_worklist_refresh} (the first making of a year refuses the second with a duplicate key).
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public long make(int year) {
        long start = System.nanoTime();
        jdbc.sql("DELETE FROM homevisit_worklist_refresh WHERE visit_year = :year").param("year", year).update();
        jdbc.sql("DELETE FROM homevisit_worklist_citizen WHERE visit_year = :year").param("year", year).update();
        jdbc.sql("DELETE FROM homevisit_worklist_count WHERE visit_year = :year").param("year", year).update();
        long citizens = insertRows(year, null);
        jdbc.sql("""
                INSERT INTO homevisit_worklist_count (visit_year, district, citizens)
                SELECT visit_year, district, COUNT(*) FROM homevisit_worklist_citizen WHERE visit_year = :year
                 GROUP BY visit_year, district
                """).param("year", year).update();
        // Statistics for the rows just made, so the pages are planned for the table as it is (see the evaluation).
        jdbc.sql(analyze).update();
        jdbc.sql("""
                INSERT INTO homevisit_worklist_refresh (visit_year, refreshed_at, citizens)
                VALUES (:year, :at, :citizens)
                """).param("year", year).param("at", Timestamp.from(clock.instant())).param("citizens", citizens)
                .update();
        log.info("Worklist {}: {} citizens in {} ms", year, citizens, (System.nanoTime() - start) / 1_000_000);
        return citizens;
    }

    /**
     * Makes the rows of one citizen anew in every year kept, in the caller's transaction. Each year's row in
     * {@code homevisit_worklist_refresh} is locked first, so that this waits for a whole year being made at the
     * same moment (after the nightly evaluation, seconds) instead of colliding with its rows, and changes of two
     * citizens count one after the other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void make(CitizenId citizen) {
        for (int year : lockedYears()) {
            var before = district(year, citizen);
            jdbc.sql("DELETE FROM homevisit_worklist_citizen WHERE visit_year = :year AND citizen_id = :citizen")
                    .param("year", year).param("citizen", citizen.value()).update();
            insertRows(year, List.of(citizen.value()));
            var after = district(year, citizen);
            if (!before.equals(after)) {
                before.ifPresent(district -> counted(year, district, -1));
                after.ifPresent(district -> counted(year, district, 1));
            }
        }
    }

    private java.util.Optional<String> district(int year, CitizenId citizen) {
        return jdbc.sql("SELECT district FROM homevisit_worklist_citizen WHERE visit_year = :year AND citizen_id = :citizen")
                .param("year", year).param("citizen", citizen.value()).query(String.class).optional();
    }

    private void counted(int year, String district, int change) {
        int updated = jdbc.sql("""
                UPDATE homevisit_worklist_count SET citizens = citizens + :change
                 WHERE visit_year = :year AND district = :district
                """).param("change", change).param("year", year).param("district", district).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO homevisit_worklist_count (visit_year, district, citizens) VALUES (:year, :district, :n)")
                    .param("year", year).param("district", district).param("n", Math.max(0, change)).update();
        }
    }

    /**
     * Every kept year made anew, and the rows of years no longer kept removed: after the evaluation, and when the
     * policy changed.
     */
    @Transactional
    public void makeAll() {
        int thisYear = LocalDate.now(clock).getYear();
        jdbc.sql("DELETE FROM homevisit_worklist_citizen WHERE visit_year < :oldest").param("oldest", thisYear - 1)
                .update();
        jdbc.sql("DELETE FROM homevisit_worklist_refresh WHERE visit_year < :oldest").param("oldest", thisYear - 1)
                .update();
        jdbc.sql("DELETE FROM homevisit_worklist_count WHERE visit_year < :oldest").param("oldest", thisYear - 1)
                .update();
        var years = new java.util.TreeSet<>(madeYears());
        years.add(thisYear);
        years.forEach(this::make);
    }

    /** One page of the year's citizens (the table must be made) but those left out, in the order asked for. */
    List<UUID> page(int year, @Nullable String district, Worklist.Sort sort, long offset, int size,
            List<UUID> leftOut) {
        String order = switch (sort) {
            case DISTRICT -> "district, lname, citizen_id";
            case AGE -> "age DESC, lname, citizen_id";
            case REASON_DATE -> "reason_date DESC NULLS LAST, lname, citizen_id";
            case NAME -> "lname, citizen_id";
            case VISITOR -> throw new IllegalArgumentException("The visitor is not kept in the table");
        };
        Map<String, Object> params = new HashMap<>();
        params.put("year", year);
        params.put("offset", offset);
        params.put("size", size);
        return jdbc.sql("""
                SELECT citizen_id FROM homevisit_worklist_citizen
                 WHERE visit_year = :year%s
                 ORDER BY %s
                OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY
                """.formatted(where(district, leftOut, params), order))
                .params(params).query(UUID.class).list();
    }

    /** How many citizens the year's list has (in the district), but those left out. */
    long count(int year, @Nullable String district, List<UUID> leftOut) {
        Map<String, Object> params = new HashMap<>();
        params.put("year", year);
        long all = jdbc.sql("SELECT COALESCE(SUM(citizens), 0) FROM homevisit_worklist_count WHERE visit_year = :year"
                        + where(district, List.of(), params))
                .params(params).query(Long.class).single();
        if (leftOut.isEmpty()) {
            return all;
        }
        params.put("leftOut", leftOut);
        return all - jdbc.sql("SELECT COUNT(*) FROM homevisit_worklist_citizen WHERE visit_year = :year"
                        + where(district, List.of(), params) + " AND citizen_id IN (:leftOut)")
                .params(params).query(Long.class).single();
    }

    private static String where(@Nullable String district, List<UUID> leftOut, Map<String, Object> params) {
        var where = new StringBuilder();
        if (district != null) {
            params.put("district", district);
            where.append(" AND district = :district");
        }
        if (!leftOut.isEmpty()) {
            params.put("leftOut", leftOut);
            where.append(" AND citizen_id NOT IN (:leftOut)");
        }
        return where.toString();
    }

    private static String analyzeStatement(javax.sql.DataSource dataSource) {
        try {
            String product = org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(dataSource,
                    java.sql.DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equals(product) ? "ANALYZE homevisit_worklist_citizen" : "ANALYZE TABLE homevisit_worklist_citizen";
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            throw new IllegalStateException("Cannot tell which database holds the worklist", e);
        }
    }

    private List<Integer> madeYears() {
        return jdbc.sql("SELECT visit_year FROM homevisit_worklist_refresh ORDER BY visit_year").query(Integer.class)
                .list();
    }

    /**
     * The years kept, each year's row in {@code homevisit_worklist_refresh} locked until the caller's transaction
     * ends: a citizen's change waits for a whole year being made at the same moment.
     */
    private List<Integer> lockedYears() {
        return jdbc.sql("SELECT visit_year FROM homevisit_worklist_refresh ORDER BY visit_year FOR UPDATE")
                .query(Integer.class).list();
    }

    /** The year's rows of the citizens named (every citizen on the list when null); how many were made. */
    private int insertRows(int year, @Nullable List<UUID> citizens) {
        var query = new WorklistQuery(due.query(year), year, LocalDate.now(clock), null, Worklist.Holder.ALL, "",
                citizens);
        var params = new HashMap<>(query.params());
        params.put("visitYear", year);
        return jdbc.sql("""
                INSERT INTO homevisit_worklist_citizen (visit_year, citizen_id, district, lname, age, reason_date)
                SELECT :visitYear, g.citizen_id, g.district, g.lname, g.age, g.reason_date FROM (%s) g
                """.formatted(query.citizens())).params(params).update();
    }

    /** A new item from a life event: the citizen's rows in the same transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OutreachItemOpened opened) {
        make(opened.citizen());
    }

    /** A closed item: the citizen's rows in the same transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OutreachItemClosed closed) {
        make(closed.citizen());
    }

    /** A withdrawn item: the citizen's rows in the same transaction. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OutreachItemWithdrawn withdrawn) {
        make(withdrawn.citizen());
    }

    /** The evaluation ran: every kept year made anew, after it committed. */
    @ApplicationModuleListener
    void on(OutreachEvaluated evaluated) {
        makeAll();
    }

    /** A new §79a policy: every kept year made anew, after it committed. */
    @ApplicationModuleListener
    void on(VisitPolicyChanged changed) {
        makeAll();
    }

    /** A citizen's data expired (retention): nothing of them stays here. */
    @ApplicationModuleListener
    void on(CitizenExpired expired) {
        for (int year : lockedYears()) {
            district(year, expired.citizen()).ifPresent(district -> counted(year, district, -1));
        }
        jdbc.sql("DELETE FROM homevisit_worklist_citizen WHERE citizen_id = :citizen")
                .param("citizen", expired.citizen().value()).update();
    }
}
