package dk.brobygger.homevisit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans and documents preventive home visits. Every read and change passes the need-to-know policy
 * for the visit's citizen and is audited ({@link CitizenRecords}); two people saving the same visit
 * never overwrite each other ({@link StaleVisitException}).
 */
@Service
public class Visits {

    /** A visit as it is planned. */
    public record Plan(@Nullable LocalDateTime start, int durationMinutes, @Nullable VisitPlace place) {
    }

    /** What the visitor writes down after the visit. */
    public record Documentation(@Nullable LocalDate heldOn, Set<VisitTheme> themes,
            Set<ConversationElement> conversation, boolean cardHandedOut, @Nullable String notes,
            @Nullable LocalDate followUpOn) {
    }

    /** Someone saved the visit in between; nothing was overwritten. */
    public static class StaleVisitException extends RuntimeException {
        private final transient Visit current;

        StaleVisitException(Visit current) {
            super("visit.stale");
            this.current = current;
        }

        public Visit current() {
            return current;
        }
    }

    static final int MAX_NOTES = 4000;
    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private final JdbcClient jdbc;
    private final CitizenRecords records;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Visits(JdbcClient jdbc, CitizenRecords records, Users users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Visit plan(CitizenId citizen, Plan plan) {
        records.change(citizen, AuditAction.CREATE, "Planlagde et forebyggende hjemmebesøg");
        LocalDateTime start = plan.start();
        if (start == null) {
            throw new DomainException("visit.start.missing");
        }
        LocalDate today = LocalDate.now(clock.withZone(DANISH_TIME));
        if (start.toLocalDate().isBefore(today.minusYears(1)) || start.toLocalDate().isAfter(today.plusYears(2))) {
            throw new DomainException("visit.start.outOfRange");
        }
        if (plan.durationMinutes() < 10 || plan.durationMinutes() > 480) {
            throw new DomainException("visit.duration.outOfRange");
        }
        if (plan.place() == null) {
            throw new DomainException("visit.place.missing");
        }
        UUID id = UUID.randomUUID();
        String by = users.currentOrFail().username();
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO visit (id, citizen_id, visitor, planned_start, duration_minutes, place, status, version,
                                   created_by, created_at, updated_by, updated_at)
                VALUES (:id, :citizen, :visitor, :start, :duration, :place, 'PLANNED', 0, :by, :now, :by, :now)
                """).param("id", id).param("citizen", citizen.value()).param("visitor", by)
                .param("start", Timestamp.valueOf(start)).param("duration", plan.durationMinutes())
                .param("place", plan.place().name()).param("by", by).param("now", now).update();
        return load(id);
    }

    @Transactional
    public Visit get(UUID id) {
        var visit = load(id);
        records.read(visit.citizen(), "Åbnede et forebyggende hjemmebesøg");
        return visit;
    }

    /** The citizen's visits, newest first. */
    @Transactional
    public List<Visit> of(CitizenId citizen) {
        records.read(citizen, "Så borgerens forebyggende hjemmebesøg");
        return jdbc.sql("SELECT * FROM visit WHERE citizen_id = :citizen ORDER BY planned_start DESC")
                .param("citizen", citizen.value()).query(Visits::visit).list();
    }

    /**
     * The visitor's own visits in a period, for the calendar. It names no citizen; the calendar asks
     * {@link CitizenRecords#summaries} for the names it may show.
     */
    @Transactional(readOnly = true)
    public List<Visit> calendar(String visitor, LocalDate from, LocalDate untilExclusive) {
        return jdbc.sql("""
                SELECT * FROM visit WHERE visitor = :visitor AND planned_start >= :from AND planned_start < :until
                 ORDER BY planned_start
                """).param("visitor", visitor).param("from", Timestamp.valueOf(from.atStartOfDay()))
                .param("until", Timestamp.valueOf(untilExclusive.atStartOfDay())).query(Visits::visit).list();
    }

    /**
     * Records what happened at the visit. The "Fællesskab" tag follows from it; an agreed follow-up
     * call within 6 weeks becomes a task on the visitor's worklist.
     */
    @Transactional
    public Visit document(UUID id, long fromVersion, Documentation documentation) {
        var visit = load(id);
        records.change(visit.citizen(), AuditAction.UPDATE, "Dokumenterede et forebyggende hjemmebesøg");
        if (visit.version() != fromVersion) {
            throw new StaleVisitException(visit);
        }
        LocalDate heldOn = documentation.heldOn();
        LocalDate today = LocalDate.now(clock.withZone(DANISH_TIME));
        if (heldOn == null) {
            throw new DomainException("visit.heldOn.missing");
        }
        if (heldOn.isAfter(today)) {
            throw new DomainException("visit.heldOn.future");
        }
        LocalDate followUpOn = documentation.followUpOn();
        if (followUpOn != null && (!followUpOn.isAfter(heldOn)
                || followUpOn.isAfter(heldOn.plusWeeks(Visit.FOLLOW_UP_WEEKS)))) {
            throw new DomainException("visit.followUp.window", Visit.FOLLOW_UP_WEEKS);
        }
        String notes = documentation.notes() == null || documentation.notes().isBlank() ? null
                : documentation.notes().strip();
        if (notes != null && notes.length() > MAX_NOTES) {
            throw new DomainException("visit.notes.tooLong", MAX_NOTES);
        }
        boolean tag = Visit.earnsCommunityTag(documentation.themes(), documentation.conversation(),
                documentation.cardHandedOut());
        String by = users.currentOrFail().username();
        int changed = jdbc.sql("""
                UPDATE visit SET status = 'HELD', held_on = :heldOn, themes = :themes, conversation = :conversation,
                       card_handed_out = :card, community_tag = :tag, notes = :notes, follow_up_on = :followUpOn,
                       version = version + 1, updated_by = :by, updated_at = :now
                 WHERE id = :id AND version = :version
                """).param("heldOn", heldOn).param("themes", join(documentation.themes()))
                .param("conversation", join(documentation.conversation())).param("card", documentation.cardHandedOut())
                .param("tag", tag).param("notes", notes).param("followUpOn", followUpOn).param("by", by)
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("version", fromVersion).update();
        if (changed == 0) {
            throw new StaleVisitException(load(id));
        }
        if (followUpOn != null && !Objects.equals(followUpOn, visit.followUpOn())) {
            events.publishEvent(new FollowUpAgreed(id, visit.citizen(), visit.visitor(), followUpOn));
        }
        return load(id);
    }

    @Transactional
    public Visit cancel(UUID id, long fromVersion) {
        var visit = load(id);
        records.change(visit.citizen(), AuditAction.UPDATE, "Aflyste et forebyggende hjemmebesøg");
        if (visit.isHeld()) {
            throw new DomainException("visit.cancel.held");
        }
        int changed = jdbc.sql("""
                UPDATE visit SET status = 'CANCELLED', version = version + 1, updated_by = :by, updated_at = :now
                 WHERE id = :id AND version = :version
                """).param("by", users.currentOrFail().username()).param("now", Timestamp.from(clock.instant()))
                .param("id", id).param("version", fromVersion).update();
        if (changed == 0) {
            throw new StaleVisitException(load(id));
        }
        return load(id);
    }

    /** Saves offers from the directory as suggested to the citizen at this visit; already saved ones stay. */
    @Transactional
    public Visit suggest(UUID id, Collection<Visit.Suggestion> offers) {
        var visit = load(id);
        records.change(visit.citizen(), AuditAction.UPDATE, "Foreslog tilbud fra fællesskabsportalen ved et hjemmebesøg");
        String by = users.currentOrFail().username();
        var known = visit.suggestions().stream().map(Visit.Suggestion::offerId).collect(Collectors.toSet());
        for (var offer : offers) {
            if (known.add(offer.offerId())) {
                String name = offer.offerName().strip();
                jdbc.sql("""
                        INSERT INTO visit_suggestion (visit_id, offer_id, offer_name, suggested_by, suggested_at)
                        VALUES (:visit, :offer, :name, :by, :at)
                        """).param("visit", id).param("offer", offer.offerId())
                        .param("name", name.length() > 200 ? name.substring(0, 200) : name).param("by", by)
                        .param("at", Timestamp.from(clock.instant())).update();
            }
        }
        return load(id);
    }

    @Transactional
    public Visit withdrawSuggestion(UUID id, UUID offerId) {
        var visit = load(id);
        records.change(visit.citizen(), AuditAction.UPDATE, "Fjernede et foreslået tilbud fra et hjemmebesøg");
        jdbc.sql("DELETE FROM visit_suggestion WHERE visit_id = :visit AND offer_id = :offer")
                .param("visit", id).param("offer", offerId).update();
        return load(id);
    }

    /** One visit with its suggested offers; lists (calendar, a citizen's visits) show no suggestions. */
    private Visit load(UUID id) {
        var visit = jdbc.sql("SELECT * FROM visit WHERE id = :id").param("id", id).query(Visits::visit).optional()
                .orElseThrow(() -> new NotFoundException("visit"));
        var suggestions = jdbc.sql("SELECT * FROM visit_suggestion WHERE visit_id = :id ORDER BY suggested_at, offer_name")
                .param("id", id).query((s, n) -> new Visit.Suggestion(s.getObject("offer_id", UUID.class),
                        s.getString("offer_name"), s.getString("suggested_by"),
                        s.getTimestamp("suggested_at").toInstant())).list();
        return new Visit(visit.id(), visit.citizen(), visit.visitor(), visit.plannedStart(), visit.durationMinutes(),
                visit.place(), visit.status(), visit.heldOn(), visit.themes(), visit.conversation(),
                visit.cardHandedOut(), visit.communityTag(), visit.notes(), visit.followUpOn(), suggestions,
                visit.version(), visit.updatedBy(), visit.updatedAt());
    }

    private static String join(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> split(@Nullable String text, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(name -> Enum.valueOf(type, name)).forEach(values::add);
        }
        return values;
    }

    private static Visit visit(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        var heldOn = rs.getDate("held_on");
        var followUpOn = rs.getDate("follow_up_on");
        return new Visit(id, new CitizenId(rs.getObject("citizen_id", UUID.class)), rs.getString("visitor"),
                rs.getTimestamp("planned_start").toLocalDateTime(), rs.getInt("duration_minutes"),
                VisitPlace.valueOf(rs.getString("place")), VisitStatus.valueOf(rs.getString("status")),
                heldOn == null ? null : heldOn.toLocalDate(), split(rs.getString("themes"), VisitTheme.class),
                split(rs.getString("conversation"), ConversationElement.class), rs.getBoolean("card_handed_out"),
                rs.getBoolean("community_tag"), rs.getString("notes"),
                followUpOn == null ? null : followUpOn.toLocalDate(), List.of(), rs.getLong("version"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
