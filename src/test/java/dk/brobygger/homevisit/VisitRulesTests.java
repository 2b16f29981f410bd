package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.junit.jupiter.api.Test;

/** What a visit allows, on the aggregate itself (no Spring, no database). */
class VisitRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final CitizenId KAREN = new CitizenId(UUID.randomUUID());

    static Visit planned() {
        return Visit.plan(KAREN, "hjemmebesog", TODAY.atTime(10, 0), 60, VisitPlace.HOME, TODAY, NOW);
    }

    static Visits.Documentation heldToday(VisitTheme... themes) {
        return new Visits.Documentation(TODAY, Set.of(themes), Set.of(), false, null, null);
    }

    @Test
    void aCancelledVisitCannotBeDocumentedAsHeld() {
        var visit = planned();
        visit.cancel("hjemmebesog", NOW);

        assertThatThrownBy(() -> visit.document(heldToday(VisitTheme.COMMUNITY), TODAY, "hjemmebesog", NOW))
                .isInstanceOf(DomainException.class).hasMessage("visit.document.cancelled");
        assertThat(visit.status()).isEqualTo(VisitStatus.CANCELLED);
        assertThat(visit.communityTag()).isFalse();
    }

    @Test
    void aHeldVisitCannotBeCancelled() {
        var visit = planned();
        visit.document(heldToday(VisitTheme.PHYSICAL), TODAY, "hjemmebesog", NOW);

        assertThatThrownBy(() -> visit.cancel("hjemmebesog", NOW))
                .isInstanceOf(DomainException.class).hasMessage("visit.cancel.held");
        assertThat(visit.status()).isEqualTo(VisitStatus.HELD);
    }

    @Test
    void aHeldVisitMayBeDocumentedAgainToCorrectIt() {
        var visit = planned();
        visit.document(heldToday(VisitTheme.PHYSICAL), TODAY, "hjemmebesog", NOW);
        visit.document(heldToday(VisitTheme.COMMUNITY), TODAY, "hjemmebesog", NOW);

        assertThat(visit.themes()).containsExactly(VisitTheme.COMMUNITY);
        assertThat(visit.communityTag()).isTrue();
    }

    @Test
    void aVisitIsNotHeldInTheFuture() {
        var visit = planned();
        var tomorrow = new Visits.Documentation(TODAY.plusDays(1), Set.of(), Set.of(), false, null, null);

        assertThatThrownBy(() -> visit.document(tomorrow, TODAY, "hjemmebesog", NOW))
                .isInstanceOf(DomainException.class).hasMessage("visit.heldOn.future");
        assertThat(visit.status()).isEqualTo(VisitStatus.PLANNED);
    }

    @Test
    void theFollowUpCallIsAfterTheVisitAndWithinSixWeeksAndIsAnnouncedOnce() {
        var visit = planned();
        var tooLate = new Visits.Documentation(TODAY, Set.of(), Set.of(), false, null, TODAY.plusWeeks(6).plusDays(1));
        assertThatThrownBy(() -> visit.document(tooLate, TODAY, "hjemmebesog", NOW))
                .isInstanceOf(DomainException.class).hasMessage("visit.followUp.window");

        var inSixWeeks = new Visits.Documentation(TODAY, Set.of(), Set.of(), false, null, TODAY.plusWeeks(6));
        visit.document(inSixWeeks, TODAY, "hjemmebesog", NOW);
        visit.document(inSixWeeks, TODAY, "hjemmebesog", NOW);

        assertThat(visit.domainEvents()).containsExactly(
                new FollowUpAgreed(visit.id().value(), KAREN, "hjemmebesog", TODAY.plusWeeks(6)));
    }

    @Test
    void aVisitIsPlannedWithinAYearBackAndTwoYearsAheadForTenMinutesToEightHours() {
        assertThatThrownBy(() -> Visit.plan(KAREN, "hjemmebesog", TODAY.plusYears(2).plusDays(1).atTime(10, 0), 60,
                VisitPlace.HOME, TODAY, NOW)).hasMessage("visit.start.outOfRange");
        assertThatThrownBy(() -> Visit.plan(KAREN, "hjemmebesog", TODAY.atTime(10, 0), 5, VisitPlace.HOME, TODAY, NOW))
                .hasMessage("visit.duration.outOfRange");
        assertThatThrownBy(() -> Visit.plan(KAREN, "hjemmebesog", TODAY.atTime(10, 0), 60, null, TODAY, NOW))
                .hasMessage("visit.place.missing");
    }

    @Test
    void anOfferSuggestedTwiceIsKeptOnce() {
        var visit = planned();
        UUID knitting = UUID.randomUUID();
        visit.suggest(List.of(new Visit.Suggestion(knitting, "Strikkeklubben", "", NOW)), "hjemmebesog", NOW);
        visit.suggest(List.of(new Visit.Suggestion(knitting, "Strikkeklubben", "", NOW)), "hjemmebesog", NOW);

        assertThat(visit.suggestions()).extracting(Visit.Suggestion::offerName).containsExactly("Strikkeklubben");
        visit.withdrawSuggestion(knitting);
        assertThat(visit.suggestions()).isEmpty();
    }
}
