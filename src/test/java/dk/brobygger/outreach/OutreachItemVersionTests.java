package dk.brobygger.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.homevisit.TestHomeVisits;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An outreach item as it is stored: two people ending the same item at once never both succeed. */
@BrobyggerTest
class OutreachItemVersionTests {

    @Autowired OutreachItemRepository items;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    LocalDate today;
    UUID item;

    @BeforeEach
    void anOpenItemMadeByTheNightlyEvaluation() {
        data.reset();
        today = LocalDate.now(clock);
        UUID karen = data.citizen("Karen Jensen", today.minusYears(78), "ALONE", "VEST");
        item = data.openOutreachItem(karen, "LOST_SPOUSE", today.minusDays(2));
    }

    @Test
    void whenTwoCloseTheSameItemAtOnceTheSecondIsRefusedAndTheFirstOutcomeStays() {
        var mine = items.findById(item).orElseThrow();
        var theirs = items.findById(item).orElseThrow();

        mine.close(Outcome.VISIT_OFFERED, today, today, "hjemmebesog", clock.instant());
        items.save(mine);
        theirs.close(Outcome.NOT_REACHED, today, today, "faellesteam", clock.instant());

        assertThatThrownBy(() -> items.save(theirs)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(jdbc.sql("SELECT outcome || ' ' || closed_by FROM outreach_item WHERE id = :id")
                .param("id", item).query(String.class).single()).isEqualTo("VISIT_OFFERED hjemmebesog");
    }
}
