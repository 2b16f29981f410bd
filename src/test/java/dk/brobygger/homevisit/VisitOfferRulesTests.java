package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.junit.jupiter.api.Test;

/** What an offer of a visit allows, on the aggregate itself (no Spring, no database). */
class VisitOfferRulesTests {

    static final LocalDate OFFERED = LocalDate.of(2026, 3, 10);

    static VisitOffer offered() {
        return VisitOffer.offer(new CitizenId(UUID.randomUUID()), 2026, "TURNS_75", OFFERED, OfferChannel.PHONE,
                "hjemmebesog", Instant.parse("2026-03-10T12:00:00Z"));
    }

    @Test
    void anAnswerCannotComeBeforeTheOffer() {
        var offer = offered();
        assertThatThrownBy(() -> offer.answer(VisitOffer.Answer.ACCEPTED, OFFERED.minusDays(1)))
                .isInstanceOf(DomainException.class).hasMessage("homevisit.offer.answerBeforeOffer");
        assertThat(offer.status()).isEqualTo(OfferStatus.OFFERED);
    }

    @Test
    void anAnswerCannotComeAfterTheVisitWasHeld() {
        var offer = offered();
        offer.held(OFFERED.plusDays(3), "hjemmebesog");
        assertThatThrownBy(() -> offer.answer(VisitOffer.Answer.DECLINED, OFFERED.plusDays(4)))
                .isInstanceOf(DomainException.class).hasMessage("homevisit.offer.alreadyHeld");
        assertThat(offer.status()).isEqualTo(OfferStatus.HELD);
    }

    @Test
    void aDeclinedOfferCannotBeHeld() {
        var offer = offered();
        offer.answer(VisitOffer.Answer.DECLINED, OFFERED);
        assertThatThrownBy(() -> offer.held(OFFERED.plusDays(1), "hjemmebesog"))
                .isInstanceOf(DomainException.class).hasMessage("homevisit.offer.declined");
        assertThat(offer.status()).isEqualTo(OfferStatus.DECLINED);
    }

    @Test
    void aVisitCannotBeHeldBeforeItWasOffered() {
        var offer = offered();
        assertThatThrownBy(() -> offer.held(OFFERED.minusDays(1), "hjemmebesog"))
                .isInstanceOf(DomainException.class).hasMessage("homevisit.offer.heldBeforeOffer");
    }

    @Test
    void aHeldVisitCountsAsAcceptedOnTheDayItWasHeldUnlessAnsweredBefore() {
        var offer = offered();
        offer.held(OFFERED.plusDays(5), "hjemmebesog");
        assertThat(offer.answer()).isEqualTo(VisitOffer.Answer.ACCEPTED);
        assertThat(offer.answeredOn()).isEqualTo(OFFERED.plusDays(5));
        assertThat(offer.heldBy()).isEqualTo("hjemmebesog");

        var answered = offered();
        answered.answer(VisitOffer.Answer.ACCEPTED, OFFERED.plusDays(1));
        answered.held(OFFERED.plusDays(5), "hjemmebesog");
        assertThat(answered.answeredOn()).isEqualTo(OFFERED.plusDays(1));
    }
}
