package dk.brobygger.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.directory.TimeOfDay;
import dk.brobygger.shared.DomainException;

import org.junit.jupiter.api.Test;

/** What a volunteer and an assignment allow, on the aggregates themselves (no Spring, no database). */
class VolunteerRulesTests {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final String STAFF = "faellesteam";

    static Volunteer.Profile profile(boolean peer, boolean criminalRecord) {
        return new Volunteer.Profile("Birgit Holm Sørensen", "20 30 40 50", null, "7100", "ØST", peer, criminalRecord,
                EnumSet.of(Interest.CRAFTS), Set.of("Dansk"),
                Set.of(new Volunteer.Availability(DayOfWeek.TUESDAY, TimeOfDay.MORNING)));
    }

    static Volunteer applied(boolean peer) {
        return Volunteer.apply(profile(peer, true), null, null, STAFF, NOW);
    }

    static Volunteer onboarded() {
        var volunteer = applied(false);
        volunteer.meet(Requirement.CRIMINAL_RECORD, TODAY.minusMonths(3), TODAY.plusYears(2), TODAY, STAFF, NOW);
        volunteer.meet(Requirement.CONFIDENTIALITY, TODAY.minusMonths(3), null, TODAY, STAFF, NOW);
        volunteer.approve(STAFF, NOW);
        volunteer.onboard(TODAY, STAFF, NOW);
        return volunteer;
    }

    static void refused(Runnable change, String messageKey) {
        assertThatThrownBy(change::run).isInstanceOf(DomainException.class).hasMessage(messageKey);
    }

    @Test
    void anApplicantIsApprovedAndOnboardedOnlyOnceEveryRequiredRequirementIsValid() {
        var volunteer = applied(false);
        assertThat(volunteer.stage()).isEqualTo(VolunteerStage.APPLIED);
        refused(() -> volunteer.onboard(TODAY, STAFF, NOW), "volunteer.transition.illegal");
        volunteer.approve(STAFF, NOW);
        refused(() -> volunteer.onboard(TODAY, STAFF, NOW), "volunteer.requirements.missing");
        assertThat(volunteer.missingOn(TODAY)).containsExactlyInAnyOrder(Requirement.CRIMINAL_RECORD,
                Requirement.CONFIDENTIALITY);
        volunteer.meet(Requirement.CRIMINAL_RECORD, TODAY.minusDays(5), TODAY.plusYears(2), TODAY, STAFF, NOW);
        volunteer.meet(Requirement.CONFIDENTIALITY, TODAY, null, TODAY, STAFF, NOW);
        volunteer.onboard(TODAY, STAFF, NOW);
        assertThat(volunteer.stage()).isEqualTo(VolunteerStage.ONBOARDED);
        assertThat(volunteer.isAssignableOn(TODAY)).isTrue();
        assertThat(volunteer.vettedUntil()).isEqualTo(TODAY.plusYears(2));
        assertThat(volunteer.history()).extracting(Volunteer.Change::toStage).containsExactly(VolunteerStage.APPLIED,
                VolunteerStage.APPROVED, VolunteerStage.ONBOARDED);
        refused(() -> volunteer.approve(STAFF, NOW), "volunteer.transition.illegal");
    }

    @Test
    void aPeerNeedsPeerTrainingAndTheCriminalRecordIsRequiredOnlyWhereTheWorkCallsForIt() {
        var peer = applied(true);
        assertThat(peer.required()).containsExactlyInAnyOrder(Requirement.CONFIDENTIALITY,
                Requirement.CRIMINAL_RECORD, Requirement.PEER_TRAINING);
        var withoutRecord = Volunteer.apply(profile(false, false), null, null, STAFF, NOW);
        assertThat(withoutRecord.required()).containsExactly(Requirement.CONFIDENTIALITY);
        withoutRecord.meet(Requirement.CONFIDENTIALITY, TODAY, null, TODAY, STAFF, NOW);
        assertThat(withoutRecord.isVettedOn(TODAY)).isTrue();
        assertThat(withoutRecord.vettedUntil()).isEqualTo(Volunteer.NEVER);
    }

