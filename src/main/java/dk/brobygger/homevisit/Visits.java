package dk.brobygger.homevisit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plans and documents preventive home visits. Every read and change passes the need-to-know policy
 * for the visit's citizen and is audited ({@link CitizenRecords}); two people saving the same visit
 * never overwrite each other ({@link StaleVisitException}).
 */
@Service
class Visits {

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

    static final int MAX_NOTES = Visit.MAX_NOTES;
    static final ZoneId DANISH_TIME = DanishTime.ZONE;

    private final VisitRepository repository;
    private final CitizenRecords records;
    private final Users users;
    private final Clock clock;

    private final VisitOffers offers;

    Visits(VisitRepository repository, CitizenRecords records, Users users, VisitOffers offers, Clock clock) {
        this.offers = offers;
        this.repository = repository;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public Visit plan(CitizenId citizen, Plan plan) {
        records.change(citizen, AuditAction.CREATE, "Planlagde et forebyggende hjemmebesøg");
        return repository.save(Visit.plan(citizen, users.currentOrFail().username(), plan.start(),
                plan.durationMinutes(), plan.place(), today(), clock.instant()));
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
        return repository.findByCitizenIdOrderByPlannedStartDesc(citizen.value());
    }

    /**
     * The visitor's own visits in a period, for the calendar. It names no citizen; the calendar asks
     * {@link CitizenRecords#summaries} for the names it may show.
     */
    @Transactional(readOnly = true)
    public List<Visit> calendar(String visitor, LocalDate from, LocalDate untilExclusive) {
        return repository.findByVisitorAndPlannedStartGreaterThanEqualAndPlannedStartLessThanOrderByPlannedStart(
                visitor, from.atStartOfDay(), untilExclusive.atStartOfDay());
    }

    /**
     * Records what happened at the visit. The "Fællesskab" tag follows from it; an agreed follow-up
     * call within 6 weeks becomes a task on the visitor's worklist. A cancelled visit is refused.
     */
    @Transactional
    public Visit document(UUID id, long fromVersion, Documentation documentation) {
        var visit = load(id);
        records.change(visit.citizen(), AuditAction.UPDATE, "Dokumenterede et forebyggende hjemmebesøg");
        requireVersion(visit, fromVersion);
        visit.document(documentation, today(), users.currentOrFail().username(), clock.instant());
        if (visit.isHeld() && visit.heldOn() != null) {
            offers.visitHeld(visit.citizen(), visit.heldOn(), visit.visitor());
        }
        return save(visit);
    }

    @Transactional
    public Visit cancel(UUID id, long fromVersion) {
        var visit = load(id);
        records.change(visit.citizen(), AuditAction.UPDATE, "Aflyste et forebyggende hjemmebesøg");
        requireVersion(visit, fromVersion);
        visit.cancel(users.currentOrFail().username(), clock.instant());
        return save(visit);
    }

    /** Saves offers from the directory as suggested to the citizen at this visit; already saved ones stay. */
    @Transactional
    public Visit suggest(UUID id, Collection<Visit.Suggestion> offers) {
        var visit = load(id);
        records.change(visit.citizen(), AuditAction.UPDATE, "Foreslog tilbud fra fællesskabsportalen ved et hjemmebesøg");
        visit.suggest(offers, users.currentOrFail().username(), clock.instant());
        return save(visit);
    }

    @Transactional
    public Visit withdrawSuggestion(UUID id, UUID offerId) {
        var visit = load(id);
        records.change(visit.citizen(), AuditAction.UPDATE, "Fjernede et foreslået tilbud fra et hjemmebesøg");
        visit.withdrawSuggestion(offerId);
        return save(visit);
    }

    private void requireVersion(Visit visit, long fromVersion) {
        if (visit.version() != fromVersion) {
            throw new StaleVisitException(visit);
        }
    }

    /** Saves the visit (its events go out with it); someone saving in between is a {@link StaleVisitException}. */
    private Visit save(Visit visit) {
        try {
            return repository.save(visit);
        } catch (OptimisticLockingFailureException e) {
            throw new StaleVisitException(load(visit.id().value()));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DANISH_TIME));
    }

    private Visit load(UUID id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException("visit"));
    }
}
