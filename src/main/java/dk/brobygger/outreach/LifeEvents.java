package dk.brobygger.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Livsbegivenheder: recorded by staff (page or API) under need-to-know, imported from register
 * extracts, or derived from hospital notifications. A new event is checked against the rules at once,
 * so it reaches the worklist without waiting for the nightly evaluation.
 */
@Service
class LifeEvents {

    static final int MAX_SOURCE = 100;

    /** An event as staff or a file gives it; checked by {@link #check}. */
    public record NewLifeEvent(@Nullable String type, @Nullable LocalDate occurredOn, @Nullable String source) {
    }

    /** The event as saved, and the outreach item it caused, if any. */
    public record Recorded(LifeEvent event, @Nullable UUID item) {
    }

    private final JdbcClient jdbc;
    private final CitizenRecords records;
    private final OutreachEvaluation evaluation;
    private final Users users;
    private final Clock clock;

    LifeEvents(JdbcClient jdbc, CitizenRecords records, OutreachEvaluation evaluation, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.evaluation = evaluation;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Records an event for a citizen the user works with. An unknown type, a missing or future date, a
     * missing source are refused in Danish; the same event twice is a {@link DuplicateLifeEventException}.
     */
    @Transactional
    public Recorded record(CitizenId citizen, NewLifeEvent event, LifeEvent.ArrivedVia via) {
        records.checkMayChange(citizen, "Registrerede en livsbegivenhed");
        var checked = check(event);
        if (exists(citizen.value(), checked.type(), checked.occurredOn())) {
            throw new DuplicateLifeEventException();
        }
        UUID id = insert(citizen.value(), checked, via, null, users.currentOrFail().username());
        records.change(citizen, AuditAction.CREATE, "Registrerede livsbegivenheden " + checked.type().name());
        return recorded(id, checked.type());
    }

    /** Need-to-know first, so that a refusal reveals nothing about the input (the API checks before parsing). */
    @Transactional
    public void checkMayRecord(CitizenId citizen) {
        records.checkMayChange(citizen, "Registrerede en livsbegivenhed");
    }

    /** The events recorded for the citizen, newest first. */
    @Transactional
    public List<LifeEvent> of(CitizenId citizen) {
        records.read(citizen, "Så borgerens livsbegivenheder");
        return jdbc.sql("SELECT * FROM life_event WHERE citizen_id = :citizen ORDER BY occurred_on DESC, recorded_at DESC")
                .param("citizen", citizen.value()).query(LifeEvents::event).list();
    }

    /** A checked event: a known type, a date not in the future, a source. */
    record Checked(RiskReason type, LocalDate occurredOn, String source) {
    }

    Checked check(NewLifeEvent event) {
        if (event.type() == null || event.type().isBlank()) {
            throw new DomainException("outreach.event.typeMissing", types());
        }
        var type = RiskReason.lifeEvent(event.type())
                .orElseThrow(() -> new DomainException("outreach.event.typeUnknown", event.type().strip(), types()));
        if (event.occurredOn() == null) {
            throw new DomainException("outreach.event.dateMissing");
        }
        if (event.occurredOn().isAfter(LocalDate.now(clock))) {
            throw new DomainException("outreach.event.dateFuture");
        }
        if (event.source() == null || event.source().isBlank()) {
            throw new DomainException("outreach.event.sourceMissing");
        }
        if (event.source().strip().length() > MAX_SOURCE) {
            throw new DomainException("outreach.event.sourceTooLong", MAX_SOURCE);
        }
        return new Checked(type, event.occurredOn(), event.source().strip());
    }

    /** The codes a file or the API may use, for the error message. */
    static String types() {
        return String.join(", ", Arrays.stream(RiskReason.values()).filter(r -> r.kind() == RiskReason.Kind.EVENT)
                .map(RiskReason::danishCode).toList());
    }

    /** Is the same event (citizen, type, date) already recorded and not withdrawn? */
    boolean exists(UUID citizen, RiskReason type, LocalDate occurredOn) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM life_event
                 WHERE citizen_id = :citizen AND type = :type AND occurred_on = :day AND withdrawn_at IS NULL
                """).param("citizen", citizen).param("type", type.name()).param("day", occurredOn)
                .query(Long.class).single() > 0;
    }

    UUID insert(UUID citizen, Checked event, LifeEvent.ArrivedVia via, @Nullable UUID hospitalEvent, String by) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO life_event (id, citizen_id, type, occurred_on, source, arrived_via, hospital_event_id,
                                        recorded_by, recorded_at)
                VALUES (:id, :citizen, :type, :day, :source, :via, :hospital, :by, :at)
                """).param("id", id).param("citizen", citizen).param("type", event.type().name())
                .param("day", event.occurredOn()).param("source", event.source()).param("via", via.name())
                .param("hospital", hospitalEvent).param("by", by).param("at", Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    /** Evaluates the new event against its rule and returns it with the item it caused. */
    Recorded recorded(UUID id, RiskReason type) {
        evaluation.evaluateEvent(id, type);
        var event = jdbc.sql("SELECT * FROM life_event WHERE id = :id").param("id", id).query(LifeEvents::event).single();
        Optional<UUID> item = jdbc.sql("SELECT id FROM outreach_item WHERE life_event_id = :id").param("id", id)
                .query(UUID.class).optional();
        return new Recorded(event, item.orElse(null));
    }

    static LifeEvent event(ResultSet rs, int row) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new LifeEvent(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                RiskReason.valueOf(rs.getString("type")), rs.getDate("occurred_on").toLocalDate(),
                rs.getString("source"), LifeEvent.ArrivedVia.valueOf(rs.getString("arrived_via")),
                rs.getObject("hospital_event_id", UUID.class), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), withdrawn == null ? null : withdrawn.toInstant());
    }

    /** The same event (citizen, type, date) is already recorded. */
    public static class DuplicateLifeEventException extends RuntimeException {
        DuplicateLifeEventException() {
            super("outreach.event.duplicate");
        }
    }
}