    @Test
    void pausingAndDecliningNeedAReasonAndADeclinedVolunteerStaysDeclined() {
        var volunteer = onboarded();
        refused(() -> volunteer.pause("  ", STAFF, NOW), "volunteer.reason.missing");
        volunteer.pause("Tre ugers ferie", STAFF, NOW);
        assertThat(volunteer.stage()).isEqualTo(VolunteerStage.PAUSED);
        assertThat(volunteer.isAssignableOn(TODAY)).as("paused is not active").isFalse();
        volunteer.onboard(TODAY, STAFF, NOW);
        refused(() -> volunteer.decline(null, STAFF, NOW), "volunteer.reason.missing");
        volunteer.decline("Flytter fra kommunen", STAFF, NOW);
        refused(() -> volunteer.decline("igen", STAFF, NOW), "volunteer.transition.illegal");
        refused(() -> volunteer.onboard(TODAY, STAFF, NOW), "volunteer.transition.illegal");
        assertThat(volunteer.history().getLast().reason()).isEqualTo("Flytter fra kommunen");
    }

    @Test
    void aRequirementLapsingWithinThirtyDaysWarnsAndALapsedOneExpiresTheVolunteer() {
        var volunteer = onboarded();
        volunteer.meet(Requirement.CRIMINAL_RECORD, TODAY.minusYears(2), TODAY.plusDays(20), TODAY, STAFF, NOW);
        assertThat(volunteer.lapsingWithin(Volunteers.WARN_DAYS, TODAY)).containsExactly(Requirement.CRIMINAL_RECORD);
        assertThat(volunteer.lapsingWithin(Volunteers.WARN_DAYS, TODAY.minusDays(11))).isEmpty();
        assertThat(volunteer.isAssignableOn(TODAY.plusDays(20))).isTrue();
        assertThat(volunteer.expireIfLapsed(TODAY.plusDays(20), "Udløbet", "system", NOW)).isFalse();

        var dayAfter = TODAY.plusDays(21);
        assertThat(volunteer.isAssignableOn(dayAfter)).isFalse();
        assertThat(volunteer.expireIfLapsed(dayAfter, "Udløbet: straffeattest", "system", NOW)).isTrue();
        assertThat(volunteer.stage()).isEqualTo(VolunteerStage.EXPIRED);
        refused(() -> volunteer.onboard(dayAfter, STAFF, NOW), "volunteer.requirements.missing");
        volunteer.meet(Requirement.CRIMINAL_RECORD, dayAfter.minusDays(1), dayAfter.plusYears(2), dayAfter, STAFF, NOW);
        volunteer.onboard(dayAfter, STAFF, NOW);
        assertThat(volunteer.stage()).isEqualTo(VolunteerStage.ONBOARDED);
    }

    @Test
    void requirementsAndProfilesRefuseBadInputInDanish() {
        var volunteer = applied(false);
        refused(() -> volunteer.meet(null, TODAY, null, TODAY, STAFF, NOW), "volunteer.requirement.kindMissing");
        refused(() -> volunteer.meet(Requirement.CONFIDENTIALITY, null, null, TODAY, STAFF, NOW),
                "volunteer.requirement.dateMissing");
        refused(() -> volunteer.meet(Requirement.CONFIDENTIALITY, TODAY.plusDays(1), null, TODAY, STAFF, NOW),
                "volunteer.requirement.future");
        refused(() -> volunteer.meet(Requirement.CRIMINAL_RECORD, TODAY, TODAY, TODAY, STAFF, NOW),
                "volunteer.requirement.expiresBeforeMet");
        refused(() -> Volunteer.apply(new Volunteer.Profile("Birgit", "20304050", null, "71", null, false, true,
                Set.of(), Set.of(), Set.of()), null, null, STAFF, NOW), "volunteer.postcode.invalid");
        refused(() -> Volunteer.apply(new Volunteer.Profile("Birgit", null, null, "7100", null, false, true,
                Set.of(), Set.of(), Set.of()), null, null, STAFF, NOW), "volunteer.contact.missing");
        refused(() -> Volunteer.apply(new Volunteer.Profile(" ", "20304050", null, "7100", null, false, true,
                Set.of(), Set.of(), Set.of()), null, null, STAFF, NOW), "volunteer.name.missing");
        assertThat(applied(false).languages()).containsExactly("dansk");
    }

