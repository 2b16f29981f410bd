package dk.brobygger.homevisit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The worklist as one query: the due visits (from {@link DueQuery}) and the open outreach items, each with
 * the line taken on it (and that line's task), filtered by holder, sorted and paged in the database. A page costs one pass over
 * the citizens of visiting age however long the list is, and the application holds one page, not the list.
 *
 * <p>Reads the outreach module's items table directly, as the due list's risk rule does: a list sorted
 * across both kinds of line cannot be merged from two modules' pages. {@link Worklist} checks that the user
 * may see both lists first.
 */
final class WorklistQuery {

    /**
     * The lines taken: what the worklist knows about them, with their tasks' assignee, status and outcome
     * read through followup's published view.
     */
    private static final String TAKEN = """
            SELECT l.id, l.citizen_id, l.kind, l.visit_year, l.outreach_item_id, l.taken_by,
                   k.assignee AS assigned_to, k.status, k.outcome, k.done_on AS outcome_on
              FROM homevisit_worklist_line l
              JOIN followup_task_view k ON k.source_kind = 'homevisit.worklist' AND k.source_id = l.id
            """;

    private final DueQuery due;
    private final String lines;

    WorklistQuery(DueQuery due, int year, LocalDate today, @Nullable String district, Worklist.Holder holder,
            String user) {
        this(due, year, today, district, holder, user, null);
    }

    /** The lines of the citizens named only (when {@code citizens} is not null): a page's, or one citizen's. */
    WorklistQuery(DueQuery due, int year, LocalDate today, @Nullable String district, Worklist.Holder holder,
            String user, @Nullable Collection<UUID> citizens) {
        this.due = due;
        var params = due.params();
        params.put("thisYear", today.getYear());
        params.put("monthDay", today.getMonthValue() * 100 + today.getDayOfMonth());
        params.put("user", user);
        String held = switch (holder) {
            case ALL -> "";
            case MINE -> " AND t.assigned_to = :user";
            case NOBODY -> " AND t.id IS NULL";
        };
        // A visit's age is the age reached in the year (the §79a rules), an outreach item's the age today.
        lines = """
                SELECT 'VISIT' AS kind, d.id AS citizen_id, d.name, d.address, d.district, d.birth_date,
                       CAST(:year - EXTRACT(YEAR FROM d.birth_date) AS INTEGER) AS age, d.rule AS reason,
                       CAST(NULL AS DATE) AS reason_date, CAST(NULL AS UUID) AS item_id,
                       o.id AS offer_id, o.answer, o.held_on,
                       t.id AS task_id, t.assigned_to, t.taken_by, t.outcome, t.outcome_on
                  FROM (%s) d
                  LEFT JOIN homevisit_offer o ON o.citizen_id = d.id AND o.visit_year = :year
                  LEFT JOIN (%s) t ON t.citizen_id = d.id AND t.kind = 'VISIT' AND t.visit_year = :year
                 WHERE 1 = 1%s
                UNION ALL
                SELECT 'OUTREACH', i.citizen_id, c.name, c.address, c.district, c.birth_date,
                       CAST(:thisYear - EXTRACT(YEAR FROM c.birth_date)
                            - CASE WHEN EXTRACT(MONTH FROM c.birth_date) * 100 + EXTRACT(DAY FROM c.birth_date) > :monthDay
                                   THEN 1 ELSE 0 END AS INTEGER),
                       i.reason, i.reason_date, i.id,
                       CAST(NULL AS UUID), CAST(NULL AS VARCHAR(20)), CAST(NULL AS DATE),
                       t.id, t.assigned_to, t.taken_by, t.outcome, t.outcome_on
                  FROM outreach_item_view i
                  JOIN citizen_register_view c ON c.id = i.citizen_id
                  LEFT JOIN (%s) t ON t.outreach_item_id = i.id AND t.status = 'OPEN'
                 WHERE i.status = 'OPEN'%s%s%s
                """.formatted(due.due(district, citizens), TAKEN, held, TAKEN,
                district == null ? "" : " AND c.district = :district",
                citizens == null ? "" : " AND i.citizen_id IN (:citizens)", held);
    }

    /**
     * The citizens from {@code :offset}, {@code :size} of them, each with all their lines (a citizen due a §79a
     * visit and at risk is one row with both reasons, however the lines are stored), and the number of citizens
     * in all. The citizens are sorted and paged in the database on what their lines have in common: the district,
     * the highest age, the newest reason date, the name, the first visitor.
     */
    String page(Worklist.Sort sort) {
        String order = switch (sort) {
            case DISTRICT -> "g.district, g.lname";
            case AGE -> "g.age DESC, g.lname";
            case REASON_DATE -> "g.reason_date DESC NULLS LAST, g.lname";
            case NAME -> "g.lname";
            case VISITOR -> "g.assigned_to NULLS FIRST, g.lname";
        };
        return """
                WITH w AS (%s),
                g AS (SELECT citizen_id, MIN(COALESCE(district, '')) AS district, MAX(age) AS age,
                             MAX(reason_date) AS reason_date, MIN(LOWER(name)) AS lname, MIN(assigned_to) AS assigned_to
                        FROM w GROUP BY citizen_id),
                p AS (SELECT g.citizen_id, COUNT(*) OVER () AS total,
                             ROW_NUMBER() OVER (ORDER BY %s, g.citizen_id) AS rn
                        FROM g
                       ORDER BY rn
                      OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY)
                SELECT w.*, p.total, p.rn
                  FROM p JOIN w ON w.citizen_id = p.citizen_id
                 ORDER BY p.rn, w.kind DESC, w.reason_date DESC NULLS LAST, w.item_id
                """.formatted(lines, order);
    }

    /**
     * The worklist's citizens with the keys the list is sorted by (see {@link #page}), one row each: what
     * {@link WorklistTable} keeps.
     */
    String citizens() {
        return """
                SELECT citizen_id, MIN(COALESCE(district, '')) AS district, MAX(age) AS age,
                       MAX(reason_date) AS reason_date, MIN(LOWER(name)) AS lname
                  FROM (%s) w GROUP BY citizen_id
                """.formatted(lines);
    }

    /**
     * The lines of the citizens named (the constructor's {@code citizens}), each citizen's lines in the order
     * the page shows them; the citizens in any order.
     */
    String linesOfCitizens() {
        return "SELECT w.* FROM (" + lines + ") w ORDER BY w.citizen_id, w.kind DESC, w.reason_date DESC NULLS LAST, w.item_id";
    }

    /** How many citizens there are: for a page past the end, which has no row to carry the number. */
    String count() {
        return "SELECT COUNT(DISTINCT w.citizen_id) FROM (" + lines + ") w";
    }

    Map<String, Object> params() {
        return due.params();
    }
}
