package dk.brobygger.course;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferFacts;
import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An exit to a community linked to the directory (module directory, through its root API): the host finds the offer
 * in the portal's search, may refer the citizen to it (module referral's form, opened with the offer and the citizen,
 * "henvist fra" Én indgang) while the course is open, and ends the course with the offer as its destination. The
 * course keeps the offer's id and its name as it was.
 * <p>
 * The planned exit may name its offer the same way, from the start of the planning: the course page shows it with a
 * link to its card, and the exit proposes it. An offer that has since left the portal (removed, or no longer
 * published) is still named by the name it had, marked as gone, and is no longer proposed.
 */
@Service
public class CourseExitOffers {

    /** The offer an exit went to. */
    public record ExitOffer(UUID offerId, String name, String linkedBy, Instant linkedAt) {
    }

    /**
     * The offer a planned exit names, by the name it had when chosen; {@code available} while it is still in the
     * portal and running (then it is proposed at the exit).
     */
    public record PlannedOffer(UUID offerId, String name, boolean available) {
    }

    private static final int HITS = 8;

    private final Courses courses;
    private final OfferSearch search;
    private final OfferFacts facts;
    private final Users users;
    private final JdbcClient jdbc;
    private final Clock clock;

    CourseExitOffers(Courses courses, OfferSearch search, OfferFacts facts, Users users, JdbcClient jdbc, Clock clock) {
        this.courses = courses;
        this.search = search;
        this.facts = facts;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Offers in the portal for these words, nearest the citizen's postcode shown with their distance. */
    public List<OfferHit> search(@Nullable String words, @Nullable String postcode) {
        String text = Inputs.optional(words, 200, "course.exit.offer.words.tooLong");
        if (text == null) {
            return List.of();
        }
        return search.search(new OfferQuery(text, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false,
                false, false, postcode, null, OfferQuery.Sort.RELEVANCE, 1, HITS)).hits();
    }

    /**
     * Udgang, with the directory offer the citizen goes to when one was chosen: only for an exit to a community, to
     * an offer that exists and runs; its name is the destination unless another was typed.
     */
    @Transactional
    public Course exit(CourseId id, long seenVersion, @Nullable ExitKind kind, @Nullable String to,
            @Nullable LocalDate on, @Nullable Boolean citizenAgrees, @Nullable String note, @Nullable UUID offerId) {
        if (offerId == null) {
            return courses.exit(id, seenVersion, kind, to, on, citizenAgrees, note);
        }
        if (kind != ExitKind.COMMUNITY) {
            throw new DomainException("course.exit.offer.notCommunity");
        }
        var offer = facts.find(offerId, null).filter(found -> found.status().isPublic())
                .orElseThrow(() -> new DomainException("course.exit.offer.unknown"));
        String destination = to == null || to.isBlank() ? offer.name() : to;
        var course = courses.exit(id, seenVersion, kind, destination, on, citizenAgrees, note);
        jdbc.sql("""
                INSERT INTO course_exit_offer (course_id, offer_id, offer_name, linked_by, linked_at)
                VALUES (:course, :offer, :name, :by, :at)
                """).param("course", id.value()).param("offer", offer.id())
                .param("name", cut(offer.name() + " (" + offer.organizationName() + ")"))
                .param("by", users.currentOrFail().username()).param("at", Timestamp.from(clock.instant())).update();
        return course;
    }

    /**
     * A new planned exit, with the directory offer it plans for when one was chosen: only for an exit to a
     * community, to an offer that exists and runs; its name is the destination unless another was typed. Without an
     * offer the plan names none (a planned offer chosen before is let go).
     */
    @Transactional
    public Course planExit(CourseId id, long seenVersion, @Nullable ExitKind kind, @Nullable String to,
            @Nullable LocalDate on, @Nullable UUID offerId) {
        if (offerId == null) {
            var course = courses.planExit(id, seenVersion, kind, to, on);
            jdbc.sql("DELETE FROM course_planned_exit_offer WHERE course_id = :course").param("course", id.value())
                    .update();
            return course;
        }
        if (kind != ExitKind.COMMUNITY) {
            throw new DomainException("course.exit.offer.notCommunity");
        }
        var offer = facts.find(offerId, null).filter(found -> found.status().isPublic())
                .orElseThrow(() -> new DomainException("course.exit.offer.unknown"));
        String destination = to == null || to.isBlank() ? offer.name() : to;
        var course = courses.planExit(id, seenVersion, kind, destination, on);
        jdbc.sql("DELETE FROM course_planned_exit_offer WHERE course_id = :course").param("course", id.value())
                .update();
        jdbc.sql("""
                INSERT INTO course_planned_exit_offer (course_id, offer_id, offer_name, linked_by, linked_at)
                VALUES (:course, :offer, :name, :by, :at)
                """).param("course", id.value()).param("offer", offer.id()).param("name", cut(offer.name()))
                .param("by", users.currentOrFail().username()).param("at", Timestamp.from(clock.instant())).update();
        return course;
    }

    /**
     * The offer the course's planned exit names, if one was chosen, and whether it is still in the portal and runs
     * (the caller has passed the gate for the citizen).
     */
    public Optional<PlannedOffer> planned(CourseId id) {
        return jdbc.sql("SELECT offer_id, offer_name FROM course_planned_exit_offer WHERE course_id = :course")
                .param("course", id.value())
                .query((rs, n) -> new PlannedOffer(rs.getObject("offer_id", UUID.class), rs.getString("offer_name"),
                        false))
                .optional()
                .map(planned -> new PlannedOffer(planned.offerId(), planned.name(),
                        facts.find(planned.offerId(), null).filter(found -> found.status().isPublic()).isPresent()));
    }

    /** The offer the course's exit went to, if one was chosen (the caller has passed the gate for the citizen). */
    Optional<ExitOffer> of(CourseId id) {
        return jdbc.sql("SELECT * FROM course_exit_offer WHERE course_id = :course").param("course", id.value())
                .query((rs, n) -> new ExitOffer(rs.getObject("offer_id", UUID.class), rs.getString("offer_name"),
                        rs.getString("linked_by"), rs.getTimestamp("linked_at").toInstant()))
                .optional();
    }

    private static String cut(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }
}
