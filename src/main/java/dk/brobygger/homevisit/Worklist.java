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
 * closing it with an outcome ends that relation.
 */
@Service
public class Worklist {

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
    private final HomeVisitAccess access;
    private final CitizenWork work;
    private final Users users;
    private final Clock clock;

    Worklist(JdbcClient jdbc, DueVisits due, OutreachItems items, VisitOffers offers, HomeVisitAccess access,
            CitizenWork work, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.due = due;
        this.items = items;
        this.offers = offers;
        this.access = access;
        this.work = work;
        this.users = users;
        this.clock = clock;
    }

    /** One page of the worklist, and how many lines and pages there are in all. */
    public record Page(List<WorklistEntry> entries, long total, int page, int pages) {
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
        var query = new WorklistQuery(due.query(year), year, LocalDate.now(clock), district, holder, user.username());
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
        access.listed("Så arbejdslisten for forebyggende hjemmebesøg " + year
                + (district == null ? "" : ", distrikt " + district) + " (" + total[0] + " linjer)");
        return new Page(entries, total[0], current, pages);
    }

    private List<WorklistEntry> lines(WorklistQuery query, Sort sort, int page, int size, long[] total) {
        var params = new HashMap<>(query.params());
        params.put("offset", (long) (Math.max(1, page) - 1) * size);
        params.put("size", size);
        return jdbc.sql(query.page(sort)).params(params).query((rs, row) -> {
            total[0] = rs.getLong("total");
            return entry(rs);
        }).list();
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
     * named): the visitor's team is related to the citizen from now on.
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
                    INSERT INTO worklist_task (id, citizen_id, kind, visit_year, rule, outreach_item_id, team,
                                               assigned_to, relation_id, taken_by, taken_at)
                    VALUES (:id, :citizen, :kind, :year, :rule, :item, :team, :visitor, :relation, :by, :at)
                    """).param("id", id).param("citizen", citizen.value()).param("kind", kind.name())
                    .param("year", kind == WorklistEntry.Kind.VISIT ? year : null).param("rule", rule)
                    .param("item", item).param("team", team).param("visitor", visitor).param("relation", relation)
                    .param("by", user.username()).param("at", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new DomainException("homevisit.worklist.taken");
        }
        return id;
    }

    /** Gives an open line to another visitor in the same team(s). */
    @Transactional
    public void assign(UUID taskId, String assignee) {
        access.checkMayList("Fordelte en borger på arbejdslisten");
        var task = task(taskId);
        if (task.outcome != null) {
            throw new DomainException("homevisit.worklist.closed");
        }
        String team = access.visitorTeam(assignee.strip())
                .orElseThrow(() -> new DomainException("homevisit.worklist.notAVisitor", assignee));
        if (!team.equals(task.team)) {
            throw new DomainException("homevisit.worklist.otherTeam", assignee);
        }
        jdbc.sql("UPDATE worklist_task SET assigned_to = :visitor WHERE id = :id").param("visitor", assignee.strip())
                .param("id", taskId).update();
        access.changed(task.citizen, "Gav borgeren på arbejdslisten til " + assignee.strip());
    }

    /**
     * Closes a line with an outcome on a day. For a due visit an outcome of offered, accepted or declined
     * is recorded as the year's offer (by the channel given); for an outreach item the item is closed.
     * The team's relation to the citizen ends.
     */
    @Transactional
    public void close(UUID taskId, Outcome outcome, @Nullable LocalDate on, @Nullable OfferChannel channel) {
        access.checkMayList("Afsluttede en borger på arbejdslisten");
        var task = task(taskId);
        if (task.outcome != null) {
            throw new DomainException("homevisit.worklist.closed");
        }
        LocalDate day = on == null ? LocalDate.now(clock) : on;
        if (day.isAfter(LocalDate.now(clock))) {
            throw new DomainException("homevisit.date.future");
        }
        var citizen = new CitizenId(task.citizen);
        if (task.item != null) {
            items.close(task.item, outcome, day);
        } else if (task.year != null && outcome != Outcome.NOT_REACHED && outcome != Outcome.NOT_RELEVANT) {
            var offer = offers.find(citizen, task.year).orElse(null);
            if (offer == null) {
                offer = offers.offer(citizen, task.year, day, channel == null ? OfferChannel.PHONE : channel);
            }
            if (outcome == Outcome.ACCEPTED || outcome == Outcome.DECLINED) {
                offers.answer(offer.id(), outcome == Outcome.ACCEPTED ? VisitOffer.Answer.ACCEPTED
                        : VisitOffer.Answer.DECLINED, day);
            }
        }
        jdbc.sql("""
                UPDATE worklist_task SET outcome = :outcome, outcome_on = :day, closed_by = :by, closed_at = :at
                 WHERE id = :id
                """).param("outcome", outcome.name()).param("day", day).param("by", users.currentOrFail().username())
                .param("at", Timestamp.from(clock.instant())).param("id", taskId).update();
        work.end(line(taskId), "Arbejdslisten: " + outcome.name());
    }

    /** A withdrawn outreach item leaves the worklist, and the team's relation it started ends. */
    @ApplicationModuleListener
    void on(OutreachItemWithdrawn withdrawn) {
        jdbc.sql("""
                SELECT * FROM worklist_task WHERE outreach_item_id = :item AND closed_at IS NULL
                """).param("item", withdrawn.item()).query(Worklist::row).list().forEach(task -> {
            jdbc.sql("""
                    UPDATE worklist_task SET outcome = 'NOT_RELEVANT', outcome_on = :day, closed_by = 'system',
                           closed_at = :at WHERE id = :id
                    """).param("day", LocalDate.now(clock)).param("at", Timestamp.from(clock.instant()))
                    .param("id", task.id).update();
            work.end(line(task.id), "Opsporingsemnet blev trukket tilbage");
        });
    }

    /** A line of the worklist as the work that opens its team's relation to the citizen. */
    static WorkRef line(UUID taskId) {
        return WorkRef.of("homevisit.worklist", taskId);
    }

    private TaskRow task(UUID id) {
        return jdbc.sql("SELECT * FROM worklist_task WHERE id = :id").param("id", id).query(Worklist::row).optional()
                .orElseThrow(() -> new NotFoundException("task"));
    }

    private record TaskRow(UUID id, UUID citizen, @Nullable Integer year, @Nullable UUID item, String team,
            String assignedTo, String takenBy, @Nullable Long relation, @Nullable String outcome,
            @Nullable LocalDate outcomeOn) {
    }

    private static TaskRow row(ResultSet rs, int n) throws SQLException {
        int year = rs.getInt("visit_year");
        Integer visitYear = rs.wasNull() ? null : year;
        long relation = rs.getLong("relation_id");
        Long relationId = rs.wasNull() ? null : relation;
        Date outcomeOn = rs.getDate("outcome_on");
        return new TaskRow(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class), visitYear,
                rs.getObject("outreach_item_id", UUID.class), rs.getString("team"), rs.getString("assigned_to"),
                rs.getString("taken_by"), relationId, rs.getString("outcome"),
                outcomeOn == null ? null : outcomeOn.toLocalDate());
    }
}
