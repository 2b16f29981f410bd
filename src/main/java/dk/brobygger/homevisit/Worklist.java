package dk.brobygger.homevisit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenWork;
import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskList;
import dk.brobygger.outreach.OutreachItemWithdrawn;
import dk.brobygger.outreach.OutreachItems;
import dk.brobygger.outreach.Outcome;
import dk.brobygger.outreach.RiskReason;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Arbejdslisten: due §79a visits and open outreach items by district and visitor, sortable and
 * assignable. Taking a line starts the need-to-know relation of the visitor's team to the citizen;
 * closing it with an outcome ends that relation. A taken line is a task on the visitor's list (see
 * {@link WorklistTasks}); the worklist keeps what only it knows in {@code homevisit_worklist_line}.
 */
@Service
public class Worklist {

    /** The kind of work (and task) a worklist line is; its id is the line's. */
    static final String LINE = "homevisit.worklist";

    /** How the list is sorted. */
    public enum Sort {
        DISTRICT, AGE, REASON_DATE, NAME, VISITOR
    }

    /** Which lines: everyone's, the user's own, or those nobody has taken. */
    public enum Holder {
        ALL, MINE, NOBODY
    }

    private final JdbcClient jdbc;
    private final DueVisits due;
    private final OutreachItems items;
    private final VisitOffers offers;
    private final TaskList tasks;
    private final HomeVisitAccess access;
    private final CitizenWork work;
    private final Users users;
    private final WorklistTable table;
    private final Clock clock;

    Worklist(JdbcClient jdbc, DueVisits due, OutreachItems items, VisitOffers offers, TaskList tasks, HomeVisitAccess access,
            CitizenWork work, Users users, WorklistTable table, Clock clock) {
        this.jdbc = jdbc;
        this.due = due;
        this.items = items;
        this.offers = offers;
        this.tasks = tasks;
        this.access = access;
        this.work = work;
        this.users = users;
        this.table = table;
        this.clock = clock;
    }

    /** One page of the worklist, one row per citizen, and how many citizens and pages there are in all. */
    public record Page(List<WorklistRow> rows, long total, int page, int pages) {

        /** Every line of the page, a citizen's reasons one after the other. */
        public List<WorklistEntry> entries() {
            return rows.stream().flatMap(row -> row.reasons().stream()).toList();
        }
    }

    /**
     * A page of the worklist for a year (a page past the end gives the last one): the home visitors' team
     * and managers only, and those who may see the outreach list, audited.
     */
    @Transactional
    public Page page(int year, @Nullable String district, Holder holder, Sort sort, int page, int size) {
        DueVisits.checkYear(year);
        var user = access.checkMayList("Så arbejdslisten for forebyggende hjemmebesøg " + year);
        items.checkMayList("Så opsporingslisten på arbejdslisten for forebyggende hjemmebesøg");
        Page found = fromTable(year, district, holder, sort) ? pageFromTable(year, district, holder, sort, page, size)
                : pageFromQuery(year, district, holder, sort, page, size, user.username());
        access.listed("Så arbejdslisten for forebyggende hjemmebesøg " + year
                + (district == null ? "" : ", distrikt " + district) + " (" + found.total() + " linjer)");
        return found;
    }

    /**
     * Everyone's lines in any order but the visitor's are paged from the worklist's table (see
     * {@link WorklistTable}) for the years it keeps, made at the first request of such a year; the rest (the
     * user's own lines, the lines nobody has taken, the order by visitor, other years) from the whole query.
     */
    private boolean fromTable(int year, @Nullable String district, Holder holder, Sort sort) {
        if (holder == Holder.MINE || sort == Sort.VISITOR || !table.isKeptUp(year)) {
            return false;
        }
        if (!table.isMade(year)) {
            try {
                table.make(year);
            } catch (DuplicateKeyException e) {
                // Another request (or node) made the year at the same moment, in its own transaction.
                return table.isMade(year);
            }
        }
        return true;
    }