    @Test
    void anAssignmentIsAnsweredOnceReportedInTwoTapsAndHandedBackOnlyWhileOpen() {
        var referral = new ReferralId(UUID.randomUUID());
        var assignment = Assignment.propose(UUID.randomUUID(), referral, null, "Torvet 1", STAFF, NOW);
        refused(() -> assignment.report(Assignment.Visit.WENT_TOGETHER, Assignment.Next.ALONE, null, TODAY, NOW),
                "volunteer.assignment.illegal");
        assignment.accept(NOW);
        refused(() -> assignment.accept(NOW), "volunteer.assignment.illegal");
        refused(() -> assignment.report(Assignment.Visit.WENT_TOGETHER, null, null, TODAY, NOW), "volunteer.report.incomplete");
        refused(() -> assignment.report(Assignment.Visit.WENT_TOGETHER, Assignment.Next.ALONE, 0, TODAY, NOW),
                "volunteer.report.minutes.invalid");
        refused(() -> assignment.report(Assignment.Visit.WENT_TOGETHER, Assignment.Next.ALONE, 13 * 60, TODAY, NOW),
                "volunteer.report.minutes.invalid");
        assignment.report(Assignment.Visit.WENT_TOGETHER, Assignment.Next.ALONE, 90, TODAY, NOW);
        assertThat(assignment.minutesGiven()).isEqualTo(90);
        assertThat(assignment.status()).isEqualTo(Assignment.Status.REPORTED);
        refused(() -> assignment.handBack("pause"), "volunteer.assignment.illegal");

        var declined = Assignment.propose(UUID.randomUUID(), referral, null, null, STAFF, NOW);
        declined.decline(null, NOW);
        assertThat(declined.isOpen()).isFalse();
        var handedBack = Assignment.propose(UUID.randomUUID(), referral, null, null, STAFF, NOW);
        handedBack.handBack("Holder pause");
        assertThat(handedBack.status()).isEqualTo(Assignment.Status.HANDED_BACK);
    }

    @Test
    void aCompanionGoesAlongSeveralTimesWithFallingSupportUntilTheCitizenGoesAlone() {
        var assignment = Assignment.propose(UUID.randomUUID(), new ReferralId(UUID.randomUUID()), null, null, STAFF, NOW);
        assignment.accept(NOW);
        refused(() -> assignment.accompanied(TODAY, Assignment.Support.AT_THE_DOOR, null, TODAY, NOW),
                "volunteer.time.notNow");
        assignment.report(Assignment.Visit.WENT_TOGETHER, Assignment.Next.AGAIN_TOGETHER, 120, TODAY.minusDays(14), NOW);
        assertThat(assignment.times()).extracting(Assignment.Time::support)
                .as("the first visit is the first time, along the whole way").containsExactly(Assignment.Support.ALL_THE_WAY);

        assignment.accompanied(TODAY.minusDays(7), Assignment.Support.AT_THE_DOOR, 45, TODAY, NOW);
        refused(() -> assignment.accompanied(TODAY, Assignment.Support.ALL_THE_WAY, null, TODAY, NOW),
                "volunteer.time.supportRises");
        refused(() -> assignment.accompanied(TODAY.minusDays(8), Assignment.Support.PHONE_BEFORE, null, TODAY, NOW),
                "volunteer.time.beforeLast");
        refused(() -> assignment.accompanied(TODAY.plusDays(1), Assignment.Support.PHONE_BEFORE, null, TODAY, NOW),
                "volunteer.time.future");
        refused(() -> assignment.accompanied(TODAY, null, null, TODAY, NOW), "volunteer.time.incomplete");
        assignment.accompanied(TODAY, Assignment.Support.PHONE_BEFORE, 10, TODAY, NOW);
        assertThat(assignment.minutesGiven()).as("every time counts in the hours given").isEqualTo(175);
        assertThat(assignment.takesAnotherTime()).isTrue();

        assignment.accompanied(TODAY, Assignment.Support.ALONE, null, TODAY, NOW);
        assertThat(assignment.goesAlone()).isTrue();
        assertThat(assignment.takesAnotherTime()).isFalse();
        refused(() -> assignment.accompanied(TODAY, Assignment.Support.ALONE, null, TODAY, NOW), "volunteer.time.notNow");
        assertThat(assignment.times()).extracting(Assignment.Time::support).containsExactly(
                Assignment.Support.ALL_THE_WAY, Assignment.Support.AT_THE_DOOR, Assignment.Support.PHONE_BEFORE,
                Assignment.Support.ALONE);
    }

    @Test
    void theOfferNameSuggestsTheInterestsToMatchOn() {
        assertThat(VolunteerSuggestions.interestsOf("Strikkecafé")).containsExactlyInAnyOrder(Interest.CRAFTS,
                Interest.COFFEE_AND_TALK);
        assertThat(VolunteerSuggestions.interestsOf("Seniorkoret")).containsExactly(Interest.SINGING);
        assertThat(VolunteerSuggestions.interestsOf("Banko i Fjordlund")).containsExactly(Interest.CARDS_AND_GAMES);
        assertThat(VolunteerSuggestions.interestsOf("Gåhold ved havnen")).contains(Interest.WALKING);
    }
}
