package dk.brobygger.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.shared.DomainException;

import org.junit.jupiter.api.Test;

/** What a referral allows, on the aggregate itself (no Spring, no database): the FHIR Task state machine. */
class ReferralRulesTests {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final LocalDateTime LOCAL_NOW = LocalDateTime.of(2026, 3, 10, 13, 0);
    static final CitizenId KAREN = new CitizenId(UUID.randomUUID());
    static final String STAFF = "faellesteam";
    static final String ASSOCIATION = "kontakt";

    static Referral draft(boolean accompaniment, Set<SharedField> shared) {
        return Referral.draft(new Referral.Draft(KAREN, UUID.randomUUID(), "Strikkecafé", UUID.randomUUID(),
                "Strikkeklubben Maske for Maske", "faellesteam", SupportLevel.ACCOMPANIED, accompaniment, shared,
                "Karen", "Telefon 12 34 56 78", "Jeg vil gerne strikke med andre", null, false), STAFF, NOW);
    }

    static Referral requested() {
        var referral = draft(false, EnumSet.allOf(SharedField.class));
        referral.send(STAFF, NOW);
        return referral;
    }

    static Referral inProgress() {
        var referral = requested();
        referral.accept(ASSOCIATION, NOW);
        referral.recordAttendance(true, ASSOCIATION, NOW);
        return referral;
    }

    static void refused(Runnable change, String messageKey) {
        assertThatThrownBy(change::run).isInstanceOf(DomainException.class).hasMessage(messageKey);
    }

    @Test
    void aDraftIsSentAndThenWaitsForAnAnswer() {
        var referral = draft(false, EnumSet.allOf(SharedField.class));
        assertThat(referral.status()).isEqualTo(ReferralStatus.DRAFT);
        referral.send(STAFF, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(referral.requestedAt()).isEqualTo(NOW);
        assertThat(referral.answeredAt()).isNull();
        refused(() -> referral.send(STAFF, NOW), "referral.transition.illegal");
    }

    @Test
    void aWithdrawnConsentCancelsAnUnansweredReferralAndPutsOneUnderWayOnHold() {
        var unanswered = requested();
        assertThat(unanswered.consentWithdrawn(Referrals.CONSENT_WITHDRAWN, "system", NOW)).isTrue();
        assertThat(unanswered.status()).as("on hold is not a state a requested Task may go to")
                .isEqualTo(ReferralStatus.CANCELLED);
        assertThat(unanswered.statusReason()).contains("trukket samtykket");
        assertThat(unanswered.history().getLast().fromStatus()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(unanswered.domainEvents()).anyMatch(ReferralClosed.class::isInstance);
        refused(() -> unanswered.accept(ASSOCIATION, NOW), "referral.transition.illegal");

        var underWay = inProgress();
        assertThat(underWay.consentWithdrawn(Referrals.CONSENT_WITHDRAWN, "system", NOW)).isTrue();
        assertThat(underWay.status()).isEqualTo(ReferralStatus.ON_HOLD);
        assertThat(underWay.businessStatus()).isEqualTo(BusinessStatus.NEEDS_CITIZEN_ACTION);

        var closed = inProgress();
        closed.complete("Kommer fast hver tirsdag", ASSOCIATION, NOW);
        assertThat(closed.consentWithdrawn(Referrals.CONSENT_WITHDRAWN, "system", NOW)).isFalse();
        assertThat(closed.status()).isEqualTo(ReferralStatus.COMPLETED);
    }

    @Test
    void onlyWhatTheCitizenAgreedToShareIsKeptAsShared() {
        var referral = draft(false, EnumSet.of(SharedField.WORDS));
        assertThat(referral.shared()).containsExactly(SharedField.WORDS);
        assertThat(referral.firstName()).isNull();
        assertThat(referral.contact()).isNull();
        assertThat(referral.sharedWords()).isEqualTo("Jeg vil gerne strikke med andre");

        var noWords = Referral.draft(new Referral.Draft(KAREN, UUID.randomUUID(), "Strikkecafé", UUID.randomUUID(),
                "Strikkeklubben", "faellesteam", null, false, EnumSet.of(SharedField.WORDS), "Karen", null, " ", null, false),
                STAFF, NOW);
        assertThat(noWords.shared()).as("no words, nothing to share").isEmpty();

        var nothingShared = draft(false, Set.of());
        assertThat(nothingShared.sharedWords()).isNull();
        assertThat(nothingShared.citizenWords()).as("the referrer's record of the citizen's words")
                .isEqualTo("Jeg vil gerne strikke med andre");
    }

    @Test
    void sharingAContactRouteNeedsOne() {
        refused(() -> Referral.draft(new Referral.Draft(KAREN, UUID.randomUUID(), "Strikkecafé", UUID.randomUUID(),
                "Strikkeklubben", "faellesteam", null, false, EnumSet.of(SharedField.CONTACT), "Karen", " ", null, null, false),
                STAFF, NOW), "referral.contact.missing");
    }

    @Test
    void aRequestedReferralIsAcceptedAndAnswered() {
        var referral = requested();
        referral.accept(ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.answeredAt()).isEqualTo(NOW);
        assertThat(referral.businessStatus()).isNull();
    }

    @Test
    void aBuddyIsAssignedOnlyOnceTheAssociationAcceptedAReferralWithAccompaniment() {
        var referral = draft(true, Set.of());
        referral.send(STAFF, NOW);
        refused(() -> referral.buddyAssigned("Jens Frivillig", STAFF, NOW), "volunteer.assign.notAccepted");
        referral.accept(ASSOCIATION, NOW);
        assertThat(referral.businessStatus()).isNull();
        referral.buddyAssigned("Jens Frivillig", STAFF, NOW);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.BUDDY_ASSIGNED);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.history().getLast().reason()).isEqualTo("Følges af Jens Frivillig");
        var alone = requested();
        alone.accept(ASSOCIATION, NOW);
        refused(() -> alone.buddyAssigned("Jens Frivillig", STAFF, NOW), "volunteer.assign.noAccompaniment");
    }