    private Page pageFromTable(int year, @Nullable String district, Holder holder, Sort sort, int page, int size) {
        List<UUID> taken = holder == Holder.NOBODY ? everyLineTaken(year, district) : List.of();
        long total = table.count(year, district, taken);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        List<UUID> citizens = table.page(year, district, sort, (long) (current - 1) * size, size, taken);
        if (citizens.isEmpty()) {
            return new Page(List.of(), total, current, pages);
        }
        var query = new WorklistQuery(due.query(year), year, LocalDate.now(clock), district, holder, "", citizens);
        var entries = jdbc.sql(query.linesOfCitizens()).params(query.params()).query((rs, row) -> entry(rs)).list();
        var byCitizen = new java.util.LinkedHashMap<UUID, List<WorklistEntry>>();
        citizens.forEach(citizen -> byCitizen.put(citizen, new java.util.ArrayList<>()));
        entries.forEach(entry -> byCitizen.get(entry.citizen().value()).add(entry));
        // A citizen whose lines ended since the table was made (it is made again in the same transaction as the
        // change, so only by a change without an event) is left out of the page rather than shown empty.
        var rows = WorklistRow.byCitizen(byCitizen.values().stream().flatMap(List::stream).toList());
        return new Page(rows, total, current, pages);
    }

    /**
     * The citizens all of whose lines somebody has taken, whom the lines nobody has taken leave out: found among
     * the few citizens with a line taken this year or still open.
     */
    private List<UUID> everyLineTaken(int year, @Nullable String district) {
        List<UUID> withATakenLine = jdbc.sql("""
                SELECT DISTINCT l.citizen_id FROM homevisit_worklist_line l
                  JOIN followup_task_view k ON k.source_kind = :kind AND k.source_id = l.id
                 WHERE k.status = 'OPEN' OR l.visit_year = :year
                """).param("kind", LINE).param("year", year).query(UUID.class).list();
        if (withATakenLine.isEmpty()) {
            return List.of();
        }
        var query = new WorklistQuery(due.query(year), year, LocalDate.now(clock), district, Holder.ALL, "",
                withATakenLine);
        var lines = jdbc.sql(query.linesOfCitizens()).params(query.params()).query((rs, row) -> entry(rs)).list();
        var untaken = lines.stream().filter(line -> line.task() == null).map(line -> line.citizen().value())
                .collect(java.util.stream.Collectors.toSet());
        return lines.stream().map(line -> line.citizen().value()).filter(citizen -> !untaken.contains(citizen))
                .distinct().toList();
    }

    private Page pageFromQuery(int year, @Nullable String district, Holder holder, Sort sort, int page, int size,
            String username) {
        // The user's own lines are among the few citizens whose lines they were given: only those are read.
        List<UUID> mine = holder != Holder.MINE ? null : jdbc.sql("""
                SELECT DISTINCT l.citizen_id FROM homevisit_worklist_line l
                  JOIN followup_task_view k ON k.source_kind = :kind AND k.source_id = l.id
                 WHERE k.assignee = :user
                """).param("kind", LINE).param("user", username).query(UUID.class).list();
        if (mine != null && mine.isEmpty()) {
            return new Page(List.of(), 0, 1, 1);
        }
        var query = new WorklistQuery(due.query(year), year, LocalDate.now(clock), district, holder, username, mine);
        long[] total = {-1};
        var entries = lines(query, sort, page, size, total);
        if (total[0] < 0) {
            total[0] = jdbc.sql(query.count()).params(query.params()).query(Long.class).single();
        }
        int pages = (int) Math.max(1, (total[0] + size - 1) / size);
        int current = Math.min(Math.max(1, page), pages);
        if (entries.isEmpty() && current != page) {
            entries = lines(query, sort, current, size, total);
        }
        return new Page(entries, total[0], current, pages);
    }

