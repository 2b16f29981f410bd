package dk.brobygger.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.homevisit.TestHomeVisits;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A referral as it is stored: its history comes back in order, and two answers at once never both succeed. */
@BrobyggerTest
class ReferralStorageTests {

    @Autowired ReferralRepository referrals;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID karen;

    @BeforeEach
    void aCitizen() {
        data.reset();
        karen = data.citizen("Karen Jensen", LocalDate.now(clock).minusYears(78), "ALONE", "VEST");
    }

    Referral requested() {
        var referral = Referral.draft(new Referral.Draft(new CitizenId(karen), UUID.randomUUID(), "Strikkecafé",
                UUID.randomUUID(), "Strikkeklubben", "faellesteam", SupportLevel.ACCOMPANIED, true,
                EnumSet.of(SharedField.FIRST_NAME, SharedField.WORDS), "Karen", null, "Jeg vil gerne strikke", null, false),
                "faellesteam", clock.instant());
        referral.send("faellesteam", clock.instant());
        return referrals.save(referral);
    }

    @Test
    void aReferralComesBackWithItsWholeHistory() {
        var saved = requested();
        var found = referrals.findById(saved.id().value()).orElseThrow();
        found.decline(BusinessStatus.NO_CAPACITY, null, "kontakt", clock.instant());
        found.reopen("Der er plads nu", "faellesteam", clock.instant());
        referrals.save(found);

        var again = referrals.findById(saved.id().value()).orElseThrow();
        assertThat(again.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(again.shared()).containsExactlyInAnyOrder(SharedField.FIRST_NAME, SharedField.WORDS);
        assertThat(again.needsSupport()).isEqualTo(SupportLevel.ACCOMPANIED);
        assertThat(again.history()).extracting(Referral.Change::toStatus).containsExactly(ReferralStatus.DRAFT,
                ReferralStatus.REQUESTED, ReferralStatus.REJECTED, ReferralStatus.REQUESTED);
        assertThat(again.history().get(2).changedBy()).isEqualTo("kontakt");
        assertThat(referrals.findOpen(karen, saved.offerId())).hasSize(1);
    }

    @Test
    void whenTwoAnswerTheSameReferralAtOnceTheSecondIsRefusedAndTheFirstAnswerStays() {
        var saved = requested();
        var mine = referrals.findById(saved.id().value()).orElseThrow();
        var theirs = referrals.findById(saved.id().value()).orElseThrow();

        mine.accept("kontakt", clock.instant());
        referrals.save(mine);
        theirs.decline(BusinessStatus.NOT_ELIGIBLE, null, "kontakt2", clock.instant());

        assertThatThrownBy(() -> referrals.save(theirs)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(jdbc.sql("SELECT status FROM referral WHERE id = :id").param("id", saved.id().value())
                .query(String.class).single()).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_change WHERE referral_id = :id")
                .param("id", saved.id().value()).query(Long.class).single()).isEqualTo(3);
    }
}
