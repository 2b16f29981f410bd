package dk.brobygger.referral;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TimeOfDay;
import dk.brobygger.shared.DanishTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data for accompaniment in other packages' tests (the browser journeys): a referral the association has
 * accepted that asks for someone to go along, and onboarded, vetted volunteers, written straight to the database.
 */
@Component
public class TestAccompaniment {

    private final ReferralRepository referrals;
    private final VolunteerRepository volunteers;
    private final JdbcClient jdbc;
    private final Clock clock;

    TestAccompaniment(ReferralRepository referrals, VolunteerRepository volunteers, JdbcClient jdbc, Clock clock) {
        this.referrals = referrals;
        this.volunteers = volunteers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Removes every volunteer, their assignments and calendar links. */
    public void reset() {
        jdbc.sql("DELETE FROM volunteer").update();
        jdbc.sql("DELETE FROM referral_calendar_link").update();
    }

    /** A referral of the citizen to the offer with accompaniment, accepted, the first time in three days. */
    public UUID acceptedWithAccompaniment(UUID citizen, String firstName, UUID offer, String offerName,
            UUID organization, String organizationName) {
        var now = clock.instant();
        var referral = Referral.draft(new Referral.Draft(new CitizenId(citizen), offer, offerName, organization,
                organizationName, "faellesteam", SupportLevel.ACCOMPANIED, true,
                EnumSet.of(SharedField.FIRST_NAME, SharedField.WORDS), firstName, null,
                "Jeg tør ikke gå derhen alene første gang", ReferralContext.FAELLESTEAM, false), "faellesteam", now);
        referral.send("faellesteam", now);
        referral.accept("kontakt", now);
        var nowLocal = LocalDateTime.now(clock.withZone(DanishTime.ZONE));
        referral.proposeFirstDate(nowLocal.toLocalDate().plusDays(3).atTime(10, 0), nowLocal, "kontakt", now);
        return referrals.save(referral).id().value();
    }

    /** An onboarded, vetted volunteer near the centre, free on Tuesday mornings, with a login when given. */
    public UUID volunteer(String name, String postcode, boolean peer, String login) {
        var today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        var now = clock.instant();
        var volunteer = Volunteer.apply(new Volunteer.Profile(name, "20 30 40 50", null, postcode, "ØST", peer, true,
                EnumSet.of(Interest.CRAFTS), Set.of("dansk"),
                Set.of(new Volunteer.Availability(DayOfWeek.TUESDAY, TimeOfDay.MORNING))), null, null, "faellesteam",
                now);
        volunteer.meet(Requirement.CRIMINAL_RECORD, today.minusMonths(2), today.plusDays(20), today, "faellesteam", now);
        volunteer.meet(Requirement.CONFIDENTIALITY, today.minusMonths(2), null, today, "faellesteam", now);
        if (peer) {
            volunteer.meet(Requirement.PEER_TRAINING, today.minusMonths(2), null, today, "faellesteam", now);
        }
        volunteer.approve("faellesteam", now);
        volunteer.onboard(today, "faellesteam", now);
        volunteer.tieLogin(login);
        return volunteers.save(volunteer).id();
    }
}