    private List<WorklistRow> lines(WorklistQuery query, Sort sort, int page, int size, long[] total) {
        var params = new HashMap<>(query.params());
        params.put("offset", (long) (Math.max(1, page) - 1) * size);
        params.put("size", size);
        var entries = jdbc.sql(query.page(sort)).params(params).query((rs, row) -> {
            total[0] = rs.getLong("total");
            return entry(rs);
        }).list();
        return WorklistRow.byCitizen(entries);
    }

    private static WorklistEntry entry(ResultSet rs) throws SQLException {
        var kind = WorklistEntry.Kind.valueOf(rs.getString("kind"));
        String reason = rs.getString("reason");
        UUID taskId = rs.getObject("task_id", UUID.class);
        Date outcomeOn = rs.getDate("outcome_on");
        var task = taskId == null ? null : new WorklistEntry.Task(taskId, rs.getString("assigned_to"),
                rs.getString("taken_by"), rs.getString("outcome"), outcomeOn == null ? null : outcomeOn.toLocalDate());
        var citizen = new CitizenId(rs.getObject("citizen_id", UUID.class));
        if (kind == WorklistEntry.Kind.VISIT) {
            String[] rule = reason.split("_");
            return new WorklistEntry(kind, citizen, rs.getString("name"), rs.getString("address"),
                    rs.getString("district"), rs.getInt("age"), "homevisit.rule." + rule[0],
                    rule.length == 3 ? new Object[] {rule[1], rule[2]} : new Object[] {rule[1]}, null, null,
                    DueVisits.status(rs).messageKey(), task);
        }
        return new WorklistEntry(kind, citizen, rs.getString("name"), rs.getString("address"), rs.getString("district"),
                rs.getInt("age"), RiskReason.valueOf(reason).messageKey(), new Object[0],
                rs.getDate("reason_date").toLocalDate(), rs.getObject("item_id", UUID.class), null, task);
    }

    /** Members of the home visitors' team(s), whom lines may be assigned to. */
    public List<String> visitors() {
        return access.visitors();
    }

