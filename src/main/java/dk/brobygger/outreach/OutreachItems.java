package dk.brobygger.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.Paging;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opsporingslisten: outreach items with their reasons, closed with an outcome or withdrawn. */
@Service
public class OutreachItems {

    static final int MAX_PAGE = 1000;

    /** A page of items and how many there are in all. */
    public record Page(List<Line> items, long total, int page, int size) {
    }

    /**
     * An item as the list shows it: the citizen's name, address, district and age beside why they are on
     * the list and how the item ended.
     *
     * @param reasonDate the event's date, or the day a standing factor was found
     */
    public record Line(UUID id, CitizenId citizen, String name, @Nullable String address,
            @Nullable String district, int age, RiskReason reason, OutreachItem.Rule rule,
            OutreachItem.@Nullable Event event, LocalDate reasonDate, OutreachItem.Status status,
            @Nullable Outcome outcome, @Nullable LocalDate outcomeOn, Instant createdAt) {
    }

    private static final String SELECT = """
            SELECT i.id, i.citizen_id, i.reason, i.reason_date, i.status, i.outcome, i.outcome_on, i.created_at,
                   c.name, c.address, c.district, c.birth_date,
                   r.id AS rule_id, r.min_age, r.max_age, r.living_alone, r.within_days,
                   e.id AS event_id, e.type AS event_type, e.occurred_on, e.source, e.arrived_via
              FROM outreach_item i
              JOIN citizen_register_view c ON c.id = i.citizen_id
              JOIN outreach_rule r ON r.id = i.rule_id
              LEFT JOIN life_event e ON e.id = i.life_event_id
            """;

    private final JdbcClient jdbc;
    private final OutreachItemRepository repository;
    private final OutreachAccess access;
    private final CitizenRecords records;
    private final Users users;
    private final Clock clock;

    OutreachItems(JdbcClient jdbc, OutreachItemRepository repository, OutreachAccess access, CitizenRecords records,
            Users users, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.access = access;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The items in a district (or all) with a status (or all), newest reason first. Only the outreach
     * teams and managers may see it; each listing is audited.
     */
    @Transactional
    public Page list(@Nullable String district, OutreachItem.@Nullable Status status, int page, int size) {
        String purpose = "Så opsporingslisten" + (district == null ? "" : ", distrikt " + district)
                + (status == null ? "" : ", " + status.name().toLowerCase(Locale.ROOT));
        access.checkMayList(purpose);
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE));
        int pageNumber = Math.max(1, page);
        var params = new HashMap<String, Object>();
        var where = new StringBuilder(" WHERE 1 = 1");
        if (district != null) {
            where.append(" AND c.district = :district");
            params.put("district", district);
        }
        if (status != null) {
            where.append(" AND i.status = :status");
            params.put("status", status.name());
        }
        // Every item has its citizen (a foreign key), so the count needs the citizen only for the district.
        long total = jdbc.sql("SELECT COUNT(*) FROM outreach_item i"
                + (district == null ? "" : " JOIN citizen_register_view c ON c.id = i.citizen_id") + where)
                .params(params).query(Long.class).single();
        params.put("offset", Paging.offset(pageNumber, pageSize));
        params.put("size", pageSize);
        var items = jdbc.sql(SELECT + where + " ORDER BY i.reason_date DESC, i.id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
                .params(params).query(this::item).list();
        access.listed(purpose + " (" + items.size() + " af " + total + ")");
        return new Page(items, total, pageNumber, pageSize);
    }

    /**
     * For a list in another module that shows open items beside its own lines (the home visitor's
     * worklist): may the user see the outreach list? A refusal is audited; that list audits its listing.
     */
    public void checkMayList(String purpose) {
        access.checkMayList(purpose);
    }

    /** One item, for someone who works with the citizen. */
    @Transactional
    public Line get(UUID id) {
        var item = line(id);
        records.read(item.citizen(), "Så et opsporingsemne");
        return item;
    }

    /** Ends an open item with an outcome on a day (not in the future); needs need-to-know to the citizen. */
    @Transactional
    public Line close(UUID id, Outcome outcome, @Nullable LocalDate on) {
        return close(new OutreachItemId(id), outcome, on);
    }

    /** Ends an open item with an outcome on a day (not in the future); needs need-to-know to the citizen. */
    @Transactional
    public Line close(OutreachItemId id, Outcome outcome, @Nullable LocalDate on) {
        var item = repository.findById(id.value()).orElseThrow(() -> new NotFoundException("outreach item"));
        records.checkMayChange(item.citizen(), "Afsluttede et opsporingsemne");
        LocalDate today = LocalDate.now(clock);
        item.close(outcome, on == null ? today : on, today, users.currentOrFail().username(), clock.instant());
        records.change(item.citizen(), AuditAction.UPDATE, "Afsluttede et opsporingsemne: " + outcome.name());
        repository.save(item);
        return line(id.value());
    }

    /**
     * The items a cancelled hospital event caused are withdrawn (each announces it), and so are its life
     * events. The system does it, so there is no user to check.
     */
    @Transactional
    void withdrawHospitalEvent(UUID hospitalEvent) {
        var now = clock.instant();
        for (var item : repository.findOpenByHospitalEvent(hospitalEvent)) {
            item.withdraw(now);
            repository.save(item);
        }
        jdbc.sql("UPDATE life_event SET withdrawn_at = :now WHERE hospital_event_id = :event AND withdrawn_at IS NULL")
                .param("now", Timestamp.from(now)).param("event", hospitalEvent).update();
    }

    /** Is the item open and about this citizen? Tells nothing else, so it needs no access check. */
    public boolean isOpen(UUID id, CitizenId citizen) {
        return isOpen(new OutreachItemId(id), citizen);
    }

    /** Is the item open and about this citizen? Tells nothing else, so it needs no access check. */
    public boolean isOpen(OutreachItemId id, CitizenId citizen) {
        return jdbc.sql("SELECT COUNT(*) FROM outreach_item WHERE id = :id AND citizen_id = :citizen AND status = 'OPEN'")
                .param("id", id.value()).param("citizen", citizen.value()).query(Long.class).single() > 0;
    }

    Line line(UUID id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query(this::item).optional()
                .orElseThrow(() -> new NotFoundException("outreach item"));
    }

    private Line item(ResultSet rs, int row) throws SQLException {
        LocalDate born = rs.getDate("birth_date").toLocalDate();
        UUID event = rs.getObject("event_id", UUID.class);
        String outcome = rs.getString("outcome");
        var outcomeOn = rs.getDate("outcome_on");
        var rule = new OutreachItem.Rule(rs.getLong("rule_id"), integer(rs, "min_age"), integer(rs, "max_age"),
                rs.getBoolean("living_alone"), rs.getInt("within_days"));
        return new Line(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                rs.getString("name"), rs.getString("address"), rs.getString("district"),
                java.time.Period.between(born, LocalDate.now(clock)).getYears(),
                RiskReason.valueOf(rs.getString("reason")), rule,
                event == null ? null : new OutreachItem.Event(event, RiskReason.valueOf(rs.getString("event_type")),
                        rs.getDate("occurred_on").toLocalDate(), rs.getString("source"),
                        LifeEvent.ArrivedVia.valueOf(rs.getString("arrived_via"))),
                rs.getDate("reason_date").toLocalDate(), OutreachItem.Status.valueOf(rs.getString("status")),
                outcome == null ? null : Outcome.valueOf(outcome), outcomeOn == null ? null : outcomeOn.toLocalDate(),
                rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
