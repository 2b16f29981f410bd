package dk.brobygger.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.homevisit.TestHomeVisits;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRetention;
import dk.brobygger.directory.OfferChanged;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Referring a citizen to an offer and the association answering (issue 15): the fit before sending, the Danish
 * refusals (no consent, an inactive offer, twice to the same offer), only what was chosen is shared, the referrer's
 * team sees the citizen while the referral is open, an association sees only its own organisation's referrals and
 * only what the citizen consented to, and two answers at once never overwrite each other.
 */
@BrobyggerTest
@EnableScenarios
class ReferralTests {

    static final RequestPostProcessor STAFF = httpBasic("faellesteam", "demo");
    static final RequestPostProcessor CONTACT = httpBasic("kontakt", "demo");
    static final RequestPostProcessor OTHER_CONTACT = httpBasic("kontakt2", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired Clock clock;
    @Autowired UnansweredReferrals unanswered;
    @Autowired ReferralContribution contribution;

    UUID karen;
    UUID knitting;
    UUID choir;
    Location square;

    @BeforeEach
    void karenTheTeamWorksWithAndTwoAssociations() {
        data.reset();
        directory.reset();
        karen = data.citizen("Karen Marie Jensen", LocalDate.now(clock).minusYears(78), "ALONE", "ØST");
        data.relate(karen, "faellesteam");
        var club = directory.organization("Strikkeklubben Maske for Maske");
        square = directory.location(club, "Torvet 1", "7100", "ØST", 55.7090, 9.5360, true);
        knitting = directory.offer(square, "Strikkecafé").accompaniment().save().id();
        var singers = directory.organization("Fjordlund Seniorkor");
        choir = directory.offer(directory.location(singers, "Kirkevej 2", "7130", "ØST", 55.73, 9.62, true),
                "Seniorkoret").save().id();
        users.assignOrganization("kontakt", club.id());
        users.assignOrganization("kontakt2", singers.id());
        consent(karen, "Strikkeklubben Maske for Maske");
        consent(karen, "Fjordlund Seniorkor");
    }

    void consent(UUID citizen, String association) {
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'ASSOCIATION', :name, 'Henvisning', :today, 'faellesteam', :now)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("name", association)
                .param("today", LocalDate.now(clock)).param("now", Timestamp.from(Instant.now())).update();
    }

