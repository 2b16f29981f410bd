package dk.brobygger.homevisit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records offers of a visit: made, answered, held. Each step needs the need-to-know relation to the
 * citizen (taking the citizen from the worklist gives it) and is audited.
 */
@Service
public class VisitOffers {

    private final JdbcClient jdbc;
    private final DueVisits due;
    private final HomeVisitAccess access;
    private final Users users;
    private final Clock clock;

    VisitOffers(JdbcClient jdbc, DueVisits due, HomeVisitAccess access, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.due = due;
        this.access = access;
        this.users = users;
        this.clock = clock;
    }

    /** The visit was offered; the citizen must be due one that year, and only one offer is made a year. */
    @Transactional
    public VisitOffer offer(CitizenId citizen, int year, @Nullable LocalDate offeredOn, OfferChannel channel) {
        access.checkMayChange(citizen, "Registrerede tilbud om forebyggende hjemmebesøg");
        DueVisits.checkYear(year);
        LocalDate day = notInFuture(offeredOn == null ? today() : offeredOn);
        var dueVisit = due.evaluate(year, citizen)
                .orElseThrow(() -> new DomainException("homevisit.offer.notDue", String.valueOf(year)));
        if (find(citizen, year).isPresent()) {
            throw new OfferExistsException();
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO homevisit_offer (id, citizen_id, visit_year, rule, offered_on, channel, recorded_by,
                                                 recorded_at, version)
                    VALUES (:id, :citizen, :year, :rule, :day, :channel, :by, :at, 0)
                    """).param("id", id).param("citizen", citizen.value()).param("year", year)
                    .param("rule", dueVisit.rule()).param("day", day).param("channel", channel.name())
                    .param("by", users.currentOrFail().username()).param("at", Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new OfferExistsException();
        }
        access.changed(citizen.value(), "Registrerede tilbud om forebyggende hjemmebesøg i " + year);
        return get(id);
    }

    /** The citizen accepted or declined. */
    @Transactional
    public VisitOffer answer(UUID offerId, VisitOffer.Answer answer, @Nullable LocalDate answeredOn) {
        var offer = get(offerId);
        access.checkMayChange(offer.citizen(), "Registrerede svar på tilbud om hjemmebesøg");
        if (offer.heldOn() != null) {
            throw new DomainException("homevisit.offer.alreadyHeld");
        }
        LocalDate day = notInFuture(answeredOn == null ? today() : answeredOn);
        if (day.isBefore(offer.offeredOn())) {
            throw new DomainException("homevisit.offer.answerBeforeOffer");
        }
        update(offer, "answer = :answer, answered_on = :day", "answer", answer.name(), day);
        access.changed(offer.citizen().value(), "Registrerede svar på tilbud om hjemmebesøg: " + answer);
        return get(offerId);
    }

    /** The visit was held, on the day and by the visitor given (the current user if none is given). */
    @Transactional
    public VisitOffer held(UUID offerId, @Nullable LocalDate heldOn, @Nullable String heldBy) {
        var offer = get(offerId);
        access.checkMayChange(offer.citizen(), "Registrerede afholdt hjemmebesøg");
        if (offer.answer() == VisitOffer.Answer.DECLINED) {
            throw new DomainException("homevisit.offer.declined");
        }
        LocalDate day = notInFuture(heldOn == null ? today() : heldOn);
        if (day.isBefore(offer.offeredOn())) {
            throw new DomainException("homevisit.offer.heldBeforeOffer");
        }
        String visitor = heldBy == null || heldBy.isBlank() ? users.currentOrFail().username() : heldBy.strip();
        if (users.find(visitor).isEmpty()) {
            throw new DomainException("homevisit.offer.unknownVisitor", visitor);
        }
        int changed = jdbc.sql("""
                UPDATE homevisit_offer SET held_on = :day, held_by = :visitor,
                       answer = 'ACCEPTED', answered_on = COALESCE(answered_on, :day), version = version + 1
                 WHERE id = :id AND version = :version
                """).param("day", day).param("visitor", visitor).param("id", offerId)
                .param("version", offer.version()).update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("offer " + offerId);
        }
        access.changed(offer.citizen().value(), "Registrerede afholdt hjemmebesøg");
        return get(offerId);
    }

    Optional<VisitOffer> find(CitizenId citizen, int year) {
        return jdbc.sql("SELECT * FROM homevisit_offer WHERE citizen_id = :citizen AND visit_year = :year")
                .param("citizen", citizen.value()).param("year", year).query(VisitOffers::offer).optional();
    }

    VisitOffer get(UUID id) {
        return jdbc.sql("SELECT * FROM homevisit_offer WHERE id = :id").param("id", id).query(VisitOffers::offer)
                .optional().orElseThrow(() -> new NotFoundException("offer"));
    }

    private void update(VisitOffer offer, String set, String name, Object value, LocalDate day) {
        int changed = jdbc.sql("UPDATE homevisit_offer SET " + set + ", version = version + 1"
                        + " WHERE id = :id AND version = :version")
                .param(name, value).param("day", day).param("id", offer.id()).param("version", offer.version())
                .update();
        if (changed != 1) {
            throw new OptimisticLockingFailureException("offer " + offer.id());
        }
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

    private static VisitOffer offer(ResultSet rs, int row) throws SQLException {
        String answer = rs.getString("answer");
        return new VisitOffer(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                rs.getInt("visit_year"), rs.getString("rule"), rs.getDate("offered_on").toLocalDate(),
                OfferChannel.valueOf(rs.getString("channel")), answer == null ? null : VisitOffer.Answer.valueOf(answer),
                date(rs.getDate("answered_on")), date(rs.getDate("held_on")), rs.getString("held_by"),
                rs.getString("recorded_by"), rs.getLong("version"));
    }

    private static @Nullable LocalDate date(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }

    /** The citizen has already been offered a visit this year. */
    public static class OfferExistsException extends RuntimeException {
        OfferExistsException() {
            super("homevisit.offer.exists");
        }
    }
}
