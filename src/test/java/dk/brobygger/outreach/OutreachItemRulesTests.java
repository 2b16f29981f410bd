package dk.brobygger.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import org.junit.jupiter.api.Test;

/** What an outreach item allows, on the aggregate itself (no Spring, no database). */
class OutreachItemRulesTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final CitizenId KAREN = new CitizenId(UUID.randomUUID());

    static OutreachItem open() {
        return new OutreachItem(UUID.randomUUID(), KAREN.value(), RiskReason.LOST_SPOUSE, 1L, UUID.randomUUID(),
                TODAY.minusDays(3), OutreachItem.Status.OPEN, null, null, NOW, null, null, null, 0L);
    }

    @Test
    void anOpenItemIsClosedWithAnOutcomeAndADay() {
        var item = open();
        item.close(Outcome.VISIT_OFFERED, TODAY, TODAY, "hjemmebesog", NOW);
        assertThat(item.status()).isEqualTo(OutreachItem.Status.CLOSED);
        assertThat(item.outcome()).isEqualTo(Outcome.VISIT_OFFERED);
        assertThat(item.outcomeOn()).isEqualTo(TODAY);
    }

    @Test
    void aClosedItemCannotBeClosedAgainOrWithdrawn() {
        var item = open();
        item.close(Outcome.NOT_REACHED, TODAY, TODAY, "hjemmebesog", NOW);

        assertThatThrownBy(() -> item.close(Outcome.DECLINED, TODAY, TODAY, "hjemmebesog", NOW))
                .isInstanceOf(DomainException.class).hasMessage("outreach.item.notOpen");
        assertThatThrownBy(() -> item.withdraw(NOW))
                .isInstanceOf(DomainException.class).hasMessage("outreach.item.notOpen");
        assertThat(item.outcome()).isEqualTo(Outcome.NOT_REACHED);
        assertThat(item.domainEvents()).as("announced once, for the one closing")
                .containsExactly(new OutreachItemClosed(item.id().value(), item.citizen(), Outcome.NOT_REACHED));
    }

    @Test
    void aWithdrawnItemCannotBeClosed() {
        var item = open();
        item.withdraw(NOW);
        assertThatThrownBy(() -> item.close(Outcome.NOT_RELEVANT, TODAY, TODAY, "hjemmebesog", NOW))
                .isInstanceOf(DomainException.class).hasMessage("outreach.item.notOpen");
        assertThat(item.status()).isEqualTo(OutreachItem.Status.WITHDRAWN);
    }

    @Test
    void anItemIsNotClosedOnADayInTheFuture() {
        var item = open();
        assertThatThrownBy(() -> item.close(Outcome.NOT_REACHED, TODAY.plusDays(1), TODAY, "hjemmebesog", NOW))
                .isInstanceOf(DomainException.class).hasMessage("outreach.outcome.future");
        assertThat(item.isOpen()).isTrue();
    }

    @Test
    void aWithdrawnItemAnnouncesItOnce() {
        var item = open();
        item.withdraw(NOW);
        assertThat(item.domainEvents()).containsExactly(new OutreachItemWithdrawn(item.id().value(), KAREN));
    }
}