    UUID refer(UUID offer, String... shared) throws Exception {
        var request = post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf())
                .param("tilbud", offer.toString()).param("stoette", "ACCOMPANIED")
                .param("kontakt", "Ring 12 34 56 78 om formiddagen").param("ord", "Jeg vil gerne ud blandt andre");
        for (String field : shared) {
            request.param("deles", field);
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "referral.sent")).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    long version(UUID referral) {
        return jdbc.sql("SELECT version FROM referral WHERE id = :id").param("id", referral).query(Long.class).single();
    }

    String stateOf(UUID referral) {
        return jdbc.sql("SELECT status FROM referral WHERE id = :id").param("id", referral).query(String.class).single();
    }

    long openRelations(UUID referral) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM citizen_relation WHERE work_kind = 'referral' AND work_id = :id AND ended_at IS NULL
                """).param("id", referral).query(Long.class).single();
    }

    @Test
    void theFitShowsSupportAgeDistanceScheduleAndCapacityBeforeAnythingIsSent() throws Exception {
        jdbc.sql("UPDATE offer SET places_left = 3, min_age = 60 WHERE id = :id").param("id", knitting).update();
        mvc.perform(get("/borgere/{id}/henvisninger/ny", karen).with(STAFF).param("tilbud", knitting.toString())
                        .param("stoette", SupportLevel.ACCOMPANIED.name()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Passer tilbuddet til borgeren?")))
                .andExpect(content().string(containsString("foreningen kan følge borgeren derhen")))
                .andExpect(content().string(containsString("Borgeren er 78 år. Tilbuddet er for 60 til – år.")))
                .andExpect(content().string(containsString("km fra borgerens adresse")))
                .andExpect(content().string(containsString("Tirsdag 10:00–12:00")))
                .andExpect(content().string(containsString("3 ledige pladser")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single()).isZero();
    }

    @Test
    void referralWithoutConsentIsRefusedInDanishAndNothingIsSaved() throws Exception {
        jdbc.sql("DELETE FROM consent").update();
        mvc.perform(post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf())
                        .param("tilbud", knitting.toString()).param("deles", "FIRST_NAME")
                        .param("ord", "Jeg vil gerne strikke"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Borgeren har ikke givet samtykke til, at oplysninger deles med foreningen Strikkeklubben Maske for Maske")))
                .andExpect(content().string(containsString("Jeg vil gerne strikke")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single()).isZero();
    }

    @Test
    void aReferralWithoutAnOfferAsksForOneAfterTheNeedToKnowCheckAndNothingIsSaved() throws Exception {
        mvc.perform(post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf()).param("deles", "FIRST_NAME"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Vælg det tilbud, borgeren skal henvises til.")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single()).isZero();
    }

    @Test
    void aReferralToAnInactiveOfferIsRefused() throws Exception {
        UUID closed = directory.offer(square, "Gammel strikkeklub").status(OfferStatus.INACTIVE).save().id();
        mvc.perform(post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf()).param("tilbud", closed.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("er ikke aktivt og kan ikke modtage henvisninger")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single()).isZero();
    }

    @Test
    void aFullOfferWithoutAWaitlistIsNeverSentAndOneWithAWaitlistOnlyWhenTheWaitlistIsChosen() throws Exception {
        jdbc.sql("UPDATE offer SET places_left = 0, waitlist = FALSE WHERE id = :id").param("id", knitting).update();
        mvc.perform(post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf()).param("tilbud", knitting.toString()))
                .andExpect(content().string(containsString("er fuldt og har ingen venteliste")));
        jdbc.sql("UPDATE offer SET waitlist = TRUE WHERE id = :id").param("id", knitting).update();
        mvc.perform(post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf()).param("tilbud", knitting.toString()))
                .andExpect(content().string(containsString("Sæt kryds ved venteliste")));
        mvc.perform(post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf()).param("tilbud", knitting.toString())
                        .param("venteliste", "true"))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aSecondOpenReferralToTheSameOfferIsRefused() throws Exception {
        refer(knitting, "FIRST_NAME");
        mvc.perform(post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf()).param("tilbud", knitting.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("er allerede henvist til Strikkecafé")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void referringRecordsWhatIsSharedAndOpensTheTeamsRelationUntilTheReferralCloses() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME", "WORDS");
        assertThat(jdbc.sql("SELECT shared_fields || '|' || first_name || '|' || COALESCE(contact, '-') FROM referral")
                .query(String.class).single()).isEqualTo("FIRST_NAME,WORDS|Karen|-");
        assertThat(openRelations(referral)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT team FROM citizen_relation WHERE work_id = :id").param("id", referral)
                .query(String.class).single()).isEqualTo("faellesteam");

        mvc.perform(get("/borgere/{id}/henvisninger", karen).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkecafé")));
        mvc.perform(post("/forening/henvisninger/{id}", referral).with(CONTACT).with(csrf()).param("svar", "DECLINE")
                        .param("grund", "NO_CAPACITY").param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("success", "referral.answered"));
        assertThat(stateOf(referral)).isEqualTo("REJECTED");
        assertThat(openRelations(referral)).isZero();
        mvc.perform(get("/henvisninger/{id}", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen ledig plads")))
                .andExpect(content().string(containsString("Karin Kontaktperson")));
    }

    @Test
    void withdrawingTheConsentPutsTheAcceptedReferralOnHoldAndTellsTheReferrerAndLeavesTheOtherAssociationAlone()
            throws Exception {
        UUID knit = refer(knitting, "FIRST_NAME", "CONTACT");
        UUID sing = refer(choir, "FIRST_NAME");
        mvc.perform(post("/forening/henvisninger/{id}", knit).with(CONTACT).with(csrf()).param("svar", "ACCEPT")
                        .param("version", String.valueOf(version(knit))))
                .andExpect(flash().attribute("success", "referral.answered"));
        UUID consent = jdbc.sql("SELECT id FROM consent WHERE citizen_id = :c AND party_name = 'Strikkeklubben Maske for Maske'")
                .param("c", karen).query(UUID.class).single();

        mvc.perform(post("/api/citizens/{id}/consents/{consent}/withdraw", karen, consent).with(STAFF))
                .andExpect(status().isOk());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stateOf(knit)).isEqualTo("ON_HOLD"));
        assertThat(jdbc.sql("SELECT reason FROM referral_change WHERE referral_id = :id AND to_status = 'ON_HOLD'")
                .param("id", knit).query(String.class).single()).contains("trukket samtykket");
        assertThat(stateOf(sing)).as("the choir's consent still holds").isEqualTo("REQUESTED");
        mvc.perform(get("/forening/henvisninger/{id}", knit).with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Ring 12 34 56 78"))));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_notification WHERE referral_id = :id AND message_key = 'referral.notify.consentWithdrawn'
                """).param("id", knit).query(Long.class).single()).isPositive();
    }

    @Test
    void withdrawingTheConsentBeforeTheAssociationAnsweredWithdrawsTheReferralFromItsInboxAndTellsTheReferrer()
            throws Exception {
        UUID knit = refer(knitting, "FIRST_NAME", "CONTACT", "WORDS");
        assertThat(openRelations(knit)).isOne();
        UUID consent = jdbc.sql("SELECT id FROM consent WHERE citizen_id = :c AND party_name = 'Strikkeklubben Maske for Maske'")
                .param("c", karen).query(UUID.class).single();

        mvc.perform(post("/api/citizens/{id}/consents/{consent}/withdraw", karen, consent).with(STAFF))
                .andExpect(status().isOk());

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(stateOf(knit)).isEqualTo("CANCELLED"));
        assertThat(jdbc.sql("SELECT reason FROM referral_change WHERE referral_id = :id AND to_status = 'CANCELLED'")
                .param("id", knit).query(String.class).single()).contains("trukket samtykket");
        assertThat(openRelations(knit)).as("the referral no longer opens the citizen to the team").isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_notification
                 WHERE referral_id = :id AND message_key = 'referral.notify.consentWithdrawnCancelled'
                """).param("id", knit).query(Long.class).single()).as("the referrer and the association").isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :c AND purpose LIKE 'Trak en ubesvaret henvisning%'
                """).param("c", karen).query(Long.class).single()).isOne();

        mvc.perform(get("/forening/henvisninger").with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Strikkecafé"))));
        mvc.perform(get("/forening/henvisninger/{id}", knit).with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Ring 12 34 56 78"))))
                .andExpect(content().string(not(containsString("Jeg vil gerne ud blandt andre"))));
        mvc.perform(post("/forening/henvisninger/{id}", knit).with(CONTACT).with(csrf()).param("svar", "ACCEPT")
                        .param("version", String.valueOf(version(knit))))
                .andExpect(status().isBadRequest());
        assertThat(stateOf(knit)).isEqualTo("CANCELLED");
        mvc.perform(get("/henvisninger/{id}", knit).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("trukket samtykket")));
    }

    @Test
    void anAssociationSeesOnlyItsOwnReferralsAndOnlyTheConsentedFields() throws Exception {
        UUID mine = refer(knitting, "FIRST_NAME");
        UUID theirs = refer(choir, "FIRST_NAME", "CONTACT", "WORDS");

        mvc.perform(get("/forening/henvisninger").with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkecafé")))
                .andExpect(content().string(containsString("Karen")))
                .andExpect(content().string(not(containsString("Seniorkoret"))))
                .andExpect(content().string(not(containsString("Karen Marie Jensen"))))
                .andExpect(content().string(not(containsString("12 34 56 78"))));
        mvc.perform(get("/forening/henvisninger/{id}", mine).with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Jeg vil gerne ud blandt andre"))));
        mvc.perform(get("/forening/henvisninger/{id}", theirs).with(CONTACT)).andExpect(status().isNotFound());
        mvc.perform(post("/forening/henvisninger/{id}", theirs).with(CONTACT).with(csrf()).param("svar", "ACCEPT")
                .param("version", String.valueOf(version(theirs)))).andExpect(status().isNotFound());
        mvc.perform(get("/forening/henvisninger/{id}", theirs).with(OTHER_CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jeg vil gerne ud blandt andre")))
                .andExpect(content().string(containsString("12 34 56 78")));
        assertThat(stateOf(theirs)).isEqualTo("REQUESTED");
    }

    @Test
    void aWithdrawnConsentHidesTheCitizenFromTheAssociationAtOnce() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME", "WORDS");
        jdbc.sql("UPDATE consent SET withdrawn_at = :now, withdrawn_by = 'faellesteam'")
                .param("now", Timestamp.from(Instant.now())).update();
        mvc.perform(get("/forening/henvisninger").with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Samtykket er trukket tilbage")))
                .andExpect(content().string(not(containsString("Karen"))));
        mvc.perform(get("/forening/henvisninger/{id}", referral).with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Jeg vil gerne ud blandt andre"))));
    }

    @Test
    void whenTwoAnswerAtOnceTheSecondGetsADanishConflictAndNothingIsOverwritten() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        String seen = String.valueOf(version(referral));
        mvc.perform(post("/forening/henvisninger/{id}", referral).with(CONTACT).with(csrf()).param("svar", "ACCEPT")
                .param("version", seen)).andExpect(flash().attribute("success", "referral.answered"));
        mvc.perform(post("/forening/henvisninger/{id}", referral).with(CONTACT).with(csrf()).param("svar", "DECLINE")
                        .param("grund", "NOT_ELIGIBLE").param("version", seen))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("En anden har ændret henvisningen")));
        assertThat(stateOf(referral)).isEqualTo("ACCEPTED");
    }

    @Test
    void theAssociationFollowsTheCitizenFromFirstDateToAttendingRegularly() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        answer(referral, "ACCEPT");
        mvc.perform(post("/forening/henvisninger/{id}", referral).with(CONTACT).with(csrf()).param("svar", "PROPOSE_DATE")
                .param("dato", LocalDate.now(clock).plusDays(3) + "T10:00")
                .param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("success", "referral.answered"));
        answer(referral, "CAME");
        mvc.perform(post("/forening/henvisninger/{id}", referral).with(CONTACT).with(csrf()).param("svar", "REGULARLY")
                .param("version", String.valueOf(version(referral))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("mindst 3 gange")));
        answer(referral, "CAME");
        answer(referral, "CAME");
        answer(referral, "REGULARLY");
        assertThat(jdbc.sql("SELECT status || ' ' || business_status || ' ' || attendances FROM referral")
                .query(String.class).single()).isEqualTo("IN_PROGRESS ATTENDING_REGULARLY 3");
    }

    void answer(UUID referral, String action) throws Exception {
        mvc.perform(post("/forening/henvisninger/{id}", referral).with(CONTACT).with(csrf()).param("svar", action)
                .param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("success", "referral.answered"));
    }

    @Test
    void staffAndAssociationsKeepToTheirOwnPages() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        mvc.perform(get("/forening/henvisninger").with(STAFF)).andExpect(status().isForbidden());
        mvc.perform(get("/henvisninger/{id}", referral).with(CONTACT)).andExpect(status().isForbidden());
        mvc.perform(get("/borgere/{id}/henvisninger", karen).with(CONTACT)).andExpect(status().isForbidden());
    }

    @Test
    void aReferralUnansweredFor14DaysIsFlaggedToTheReferrerWithATask() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        jdbc.sql("UPDATE referral SET requested_at = :long_ago").param("long_ago",
                Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(15)))).update();
        assertThat(unanswered.remindAndFlagNow()).isEqualTo(1);
        assertThat(unanswered.remindAndFlagNow()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM followup_task WHERE source_kind = 'referral.unanswered' AND assignee = 'faellesteam'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_notification WHERE recipient = 'faellesteam'")
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/henvisninger").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ubesvaret i 15 dage")));
        answer(referral, "ACCEPT");
        assertThat(jdbc.sql("SELECT status FROM followup_task WHERE source_kind = 'referral.unanswered'")
                .query(String.class).single()).isNotEqualTo("OPEN");
    }

    @Test
    void anOfferClosedWithOpenReferralsFlagsEachToItsReferrerOnce(Scenario scenario) throws Exception {
        refer(knitting, "FIRST_NAME");
        jdbc.sql("UPDATE offer SET status = 'INACTIVE' WHERE id = :id").param("id", knitting).update();
        scenario.publish(new OfferChanged(knitting))
                .andWaitForStateChange(() -> jdbc.sql("""
                        SELECT COUNT(*) FROM referral_notification
                         WHERE recipient = 'faellesteam' AND message_key = 'referral.notify.offerClosed'
                        """).query(Long.class).single(), count -> count > 0)
                .andVerify(count -> assertThat(count).isEqualTo(1));
        mvc.perform(get("/start").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tilbuddet er lukket eller ikke længere aktivt")));
    }

    @Test
    void referralsAreOnTheCitizensTimelineInTheDownloadAndLoseTheirWordsAtRetention() throws Exception {
        refer(knitting, "FIRST_NAME", "WORDS");
        mvc.perform(get("/borgere/{id}/tidslinje", karen).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Henvisning til Strikkecafé: Sendt, venter på svar")));
        var citizen = new CitizenId(karen);
        assertThat(contribution.export(citizen).records()).singleElement()
                .satisfies(record -> assertThat(record).containsEntry("yourWords", "Jeg vil gerne ud blandt andre"));
        contribution.expire(citizen, CitizenRetention.Mode.ANONYMISE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral WHERE citizen_words IS NULL AND first_name IS NULL")
                .query(Long.class).single()).isEqualTo(1);
    }

    static final RequestPostProcessor CITIZEN = httpBasic("borger", "demo");

    String column(UUID referral, String expression) {
        return jdbc.sql("SELECT " + expression + " FROM referral WHERE id = :id").param("id", referral)
                .query(String.class).single();
    }

    void citizenAnswers(UUID referral, String answer, String wish, String note) throws Exception {
        mvc.perform(post("/mig/henvisninger/{id}/svar", referral).with(CITIZEN).with(csrf()).param("svar", answer)
                        .param("kontakt", wish).param("note", note).param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("success", "referral.my.answered"));
    }

    @Test
    void theCitizenSeesTheirReferralsInMigAndTheirAnswersReachTheReferrerAndTheAssociation() throws Exception {
        users.linkCitizen("borger", karen);
        mvc.perform(get("/mig/henvisninger").with(CITIZEN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Du har ingen henvisninger")));
        UUID referral = refer(knitting, "FIRST_NAME");
        mvc.perform(get("/mig/henvisninger").with(CITIZEN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkecafé")))
                .andExpect(content().string(containsString("Strikkeklubben Maske for Maske")))
                .andExpect(content().string(containsString("Torvet 1, 7100")));

        citizenAnswers(referral, "YES", "NOT_AT_ALL", "Jeg kan bedst om tirsdagen");
        assertThat(column(referral, "status || ' ' || citizen_answer || ' ' || citizen_contact_wish || ' ' || citizen_answered_via"))
                .isEqualTo("REQUESTED YES NOT_AT_ALL MIG");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_notification
                 WHERE recipient = 'faellesteam' AND message_key = 'referral.notify.citizenAnswered'
                """).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/forening/henvisninger/{id}", referral).with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Borgeren vil ikke kontaktes og henvender sig selv")))
                .andExpect(content().string(not(containsString("Jeg kan bedst om tirsdagen"))));
        mvc.perform(get("/henvisninger/{id}", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jeg kan bedst om tirsdagen")))
                .andExpect(content().string(containsString("Borgeren: Ja tak, jeg vil gerne (selv på Mine sider)")));

        answer(referral, "ACCEPT");
        mvc.perform(get("/mig/henvisninger").with(CITIZEN)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ring til Strikkeklubben Maske for Maske")));
        citizenAnswers(referral, "NOT_NOW", "PHONE", "");
        assertThat(column(referral, "status || ' ' || business_status")).isEqualTo("ON_HOLD NEEDS_CITIZEN_ACTION");
        citizenAnswers(referral, "NO", "PHONE", "Jeg har fundet et andet sted");
        assertThat(column(referral, "status || ' ' || business_status")).isEqualTo("CANCELLED NO_LONGER_INTERESTED");
        assertThat(openRelations(referral)).isZero();
    }

    @Test
    void aCitizenAnswersOnlyTheirOwnReferralsAndTheAttemptIsInTheOwnersAuditLog() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        UUID ole = data.citizen("Ole Bakke", LocalDate.now(clock).minusYears(70), "ALONE", "ØST");
        users.linkCitizen("borger", ole);
        mvc.perform(get("/mig/henvisninger").with(CITIZEN)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Strikkecafé"))));
        mvc.perform(post("/mig/henvisninger/{id}/svar", referral).with(CITIZEN).with(csrf()).param("svar", "NO")
                .param("version", String.valueOf(version(referral)))).andExpect(status().isNotFound());
        assertThat(stateOf(referral)).isEqualTo("REQUESTED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE citizen_id = :c AND outcome = 'REFUSED' AND username = 'borger'")
                .param("c", karen).query(Long.class).single()).isPositive();
    }

    @Test
    void staffWriteDownAnAnswerGivenOnThePhoneMarkedAsSuchAndTheReportWaitsForAFirstTime() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        mvc.perform(post("/henvisninger/{id}/borgerens-svar", referral).with(STAFF).with(csrf())
                        .param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("error", "referral.citizenAnswer.missing"));
        mvc.perform(post("/henvisninger/{id}/borgerens-svar", referral).with(STAFF).with(csrf()).param("svar", "YES")
                        .param("kontakt", "PHONE").param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("success", "referral.phone.answered"));
        assertThat(column(referral, "citizen_answered_via")).isEqualTo("PHONE_CALL");
        mvc.perform(get("/henvisninger/{id}", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("(fortalt i telefonen)")));

        mvc.perform(post("/henvisninger/{id}/borgerens-fortaelling", referral).with(STAFF).with(csrf())
                        .param("hvordan", "WANT_AGAIN").param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("error", "referral.transition.illegal"));
        answer(referral, "ACCEPT");
        mvc.perform(post("/henvisninger/{id}/borgerens-fortaelling", referral).with(STAFF).with(csrf())
                        .param("hvordan", "WANT_AGAIN").param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("error", "referral.report.tooEarly"));
        answer(referral, "CAME");
        mvc.perform(post("/henvisninger/{id}/borgerens-fortaelling", referral).with(STAFF).with(csrf())
                        .param("hvordan", "WANT_AGAIN").param("version", String.valueOf(version(referral))))
                .andExpect(flash().attribute("success", "referral.phone.reported"));
        assertThat(column(referral, "citizen_report")).isEqualTo("WANT_AGAIN");
        mvc.perform(post("/henvisninger/{id}/borgerens-svar", referral).with(STAFF).with(csrf()).param("svar", "YES")
                        .param("version", "0"))
                .andExpect(flash().attribute("error", "referral.stale"));
    }

    long offerVersion(UUID offer) {
        return jdbc.sql("SELECT version FROM offer WHERE id = :id").param("id", offer).query(Long.class).single();
    }

    @Test
    void theAssociationKeepsItsCapacityCurrentWithoutModerationAndAcceptingTakesAPlace() throws Exception {
        mvc.perform(get("/forening/kapacitet").with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkecafé")))
                .andExpect(content().string(not(containsString("Seniorkoret"))));
        mvc.perform(post("/forening/kapacitet/{id}", knitting).with(CONTACT).with(csrf()).param("kapacitet", "AVAILABLE")
                        .param("pladser", "2").param("note", "Nye hold fra januar")
                        .param("version", String.valueOf(offerVersion(knitting))))
                .andExpect(flash().attribute("success", "capacity.saved"));
        assertThat(jdbc.sql("SELECT places_left FROM offer WHERE id = :id").param("id", knitting).query(Integer.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM change_request").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM offer_change WHERE offer_id = :id AND kind = 'CAPACITY' AND changed_by = 'kontakt'")
                .param("id", knitting).query(Long.class).single()).isEqualTo(1);

        UUID referral = refer(knitting, "FIRST_NAME");
        answer(referral, "ACCEPT");
        assertThat(jdbc.sql("SELECT places_left FROM offer WHERE id = :id").param("id", knitting).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM offer_change WHERE offer_id = :id AND kind = 'CAPACITY'")
                .param("id", knitting).query(Long.class).single()).isEqualTo(2);

        mvc.perform(post("/forening/kapacitet/{id}", knitting).with(CONTACT).with(csrf()).param("kapacitet", "AVAILABLE")
                        .param("pladser", "0").param("version", String.valueOf(offerVersion(knitting))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Der står 0 ledige pladser")));
        mvc.perform(post("/forening/kapacitet/{id}", knitting).with(CONTACT).with(csrf()).param("kapacitet", "WAITLIST")
                        .param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("En anden har ændret tilbuddets kapacitet")));
        mvc.perform(post("/forening/kapacitet/{id}", choir).with(CONTACT).with(csrf()).param("kapacitet", "WAITLIST")
                        .param("version", String.valueOf(offerVersion(choir))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/forening/kapacitet/{id}", knitting).with(CONTACT).with(csrf()).param("kapacitet", "WAITLIST")
                        .param("version", String.valueOf(offerVersion(knitting))))
                .andExpect(flash().attribute("success", "capacity.saved"));
        mvc.perform(get("/borgere/{id}/henvisninger/ny", karen).with(STAFF).param("tilbud", knitting.toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("venteliste")));
        mvc.perform(get("/forening/kapacitet").with(STAFF)).andExpect(status().isForbidden());
    }

    void answeredReferrals(UUID offer, int count, int accepted, java.time.Duration toAnswer) {
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            Instant requested = Instant.now().minus(java.time.Duration.ofDays(40 + i));
            jdbc.sql("""
                    INSERT INTO referral (id, citizen_id, offer_id, offer_name, organization_id, organization_name, referrer,
                                          team, status, requested_at, answered_at, version, created_by, created_at,
                                          updated_by, updated_at)
                    SELECT :id, :citizen, o.id, o.name, o.organization_id, 'Forening', 'faellesteam', 'faellesteam',
                           :status, :requested, :answered, 1, 'faellesteam', :requested, 'faellesteam', :requested
                      FROM offer o WHERE o.id = :offer
                    """).param("id", id).param("citizen", karen).param("offer", offer)
                    .param("status", i < accepted ? "COMPLETED" : "REJECTED")
                    .param("requested", Timestamp.from(requested)).param("answered", Timestamp.from(requested.plus(toAnswer)))
                    .update();
            jdbc.sql("""
                    INSERT INTO referral_change (referral_id, position, changed_at, changed_by, from_status, to_status)
                    VALUES (:id, 0, :at, 'kontakt', 'REQUESTED', :to)
                    """).param("id", id).param("at", Timestamp.from(requested.plus(toAnswer)))
                    .param("to", i < accepted ? "ACCEPTED" : "REJECTED").update();
        }
    }

    @Test
    void theUsualAnswerTimeAndShareAcceptedShowOnlyFromTwentyAnsweredReferralsAndRounded() throws Exception {
        answeredReferrals(knitting, 19, 13, java.time.Duration.ofHours(50));
        mvc.perform(get("/borgere/{id}/henvisninger/ny", karen).with(STAFF).param("tilbud", knitting.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Endnu for få besvarede henvisninger")));
        mvc.perform(get("/tilbud/{id}", knitting)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Svarer som regel"))));
        answeredReferrals(knitting, 1, 1, java.time.Duration.ofHours(50));
        mvc.perform(get("/borgere/{id}/henvisninger/ny", karen).with(STAFF).param("tilbud", knitting.toString()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Svarer som regel inden for 2 dage og siger ja til omkring 70 %")));
        mvc.perform(get("/tilbud/{id}", knitting)).andExpect(status().isOk())
                .andExpect(content().string(containsString("inden for 2 dage og siger ja til omkring 70 %")));
    }

    @Test
    void theJsonApiFollowsThePagesRulesWithDanishProblemsAndConflicts() throws Exception {
        String created = mvc.perform(post("/api/citizens/{id}/referrals", karen).with(STAFF)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("""
                                {"offerId": "%s", "need": "ACCOMPANIED", "accompaniment": true,
                                 "shared": ["FIRST_NAME"], "citizenWords": "Jeg vil gerne ud", "context": "OUTREACH"}
                                """.formatted(knitting)))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("REQUESTED"))
                .andReturn().getResponse().getHeader("Location");
        UUID referral = UUID.fromString(created.substring(created.lastIndexOf('/') + 1));
        assertThat(column(referral, "context")).isEqualTo("OUTREACH");
        mvc.perform(post("/api/citizens/{id}/referrals", karen).with(STAFF)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"offerId\": \"%s\"}".formatted(knitting)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(containsString("allerede")));

        mvc.perform(get("/api/association/referrals").with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"firstName\":\"Karen\"")))
                .andExpect(content().string(not(containsString("Jeg vil gerne ud"))));
        mvc.perform(get("/api/association/referrals").with(OTHER_CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Karen"))));
        mvc.perform(post("/api/association/referrals/{id}/answers", referral).with(CONTACT)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"action\": \"ACCEPT\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("version")));
        mvc.perform(post("/api/association/referrals/{id}/answers", referral).with(OTHER_CONTACT)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"ACCEPT\", \"version\": %d}".formatted(version(referral))))
                .andExpect(status().isNotFound());
        long seen = version(referral);
        mvc.perform(post("/api/association/referrals/{id}/answers", referral).with(CONTACT)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"ACCEPT\", \"version\": %d}".formatted(seen)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"status\":\"ACCEPTED\"")));
        mvc.perform(post("/api/association/referrals/{id}/answers", referral).with(CONTACT)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"action\": \"DECLINE\", \"reason\": \"NOT_ELIGIBLE\", \"version\": %d}".formatted(seen)))
                .andExpect(status().isConflict());
        assertThat(stateOf(referral)).isEqualTo("ACCEPTED");
        mvc.perform(get("/api/referrals/{id}", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"history\"")));
        mvc.perform(get("/api/citizens/{id}/referrals", karen).with(CONTACT)).andExpect(status().isForbidden());
    }
}