    @Test
    void decliningNeedsAReasonAndOtherNeedsItInWords() {
        var referral = requested();
        refused(() -> referral.decline(null, null, ASSOCIATION, NOW), "referral.decline.reasonMissing");
        refused(() -> referral.decline(BusinessStatus.OTHER, "  ", ASSOCIATION, NOW), "referral.decline.reasonMissing");
        refused(() -> referral.decline(BusinessStatus.ATTENDED, "x", ASSOCIATION, NOW), "referral.decline.reasonMissing");
        assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);

        referral.decline(BusinessStatus.NOT_ELIGIBLE, null, ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.NOT_ELIGIBLE);
        assertThat(referral.domainEvents()).containsExactly(
                new ReferralClosed(referral.id(), KAREN, ReferralStatus.REJECTED));
    }

    @Test
    void aFullOfferPutsTheCitizenOnTheWaitlistUntilAPlaceIsFree() {
        var referral = requested();
        referral.waitlist("Plads fra august", ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ON_HOLD);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.NO_CAPACITY);
        assertThat(referral.answeredAt()).as("waitlisting answers the referral").isEqualTo(NOW);
        referral.accept(ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void aFirstDateIsProposedOnlyForAnAcceptedReferralAndNotInThePast() {
        var referral = requested();
        refused(() -> referral.proposeFirstDate(LOCAL_NOW.plusDays(2), LOCAL_NOW, ASSOCIATION, NOW),
                "referral.transition.illegal");
        referral.accept(ASSOCIATION, NOW);
        refused(() -> referral.proposeFirstDate(null, LOCAL_NOW, ASSOCIATION, NOW), "referral.firstDate.missing");
        refused(() -> referral.proposeFirstDate(LOCAL_NOW.minusDays(1), LOCAL_NOW, ASSOCIATION, NOW),
                "referral.firstDate.past");
        referral.proposeFirstDate(LOCAL_NOW.plusDays(2), LOCAL_NOW, ASSOCIATION, NOW);
        assertThat(referral.firstDate()).isEqualTo(LOCAL_NOW.plusDays(2));
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.FIRST_VISIT_PLANNED);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
    }

    @Test
    void comingTheFirstTimeStartsTheReferralAndNotComingIsKept() {
        var referral = requested();
        referral.accept(ASSOCIATION, NOW);
        referral.recordAttendance(false, ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.DID_NOT_ATTEND);
        referral.recordAttendance(true, ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ATTENDED);
        assertThat(referral.attendances()).isEqualTo(1);
    }

    @Test
    void aCitizenWhoWasAccompaniedTheFirstTimeIsRecordedAsSuch() {
        var referral = draft(true, Set.of());
        referral.send(STAFF, NOW);
        referral.accept(ASSOCIATION, NOW);
        referral.recordAttendance(true, ASSOCIATION, NOW);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ACCOMPANIED_TO_FIRST_VISIT);
    }

    @Test
    void attendanceIsNotRecordedBeforeTheReferralIsAccepted() {
        var referral = requested();
        refused(() -> referral.recordAttendance(true, ASSOCIATION, NOW), "referral.transition.illegal");
        assertThat(referral.attendances()).isZero();
    }

    @Test
    void attendingRegularlyNeedsTheConfiguredNumberOfTimes() {
        var referral = inProgress();
        refused(() -> referral.attendingRegularly(3, ASSOCIATION, NOW), "referral.regularly.tooFew");
        referral.recordAttendance(true, ASSOCIATION, NOW);
        referral.recordAttendance(true, ASSOCIATION, NOW);
        referral.attendingRegularly(3, ASSOCIATION, NOW);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.ATTENDING_REGULARLY);
        referral.recordAttendance(true, ASSOCIATION, NOW);
        assertThat(referral.businessStatus()).as("still attending regularly").isEqualTo(BusinessStatus.ATTENDING_REGULARLY);
    }

    @Test
    void inProgressAndOnHoldGoBackAndForth() {
        var referral = inProgress();
        refused(() -> referral.hold(BusinessStatus.NEEDS_CITIZEN_ACTION, null, ASSOCIATION, NOW),
                "referral.reason.missing");
        referral.hold(BusinessStatus.NEEDS_CITIZEN_ACTION, "Borgeren ringer selv", ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ON_HOLD);
        referral.resume(ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        refused(() -> referral.resume(ASSOCIATION, NOW), "referral.transition.illegal");
    }

    @Test
    void completingNeedsAnOutcome() {
        var referral = inProgress();
        refused(() -> referral.complete(" ", ASSOCIATION, NOW), "referral.outcome.missing");
        assertThat(referral.status()).isEqualTo(ReferralStatus.IN_PROGRESS);
        referral.complete("Kommer nu på egen hånd", ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(referral.outcome()).isEqualTo("Kommer nu på egen hånd");
    }

    @Test
    void onlyAReferralInProgressIsCompleted() {
        var referral = requested();
        refused(() -> referral.complete("Godt", ASSOCIATION, NOW), "referral.transition.illegal");
    }

    @Test
    void stoppingNeedsOneOfTheStopReasons() {
        var referral = inProgress();
        refused(() -> referral.stop(null, null, ASSOCIATION, NOW), "referral.stop.reasonMissing");
        refused(() -> referral.stop(BusinessStatus.NOT_ELIGIBLE, null, ASSOCIATION, NOW), "referral.stop.reasonMissing");
        referral.stop(BusinessStatus.NO_LONGER_INTERESTED, null, ASSOCIATION, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.FAILED);
        assertThat(referral.businessStatus()).isEqualTo(BusinessStatus.NO_LONGER_INTERESTED);
    }

    @Test
    void cancellingNeedsAReasonAndOnlyAnOpenReferralIsCancelled() {
        var referral = requested();
        refused(() -> referral.cancel(null, STAFF, NOW), "referral.cancel.reasonMissing");
        referral.cancel("Borgeren er flyttet", STAFF, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.CANCELLED);
        assertThat(referral.statusReason()).isEqualTo("Borgeren er flyttet");
        refused(() -> referral.cancel("igen", STAFF, NOW), "referral.transition.illegal");
    }

    @Test
    void acceptingACompletedReferralIsRefused() {
        var referral = inProgress();
        referral.complete("Kommer fast", ASSOCIATION, NOW);
        refused(() -> referral.accept(ASSOCIATION, NOW), "referral.transition.illegal");
        refused(() -> referral.decline(BusinessStatus.NO_CAPACITY, null, ASSOCIATION, NOW), "referral.transition.illegal");
        refused(() -> referral.waitlist(null, ASSOCIATION, NOW), "referral.transition.illegal");
        refused(() -> referral.reopen("igen", STAFF, NOW), "referral.transition.illegal");
        assertThat(referral.status()).isEqualTo(ReferralStatus.COMPLETED);
    }

    @Test
    void enteredInErrorIsFinalAndNeedsAReason() {
        var referral = requested();
        refused(() -> referral.enteredInError(null, STAFF, NOW), "referral.reason.missing");
        referral.enteredInError("Forkert borger", STAFF, NOW);
        assertThat(referral.status()).isEqualTo(ReferralStatus.ENTERED_IN_ERROR);
        refused(() -> referral.enteredInError("igen", STAFF, NOW), "referral.transition.illegal");
        refused(() -> referral.reopen("igen", STAFF, NOW), "referral.transition.illegal");
        refused(() -> referral.cancel("igen", STAFF, NOW), "referral.transition.illegal");
    }

    @Test
    void reopeningADeclinedReferralRequestsItAgainAndKeepsTheHistory() {
        var referral = requested();
        referral.decline(BusinessStatus.NO_CAPACITY, null, ASSOCIATION, NOW);
        refused(() -> referral.reopen(null, STAFF, NOW), "referral.reason.missing");
        var later = NOW.plusSeconds(3600);
        referral.reopen("Der er plads nu", STAFF, later);
        assertThat(referral.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(referral.requestedAt()).isEqualTo(later);
        assertThat(referral.answeredAt()).isNull();
        assertThat(referral.history()).extracting(Referral.Change::toStatus).containsExactly(ReferralStatus.DRAFT,
                ReferralStatus.REQUESTED, ReferralStatus.REJECTED, ReferralStatus.REQUESTED);
    }

    @Test
    void everyChangeKeepsWhoWhenFromToAndWhy() {
        var referral = requested();
        referral.decline(BusinessStatus.OTHER, "Holdet er nedlagt", ASSOCIATION, NOW);
        var last = referral.history().getLast();
        assertThat(last.changedBy()).isEqualTo(ASSOCIATION);
        assertThat(last.changedAt()).isEqualTo(NOW);
        assertThat(last.fromStatus()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(last.toStatus()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(last.businessStatus()).isEqualTo(BusinessStatus.OTHER);
        assertThat(last.reason()).isEqualTo("Holdet er nedlagt");
    }

    @Test
    void anUnansweredReferralIsFlaggedOnceAndAnAnsweredOneNever() {
        var referral = requested();
        assertThat(referral.flagUnanswered(NOW)).isTrue();
        assertThat(referral.flagUnanswered(NOW)).isFalse();
        var answered = requested();
        answered.accept(ASSOCIATION, NOW);
        assertThat(answered.flagUnanswered(NOW)).isFalse();
    }

    @Test
    void statesFollowTheFhirTaskCodes() {
        assertThat(ReferralStatus.IN_PROGRESS.fhirCode()).isEqualTo("in-progress");
        assertThat(ReferralStatus.ENTERED_IN_ERROR.fhirCode()).isEqualTo("entered-in-error");
        assertThat(EnumSet.allOf(ReferralStatus.class)).filteredOn(ReferralStatus::isOpen).containsExactlyInAnyOrder(
                ReferralStatus.DRAFT, ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS,
                ReferralStatus.ON_HOLD);
    }

    @Test
    void theCitizensNoCancelsAsNoLongerWantedNotNowHoldsOneUnderWayAndYesChangesNoState() {
        var waiting = requested();
        waiting.citizenAnswered(CitizenAnswer.NOT_NOW, ContactWish.PHONE, null, AnswerChannel.MIG, "borger", NOW);
        assertThat(waiting.status()).isEqualTo(ReferralStatus.REQUESTED);
        waiting.citizenAnswered(CitizenAnswer.YES, ContactWish.NOT_AT_ALL, " Helst om tirsdagen ", AnswerChannel.PHONE_CALL,
                STAFF, NOW);
        assertThat(waiting.status()).isEqualTo(ReferralStatus.REQUESTED);
        assertThat(waiting.citizenWantsNoContact()).isTrue();
        assertThat(waiting.citizenNote()).isEqualTo("Helst om tirsdagen");
        assertThat(waiting.history().getLast().citizenSaid()).isEqualTo("referral.citizenAnswer.YES");
        assertThat(waiting.history().getLast().via()).isEqualTo(AnswerChannel.PHONE_CALL);

        var underWay = inProgress();
        underWay.citizenAnswered(CitizenAnswer.NOT_NOW, null, null, AnswerChannel.MIG, "borger", NOW);
        assertThat(underWay.status()).isEqualTo(ReferralStatus.ON_HOLD);
        assertThat(underWay.businessStatus()).isEqualTo(BusinessStatus.NEEDS_CITIZEN_ACTION);
        underWay.citizenAnswered(CitizenAnswer.NO, null, null, AnswerChannel.MIG, "borger", NOW);
        assertThat(underWay.status()).isEqualTo(ReferralStatus.CANCELLED);
        assertThat(underWay.businessStatus()).isEqualTo(BusinessStatus.NO_LONGER_INTERESTED);
        assertThat(underWay.domainEvents()).hasAtLeastOneElementOfType(ReferralClosed.class);
        refused(() -> underWay.citizenAnswered(CitizenAnswer.YES, null, null, AnswerChannel.MIG, "borger", NOW),
                "referral.transition.illegal");
    }

    @Test
    void theCitizenTellsHowItWentOnlyOnceTheFirstTimeHasComeOrTheyCame() {
        var accepted = requested();
        accepted.accept(ASSOCIATION, NOW);
        refused(() -> accepted.citizenReported(CitizenReport.WANT_AGAIN, null, AnswerChannel.MIG, "borger", NOW,
                LOCAL_NOW), "referral.report.tooEarly");
        accepted.proposeFirstDate(LOCAL_NOW.plusDays(2), LOCAL_NOW, ASSOCIATION, NOW);
        refused(() -> accepted.citizenReported(CitizenReport.WANT_AGAIN, null, AnswerChannel.MIG, "borger", NOW,
                LOCAL_NOW.plusDays(1)), "referral.report.tooEarly");
        accepted.citizenReported(CitizenReport.GO_ALONE, null, AnswerChannel.MIG, "borger", NOW, LOCAL_NOW.plusDays(3));
        assertThat(accepted.citizenReport()).isEqualTo(CitizenReport.GO_ALONE);
        assertThat(accepted.status()).isEqualTo(ReferralStatus.ACCEPTED);
    }
}
