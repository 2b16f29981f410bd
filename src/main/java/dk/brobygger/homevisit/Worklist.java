package dk.brobygger.homevisit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.access.NeedToKnow;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.outreach.OutreachItem;
import dk.brobygger.outreach.OutreachItemWithdrawn;
import dk.brobygger.outreach.OutreachItems;
import dk.brobygger.outreach.Outcome;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

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
    private final CitizenRegister register;
    private final NeedToKnow needToKnow;
    private final Users users;
    private final Clock clock;

    Worklist(JdbcClient jdbc, DueVisits due, OutreachItems items, VisitOffers offers, HomeVisitAccess access,
            CitizenRegister register, NeedToKnow needToKnow, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.due = due;
        this.items = items;
        this.offers = offers;
        this.access = access;
        this.register = register;
        this.needToKnow = needToKnow;
        this.users = users;
        this.clock = clock;
    }

    /** The worklist for a year: the home visitors' team and managers only, audited. */
    @Transactional
    public List<WorklistEntry> entries(int year, @Nullable String district, Holder holder, Sort sort) {
        DueVisits.checkYear(year);
        var user = access.checkMayList("Så arbejdslisten for forebyggende hjemmebesøg " + year);
        Map<String, WorklistEntry.Task> tasks = tasks(year);
        var entries = new ArrayList<WorklistEntry>();
        for (DueVisit visit : due.evaluate(year, district)) {
            String[] rule = visit.rule().split("_");
            entries.add(new WorklistEntry(WorklistEntry.Kind.VISIT, visit.citizen(), visit.name(), visit.address(),
                    visit.district(), visit.age(), "homevisit.rule." + rule[0],
                    rule.length == 3 ? new Object[] {rule[1], rule[2]} : new Object[] {rule[1]}, null, null,
                    visit.offerStatus().messageKey(), tasks.get("v-" + visit.citizen().value())));
        }
        for (OutreachItem item : items.list(district, OutreachItem.Status.OPEN, 1, OutreachItemsPageSize.MAX).items()) {
            entries.add(new WorklistEntry(WorklistEntry.Kind.OUTREACH, item.citizen(), item.name(), item.address(),
                    item.district(), item.age(), item.reason().messageKey(), new Object[0], item.reasonDate(),
                    item.id(), null, tasks.get("o-" + item.id())));
        }
        var shown = entries.stream().filter(entry -> switch (holder) {
            case ALL -> true;
            case MINE -> user.username().equals(entry.assignedTo());
            case NOBODY -> entry.task() == null;
        }).sorted(order(sort)).toList();
        access.listed("Så arbejdslisten for forebyggende hjemmebesøg " + year
                + (district == null ? "" : ", distrikt " + district) + " (" + shown.size() + " linjer)");
        return shown;
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
        long relation = register.startTeamWork(citizen, team, kind == WorklistEntry.Kind.VISIT
                ? "Forebyggende hjemmebesøg " + year : "Opsporing");
        UUID id = UUID.randomUUID();
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
        if (task.relation != null) {
            register.endTeamWork(citizen, task.relation, "Arbejdslisten: " + outcome.name());
        }
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
            if (task.relation != null) {
                needToKnow.endRelation(task.relation, "system");
            }
        });
    }

    private Map<String, WorklistEntry.Task> tasks(int year) {
        var tasks = new HashMap<String, WorklistEntry.Task>();
        jdbc.sql("""
                SELECT * FROM worklist_task WHERE (kind = 'VISIT' AND visit_year = :year)
                    OR (kind = 'OUTREACH' AND closed_at IS NULL)
                """).param("year", year).query(Worklist::row).list().forEach(row -> tasks.put(
                row.item == null ? "v-" + row.citizen : "o-" + row.item,
                new WorklistEntry.Task(row.id, row.assignedTo, row.takenBy, row.outcome, row.outcomeOn)));
        return tasks;
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

    private static Comparator<WorklistEntry> order(Sort sort) {
        Comparator<WorklistEntry> byName = Comparator.comparing(WorklistEntry::name, String.CASE_INSENSITIVE_ORDER);
        Comparator<WorklistEntry> byDistrict = Comparator.comparing(entry -> entry.district() == null ? "" : entry.district());
        return switch (sort) {
            case DISTRICT -> byDistrict.thenComparing(byName);
            case AGE -> Comparator.comparingInt(WorklistEntry::age).reversed().thenComparing(byName);
            case REASON_DATE -> Comparator.comparing(WorklistEntry::reasonDate,
                    Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(byName);
            case NAME -> byName;
            case VISITOR -> Comparator.comparing(WorklistEntry::assignedTo, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(byName);
        };
    }

    /** The outreach list's page limit, used to fetch all open items at once. */
    private static final class OutreachItemsPageSize {
        static final int MAX = 1000;
    }
}
