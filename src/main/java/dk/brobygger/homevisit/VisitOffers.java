package dk.brobygger.homevisit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records offers of a visit: made, answered, held. Each step passes the citizen gate (need-to-know:
 * taking the citizen from the worklist gives it; audited), then the offer itself guards the step
 * ({@link VisitOffer}).
 */
@Service
public class VisitOffers {

    private final VisitOfferRepository repository;
    private final DueVisits due;
    private final CitizenRecords records;
    private final Users users;
    private final Clock clock;

    VisitOffers(VisitOfferRepository repository, DueVisits due, CitizenRecords records, Users users, Clock clock) {
        this.repository = repository;
        this.due = due;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    /** The visit was offered; the citizen must be due one that year, and only one offer is made a year. */
    @Transactional
    public VisitOffer offer(CitizenId citizen, int year, @Nullable LocalDate offeredOn, OfferChannel channel) {
        records.checkMayChange(citizen, "Registrerede tilbud om forebyggende hjemmebesøg");
        DueVisits.checkYear(year);
        LocalDate day = notInFuture(offeredOn == null ? today() : offeredOn);
        var dueVisit = due.evaluate(year, citizen)
                .orElseThrow(() -> new DomainException("homevisit.offer.notDue", String.valueOf(year)));
        if (find(citizen, year).isPresent()) {
            throw new OfferExistsException();
        }
        records.change(citizen, AuditAction.CREATE, "Registrerede tilbud om forebyggende hjemmebesøg i " + year);
        try {
            return repository.save(VisitOffer.offer(citizen, year, dueVisit.rule(), day, channel,
                    users.currentOrFail().username(), clock.instant()));
        } catch (DbActionExecutionException e) {
            if (e.getCause() instanceof DuplicateKeyException) {
                throw new OfferExistsException();
            }
            throw e;
        }
    }

    /** The citizen accepted or declined. */
    @Transactional
    public VisitOffer answer(UUID offerId, VisitOffer.Answer answer, @Nullable LocalDate answeredOn) {
        return answer(new VisitOfferId(offerId), answer, answeredOn);
    }

    /** The citizen accepted or declined. */
    @Transactional
    public VisitOffer answer(VisitOfferId offerId, VisitOffer.Answer answer, @Nullable LocalDate answeredOn) {
        var offer = get(offerId);
        records.checkMayChange(offer.citizen(), "Registrerede svar på tilbud om hjemmebesøg");
        LocalDate day = notInFuture(answeredOn == null ? today() : answeredOn);
        offer.answer(answer, day);
        records.change(offer.citizen(), AuditAction.UPDATE, "Registrerede svar på tilbud om hjemmebesøg: " + answer);
        return repository.save(offer);
    }

    /** The visit was held, on the day and by the visitor given (the current user if none is given). */
    @Transactional
    public VisitOffer held(UUID offerId, @Nullable LocalDate heldOn, @Nullable String heldBy) {
        var offer = get(new VisitOfferId(offerId));
        records.checkMayChange(offer.citizen(), "Registrerede afholdt hjemmebesøg");
        LocalDate day = notInFuture(heldOn == null ? today() : heldOn);
        String visitor = heldBy == null || heldBy.isBlank() ? users.currentOrFail().username() : heldBy.strip();
        if (users.find(visitor).isEmpty()) {
            throw new DomainException("homevisit.offer.unknownVisitor", visitor);
        }
        offer.held(day, visitor);
        records.change(offer.citizen(), AuditAction.UPDATE, "Registrerede afholdt hjemmebesøg");
        return repository.save(offer);
    }

    /**
     * A visit to the citizen was documented as held: the year's §79a offer, if one was made and not declined,
     * is held on that day by that visitor (so the offers per rule count the visits held). No access check: the
     * visit's documentation made one.
     */
    void visitHeld(CitizenId citizen, LocalDate heldOn, String visitor) {
        find(citizen, heldOn.getYear())
                .filter(offer -> offer.heldOn() == null && offer.answer() != VisitOffer.Answer.DECLINED
                        && !heldOn.isBefore(offer.offeredOn()))
                .ifPresent(offer -> {
                    offer.held(heldOn, visitor);
                    repository.save(offer);
                });
    }

    /** The citizen's offer in a year, if one was made. No access check: the caller has made one. */
    public Optional<VisitOffer> find(CitizenId citizen, int year) {
        return repository.findByCitizenIdAndYear(citizen.value(), year);
    }

    VisitOffer get(VisitOfferId id) {
        return repository.findById(id.value()).orElseThrow(() -> new NotFoundException("offer"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDate notInFuture(LocalDate day) {
        if (day.isAfter(today())) {
            throw new DomainException("homevisit.date.future");
        }
        return day;
    }

    /** The citizen has already been offered a visit this year. */
    public static class OfferExistsException extends RuntimeException {
        OfferExistsException() {
            super("homevisit.offer.exists");
        }
    }
}