    /**
     * Takes a due visit (citizen and year) or an open outreach item for a visitor (the user if none is
     * named): the visitor's team is related to the citizen from now on, and the line is a task on the
     * visitor's list.
     */
    @Transactional
    public UUID take(WorklistEntry.Kind kind, CitizenId citizen, int year, @Nullable UUID item,
            @Nullable String assignee) {
        var user = access.checkMayList("Tog en borger fra arbejdslisten");
        String visitor = assignee == null || assignee.isBlank() ? user.username() : assignee.strip();
        String team = access.visitorTeam(visitor)
                .orElseThrow(() -> new DomainException("homevisit.worklist.notAVisitor", visitor));
        String rule = null;
        if (kind == WorklistEntry.Kind.VISIT) {
            rule = due.evaluate(year, citizen).orElseThrow(() -> new DomainException("homevisit.offer.notDue",
                    String.valueOf(year))).rule();
        } else {
            if (item == null) {
                throw new NotFoundException("outreach item");
            }
            if (!items.isOpen(item, citizen)) {
                throw new DomainException("homevisit.worklist.itemNotOpen");
            }
        }
        UUID id = UUID.randomUUID();
        long relation = work.startForTeam(citizen, team, line(id), kind == WorklistEntry.Kind.VISIT
                ? "Forebyggende hjemmebesøg " + year : "Opsporing").id();
        try {
            jdbc.sql("""
                    INSERT INTO homevisit_worklist_line (id, citizen_id, kind, visit_year, rule, outreach_item_id,
                                                         team, relation_id, taken_by, taken_at)
                    VALUES (:id, :citizen, :kind, :year, :rule, :item, :team, :relation, :by, :at)
                    """).param("id", id).param("citizen", citizen.value()).param("kind", kind.name())
                    .param("year", kind == WorklistEntry.Kind.VISIT ? year : null).param("rule", rule)
                    .param("item", item).param("team", team).param("relation", relation)
                    .param("by", user.username()).param("at", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException("homevisit.worklist.taken");
        }
        tasks.open(line(id), citizen, visitor, null);
        return id;
    }

    /** Gives an open line to another visitor in the same team(s). */
    @Transactional
    public void assign(UUID lineId, String assignee) {
        access.checkMayList("Fordelte en borger på arbejdslisten");
        var line = lineOf(jdbc, lineId);
        openTask(lineId);
        String team = access.visitorTeam(assignee.strip())
                .orElseThrow(() -> new DomainException("homevisit.worklist.notAVisitor", assignee));
        if (!team.equals(line.team())) {
            throw new DomainException("homevisit.worklist.otherTeam", assignee);
        }
        tasks.reassign(line(lineId), assignee.strip());
        access.changed(line.citizen(), "Gav borgeren på arbejdslisten til " + assignee.strip());
    }

    /**
     * Closes a line with an outcome on a day. For a due visit an outcome of offered, accepted or declined
     * is recorded as the year's offer (by the channel given); for an outreach item the item is closed.
     * The team's relation to the citizen ends (see {@link WorklistTasks}).
     */
    @Transactional
    public void close(UUID lineId, Outcome outcome, @Nullable LocalDate on, @Nullable OfferChannel channel) {
        access.checkMayList("Afsluttede en borger på arbejdslisten");
        var line = lineOf(jdbc, lineId);
        openTask(lineId);
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        if (day.isAfter(LocalDate.now(clock))) {
            throw new DomainException("homevisit.date.future");
        }
        var citizen = new CitizenId(line.citizen());
        if (line.year() != null && channel != null && outcome != Outcome.NOT_REACHED
                && outcome != Outcome.NOT_RELEVANT && offers.find(citizen, line.year()).isEmpty()) {
            offers.offer(citizen, line.year(), day, channel);
        }
        tasks.completeWork(line(lineId), new Task.Completion(day, outcome.name(), null, null),
                users.currentOrFail().username());
    }

    /** A withdrawn outreach item leaves the worklist, and the team's relation it started ends. */
    @ApplicationModuleListener
    void on(OutreachItemWithdrawn withdrawn) {
        jdbc.sql("""
                SELECT l.id FROM homevisit_worklist_line l
                  JOIN followup_task_view t ON t.source_kind = :kind AND t.source_id = l.id
                 WHERE l.outreach_item_id = :item AND t.status = 'OPEN'
                """).param("kind", LINE).param("item", withdrawn.item()).query(UUID.class).list()
                .forEach(id -> tasks.completeWork(line(id), new Task.Completion(LocalDate.now(clock),
                        Outcome.NOT_RELEVANT.name(), null, null), CitizenWork.SYSTEM));
    }

    private void openTask(UUID lineId) {
        var task = tasks.forWork(line(lineId)).orElseThrow(() -> new NotFoundException("task"));
        if (!task.isOpen()) {
            throw new DomainException("homevisit.worklist.closed");
        }
    }

    /** A line of the worklist as the work that opens its team's relation to the citizen. */
    static WorkRef line(UUID lineId) {
        return WorkRef.of(LINE, lineId);
    }

    /** What only the worklist knows about a line; the assignee, status and outcome are its task's. */
    record Line(UUID id, UUID citizen, @Nullable Integer year, @Nullable UUID item, String team) {
    }

    static Line lineOf(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT * FROM homevisit_worklist_line WHERE id = :id").param("id", id)
                .query((rs, n) -> {
                    int year = rs.getInt("visit_year");
                    Integer visitYear = rs.wasNull() ? null : year;
                    return new Line(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
                            visitYear, rs.getObject("outreach_item_id", UUID.class),
                            rs.getString("team"));
                }).optional().orElseThrow(() -> new NotFoundException("task"));
    }
}
