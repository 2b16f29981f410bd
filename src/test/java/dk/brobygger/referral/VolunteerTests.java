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

import java.io.StringReader;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.TimeOfDay;
import dk.brobygger.homevisit.TestHomeVisits;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Trigger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Følgeskab (issue 15): the register of volunteers and peers, the ranked suggestions for a referral that needs
 * someone to go along, assigning and the volunteer's answer, what the volunteer sees of the citizen (only what was
 * consented, nothing once the consent is withdrawn), the two-tap report back to the referrer, handing assignments
 * back when a volunteer leaves, the lapse of vetting, the calendar feed and edits that collide.
 */
@BrobyggerTest
class VolunteerTests {

    static final RequestPostProcessor STAFF = httpBasic("faellesteam", "demo");
    static final RequestPostProcessor CONTACT = httpBasic("kontakt", "demo");
    static final RequestPostProcessor OTHER_CONTACT = httpBasic("kontakt2", "demo");
    static final RequestPostProcessor VOLUNTEER = httpBasic("frivillig", "demo");
    static final RequestPostProcessor PEER = httpBasic("peer", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired Clock clock;
    @Autowired VolunteerRepository volunteers;
    @Autowired AssignmentRepository assignments;
    @Autowired VolunteerSuggestions suggestions;
    @Autowired Volunteers service;

    UUID karen;
    UUID knitting;
    UUID referral;

    @BeforeEach
    void karenIsReferredToTheKnittingCafeWithAccompanimentAndTheAssociationAccepted() throws Exception {
        data.reset();
        directory.reset();
        jdbc.sql("DELETE FROM volunteer").update();
        jdbc.sql("DELETE FROM referral_calendar_link").update();
        karen = data.citizen("Karen Marie Jensen", LocalDate.now(clock).minusYears(78), "ALONE", "ØST");
        data.relate(karen, "faellesteam");
        var club = directory.organization("Strikkeklubben Maske for Maske");
        var square = directory.location(club, "Torvet 1", "7100", "ØST", 55.7090, 9.5360, true);
        knitting = directory.offer(square, "Strikkecafé").accompaniment().meets(DayOfWeek.TUESDAY, 10, 12).save().id();
        users.assignOrganization("kontakt", club.id());
        users.assignOrganization("kontakt2", directory.organization("Fjordlund Seniorkor").id());
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'ASSOCIATION', 'Strikkeklubben Maske for Maske', 'Henvisning', :today,
                        'faellesteam', :now)
                """).param("id", UUID.randomUUID()).param("citizen", karen).param("today", LocalDate.now(clock))
                .param("now", Timestamp.from(Instant.now())).update();
        String location = mvc.perform(post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf())
                        .param("tilbud", knitting.toString()).param("stoette", "ACCOMPANIED")
                        .param("foelgeskab", "true").param("deles", "FIRST_NAME").param("deles", "WORDS")
                        .param("ord", "Jeg tør ikke gå derhen alene første gang"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        referral = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/forening/henvisninger/{id}", referral).with(CONTACT).with(csrf()).param("svar", "ACCEPT")
                        .param("version", String.valueOf(version("referral", referral))))
                .andExpect(status().is3xxRedirection());
    }

    /** An onboarded, vetted volunteer written straight into the register. */
    Volunteer volunteer(String name, String postcode, Set<Interest> interests, Set<String> languages,
            Set<Volunteer.Availability> availability, boolean peer) {
        var today = service.today();
        var now = clock.instant();
        var volunteer = Volunteer.apply(new Volunteer.Profile(name, "20 30 40 50", null, postcode, "ØST", peer, true,
                interests, languages, availability), null, null, "faellesteam", now);
        volunteer.meet(Requirement.CRIMINAL_RECORD, today.minusMonths(2), today.plusYears(2), today, "faellesteam", now);
        volunteer.meet(Requirement.CONFIDENTIALITY, today.minusMonths(2), null, today, "faellesteam", now);
        if (peer) {
            volunteer.meet(Requirement.PEER_TRAINING, today.minusMonths(2), today.plusYears(3), today, "faellesteam", now);
        }
        volunteer.approve("faellesteam", now);
        volunteer.onboard(today, "faellesteam", now);
        return volunteers.save(volunteer);
    }

    Volunteer plain(String name, String postcode) {
        return volunteer(name, postcode, Set.of(), Set.of("dansk"), Set.of(), false);
    }

    Volunteer birgit() {
        var birgit = volunteer("Birgit Holm Sørensen", "7100", EnumSet.of(Interest.CRAFTS), Set.of("dansk"),
                Set.of(new Volunteer.Availability(DayOfWeek.TUESDAY, TimeOfDay.MORNING)), false);
        birgit.tieLogin("frivillig");
        return volunteers.save(birgit);
    }

    List<String> ranked(VolunteerSuggestions.Need need) {
        return suggestions.suggest(need).stream().map(VolunteerSuggestions.Suggestion::name).toList();
    }

    VolunteerSuggestions.Need need(Set<Interest> interests, String language, boolean peer) {
        return new VolunteerSuggestions.Need("7100", language, interests,
                List.of(new VolunteerSuggestions.Slot(DayOfWeek.TUESDAY, TimeOfDay.MORNING)), peer, null,
                service.today());
    }

    long version(String table, UUID id) {
        return jdbc.sql("SELECT version FROM " + table + " WHERE id = :id").param("id", id).query(Long.class).single();
    }

    UUID assign(Volunteer volunteer) throws Exception {
        mvc.perform(post("/henvisninger/{id}/foelgeskab", referral).with(STAFF).with(csrf())
                        .param("frivillig", volunteer.id().toString()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "volunteer.assigned"));
        return jdbc.sql("SELECT id FROM volunteer_assignment WHERE volunteer_id = :v AND referral_id = :r")
                .param("v", volunteer.id()).param("r", referral).query(UUID.class).single();
    }

    void accept(UUID assignment) throws Exception {
        mvc.perform(post("/frivillig/opgaver/{id}/svar", assignment).with(VOLUNTEER).with(csrf()).param("svar", "JA")
                        .param("version", String.valueOf(version("volunteer_assignment", assignment))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "volunteer.accepted"));
    }

    String assignmentStatus(UUID assignment) {
        return jdbc.sql("SELECT status FROM volunteer_assignment WHERE id = :id").param("id", assignment)
                .query(String.class).single();
    }

    @Test
    void removingAVolunteerHandsBackTheirAssignmentWithNoticeAnonymisesThemAndKeepsTheHistoryAsAFormerVolunteer()
            throws Exception {
        var birgit = birgit();
        UUID assignment = assign(birgit);
        accept(assignment);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_change WHERE referral_id = :r AND reason = 'Følges af Birgit Holm Sørensen'")
                .param("r", referral).query(Long.class).single()).isOne();

        mvc.perform(post("/frivillige/{id}/stadie", birgit.id()).with(STAFF).with(csrf()).param("skift", "REMOVE")
                        .param("version", String.valueOf(version("volunteer", birgit.id()))))
                .andExpect(status().isBadRequest());
        assertThat(volunteers.findById(birgit.id()).orElseThrow().isAnonymised()).as("a reason is needed").isFalse();

        mvc.perform(post("/frivillige/{id}/stadie", birgit.id()).with(STAFF).with(csrf()).param("skift", "REMOVE")
                        .param("begrundelse", "Flytter fra kommunen og ønsker sig slettet")
                        .param("version", String.valueOf(version("volunteer", birgit.id()))))
                .andExpect(status().is3xxRedirection());

        var removed = volunteers.findById(birgit.id()).orElseThrow();
        assertThat(removed.stage()).isEqualTo(VolunteerStage.DECLINED);
        assertThat(removed.name()).isEqualTo("Tidligere frivillig");
        assertThat(removed.phone()).isNull();
        assertThat(removed.username()).as("the login no longer reaches the register").isNull();
        assertThat(removed.interests()).isEmpty();
        assertThat(removed.requirements()).isEmpty();
        assertThat(assignmentStatus(assignment)).isEqualTo("HANDED_BACK");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_notification WHERE referral_id = :r AND message_key = 'volunteer.notify.handedBack'
                """).param("r", referral).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM volunteer WHERE id = :id").param("id", birgit.id())
                .query(Long.class).single()).as("no hard delete").isOne();
        mvc.perform(get("/henvisninger/{id}", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tidligere frivillig")))
                .andExpect(content().string(containsString("Følges af tidligere frivillig")))
                .andExpect(content().string(not(containsString("Følges af Birgit"))));
        mvc.perform(get("/frivillige/{id}", birgit.id()).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("fjernet fra registret og anonymiseret")));
        mvc.perform(post("/frivillige/{id}/stadie", birgit.id()).with(STAFF).with(csrf()).param("skift", "ONBOARD")
                        .param("version", String.valueOf(version("volunteer", birgit.id()))))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aVolunteerWhoStoppedIsAnonymisedOnceTheRetentionTimeHasPassedAndNotBefore() {
        var stopped = plain("Ove Stoppet", "7100");
        stopped.decline("Har ikke tid længere", "faellesteam", clock.instant());
        volunteers.save(stopped);
        var active = plain("Anna Aktiv", "7100");
        assertThat(service.anonymiseStopped()).as("stopped today").isZero();

        jdbc.sql("UPDATE volunteer SET left_at = :long_ago WHERE id = :id")
                .param("long_ago", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(731))))
                .param("id", stopped.id()).update();
        assertThat(service.anonymiseStopped()).isOne();
        assertThat(volunteers.findById(stopped.id()).orElseThrow().name()).isEqualTo("Tidligere frivillig");
        assertThat(volunteers.findById(active.id()).orElseThrow().name()).isEqualTo("Anna Aktiv");
        assertThat(service.anonymiseStopped()).as("once is enough").isZero();
    }

    @Test
    void staffRegisterAVolunteerWithDanishMessagesForBadInputAndFindThemInTheList() throws Exception {
        mvc.perform(get("/frivillige").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Der er ingen frivillige endnu")));
        mvc.perform(post("/frivillige").with(STAFF).with(csrf()).param("navn", "Aisha Khalil").param("postnummer", "71")
                        .param("telefon", "20 30 40 50").param("sprog", "dansk, arabisk"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Postnummeret skal være fire cifre")))
                .andExpect(content().string(containsString("Aisha Khalil")));
        mvc.perform(post("/frivillige").with(STAFF).with(csrf()).param("navn", "Aisha Khalil").param("postnummer", "7120")
                        .param("telefon", "20 30 40 50").param("sprog", "dansk, arabisk").param("peer", "true")
                        .param("interesse", "COOKING").param("tid", "WEDNESDAY:AFTERNOON"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "volunteer.registered"));
        mvc.perform(get("/frivillige").with(STAFF).param("q", "aisha")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Aisha Khalil")))
                .andExpect(content().string(containsString("Har søgt")));
        mvc.perform(get("/frivillige").with(STAFF).param("q", "ingen med det navn")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen frivillige passer på søgningen")));
        UUID aisha = jdbc.sql("SELECT id FROM volunteer WHERE name = 'Aisha Khalil'").query(UUID.class).single();
        mvc.perform(get("/frivillige/{id}", aisha).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Peeruddannelse")))
                .andExpect(content().string(containsString("Kan ikke tildeles borgere, før disse krav er opfyldt")));
    }

    @Test
    void anAssociationsContactKeepsOnlyTheOwnAssociationsVolunteers() throws Exception {
        mvc.perform(post("/forening/frivillige").with(CONTACT).with(csrf()).param("navn", "Grethe Lund")
                        .param("postnummer", "7100").param("email", "grethe@example.dk"))
                .andExpect(status().is3xxRedirection());
        var grethe = volunteers.findById(jdbc.sql("SELECT id FROM volunteer WHERE name = 'Grethe Lund'")
                .query(UUID.class).single()).orElseThrow();
        assertThat(grethe.organizationName()).isEqualTo("Strikkeklubben Maske for Maske");
        var municipal = plain("Poul Kommunal", "7100");
        mvc.perform(get("/forening/frivillige").with(CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Grethe Lund")))
                .andExpect(content().string(not(containsString("Poul Kommunal"))));
        mvc.perform(get("/forening/frivillige/{id}", municipal.id()).with(CONTACT)).andExpect(status().isNotFound());
        mvc.perform(get("/forening/frivillige/{id}", grethe.id()).with(OTHER_CONTACT)).andExpect(status().isNotFound());
        mvc.perform(get("/forening/frivillige").with(OTHER_CONTACT)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Grethe Lund"))));
        mvc.perform(get("/frivillige/{id}", grethe.id()).with(STAFF)).andExpect(status().isOk());
        mvc.perform(get("/frivillige").with(CONTACT)).andExpect(status().isForbidden());
    }

    @Test
    void theNearerVolunteerRanksFirst() {
        plain("Fjern Frivillig", "7130");
        plain("Nær Frivillig", "7100");
        assertThat(ranked(need(Set.of(), null, false))).containsExactly("Nær Frivillig", "Fjern Frivillig");
    }

    @Test
    void sharedInterestsLanguageAvailabilityAndPeerEachLiftAVolunteer() {
        plain("Anne Uden", "7130");
        volunteer("Bente Strik", "7130", EnumSet.of(Interest.CRAFTS), Set.of("dansk"), Set.of(), false);
        assertThat(ranked(need(EnumSet.of(Interest.CRAFTS), null, false)).getFirst()).isEqualTo("Bente Strik");

        jdbc.sql("DELETE FROM volunteer").update();
        plain("Anne Uden", "7130");
        volunteer("Samira Sprog", "7130", Set.of(), Set.of("dansk", "arabisk"), Set.of(), false);
        assertThat(ranked(need(Set.of(), "Arabisk", false)).getFirst()).isEqualTo("Samira Sprog");
        assertThat(ranked(need(Set.of(), "dansk", false)).getFirst()).as("Danish is no reason").isEqualTo("Anne Uden");

        jdbc.sql("DELETE FROM volunteer").update();
        plain("Anne Uden", "7130");
        volunteer("Tove Tirsdag", "7130", Set.of(), Set.of("dansk"),
                Set.of(new Volunteer.Availability(DayOfWeek.TUESDAY, TimeOfDay.MORNING)), false);
        volunteer("Oskar Onsdag", "7130", Set.of(), Set.of("dansk"),
                Set.of(new Volunteer.Availability(DayOfWeek.WEDNESDAY, TimeOfDay.MORNING)), false);
        assertThat(ranked(need(Set.of(), null, false)).getFirst()).isEqualTo("Tove Tirsdag");

        jdbc.sql("DELETE FROM volunteer").update();
        plain("Anne Uden", "7130");
        volunteer("Per Peer", "7130", Set.of(), Set.of("dansk"), Set.of(), true);
        assertThat(ranked(need(Set.of(), null, true)).getFirst()).isEqualTo("Per Peer");
        assertThat(ranked(need(Set.of(), null, false)).getFirst()).as("a peer only counts when asked for")
                .isEqualTo("Anne Uden");
    }

    @Test
    void aChangeSavedByAnotherNodeReachesTheVeryNextRanking() {
        var anne = plain("Anne Uden", "7100");
        var bente = plain("Bente Strik", "7130");
        assertThat(ranked(need(EnumSet.of(Interest.CRAFTS), null, false))).containsExactly("Anne Uden", "Bente Strik");

        // What another node's save of the aggregates leaves in the database: the rows, and a version one higher.
        jdbc.sql("INSERT INTO volunteer_interest (volunteer_id, interest) VALUES (:id, 'CRAFTS')")
                .param("id", bente.id()).update();
        jdbc.sql("UPDATE volunteer SET version = version + 1 WHERE id = :id").param("id", bente.id()).update();
        assertThat(ranked(need(EnumSet.of(Interest.CRAFTS), null, false))).containsExactly("Bente Strik", "Anne Uden");

        jdbc.sql("UPDATE volunteer SET stage = 'PAUSED', version = version + 1 WHERE id = :id")
                .param("id", anne.id()).update();
        assertThat(ranked(need(EnumSet.of(Interest.CRAFTS), null, false))).containsExactly("Bente Strik");
    }

    @Test
    void onlyTheBestTenAreSuggestedAndATieAtTheCutGoesByNameNotByWhoCameFirst() {
        // Fourteen volunteers at the same distance: four with a shared interest come first, then the ten
        // equal ones by name (Danish order: Å last); the two named last fall outside the ten, however the
        // register happens to list them. One of the four is busy: its open assignment drops it among the rest.
        for (String name : List.of("Åse Sidst", "Ulla Ens", "Bo Ens", "Dorte Ens", "Zenia Ens", "Carl Ens",
                "Erik Ens", "Agnete Ens", "Gitte Ens", "Frede Ens")) {
            plain(name, "7100");
        }
        for (String name : List.of("Strik Fire", "Strik En", "Strik To")) {
            volunteer(name, "7100", EnumSet.of(Interest.CRAFTS), Set.of("dansk"), Set.of(), false);
        }
        var busy = volunteer("Strik Travl", "7100", EnumSet.of(Interest.CRAFTS), Set.of("dansk"), Set.of(), false);
        assignments.save(Assignment.propose(busy.id(), new ReferralId(referral), null, null, "faellesteam",
                clock.instant()));
        assertThat(ranked(need(EnumSet.of(Interest.CRAFTS), null, false))).containsExactly("Strik En", "Strik Fire",
                "Strik To", "Agnete Ens", "Bo Ens", "Carl Ens", "Dorte Ens", "Erik Ens", "Frede Ens", "Gitte Ens");
    }

    @Test
    void aVolunteerWithOpenAssignmentsRanksAfterAnEqualOneWithout() {
        var busy = plain("Anne Travl", "7100");
        plain("Berit Ledig", "7100");
        assertThat(ranked(need(Set.of(), null, false)).getFirst()).isEqualTo("Anne Travl");
        assignments.save(Assignment.propose(busy.id(), new ReferralId(referral), null, null, "faellesteam",
                clock.instant()));
        assertThat(ranked(need(Set.of(), null, false))).containsExactly("Berit Ledig", "Anne Travl");
    }

    @Test
    void onlyVettedOnboardedVolunteersAreSuggestedAndAssigningAnUnvettedOrPausedOneIsRefusedInDanish()
            throws Exception {
        var today = service.today();
        var lapsed = plain("Lene Udløbet", "7100");
        lapsed.meet(Requirement.CRIMINAL_RECORD, today.minusYears(3), today.minusDays(1), today, "faellesteam",
                clock.instant());
        volunteers.save(lapsed);
        var paused = plain("Palle Pause", "7100");
        paused.pause("Ferie i tre uger", "faellesteam", clock.instant());
        volunteers.save(paused);
        var ready = plain("Rikke Klar", "7130");

        assertThat(ranked(need(Set.of(), null, false))).containsExactly("Rikke Klar");
        mvc.perform(get("/henvisninger/{id}/foelgeskab", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Rikke Klar")))
                .andExpect(content().string(containsString("km fra borgeren")))
                .andExpect(content().string(containsString("Ingen andre opgaver lige nu")))
                .andExpect(content().string(not(containsString("Palle Pause"))));

        mvc.perform(post("/henvisninger/{id}/foelgeskab", referral).with(STAFF).with(csrf())
                        .param("frivillig", paused.id().toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Palle Pause holder pause og kan ikke få opgaver lige nu.")));
        mvc.perform(post("/henvisninger/{id}/foelgeskab", referral).with(STAFF).with(csrf())
                        .param("frivillig", lapsed.id().toString()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Lene Udløbet mangler et gyldigt krav")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM volunteer_assignment").query(Long.class).single()).isZero();
        assign(ready);
    }

    @Test
    void theVolunteerSeesOnlyTheOwnAssignmentAndOnlyTheConsentedFieldsAndAcceptingGivesTheReferralItsBuddy()
            throws Exception {
        var birgit = birgit();
        var jonas = volunteer("Jonas Kjær Mikkelsen", "7100", Set.of(), Set.of("dansk"), Set.of(), true);
        jonas.tieLogin("peer");
        volunteers.save(jonas);
        UUID assignment = assign(birgit);

        mvc.perform(get("/frivillig").with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Følgeskab med Karen til Strikkecafé")))
                .andExpect(content().string(not(containsString("Jensen"))));
        mvc.perform(get("/frivillig/opgaver/{id}", assignment).with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Jeg tør ikke gå derhen alene første gang")))
                .andExpect(content().string(containsString("Torvet 1")))
                .andExpect(content().string(not(containsString("Karen Marie"))));
        mvc.perform(get("/frivillig/opgaver/{id}", assignment).with(PEER)).andExpect(status().isNotFound());
        mvc.perform(get("/frivillig").with(PEER)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Karen"))));
        mvc.perform(get("/frivillige").with(VOLUNTEER)).andExpect(status().isForbidden());
        mvc.perform(get("/henvisninger/{id}", referral).with(VOLUNTEER)).andExpect(status().isForbidden());

        mvc.perform(post("/frivillig/opgaver/{id}/svar", assignment).with(VOLUNTEER).with(csrf()).param("svar", "JA")
                        .param("version", String.valueOf(version("volunteer_assignment", assignment))))
                .andExpect(status().is3xxRedirection());
        assertThat(assignmentStatus(assignment)).isEqualTo("ACCEPTED");
        assertThat(jdbc.sql("SELECT business_status FROM referral WHERE id = :id").param("id", referral)
                .query(String.class).single()).isEqualTo("BUDDY_ASSIGNED");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_notification
                 WHERE referral_id = :id AND recipient = 'faellesteam' AND message_key = 'volunteer.notify.accepted'
                """).param("id", referral).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/henvisninger/{id}", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Birgit Holm Sørensen")))
                .andExpect(content().string(containsString("Går med")));
    }

    static byte[] png(int width, int height) throws Exception {
        var image = new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    org.springframework.test.web.servlet.ResultActions uploadPhoto(byte[] bytes, String contentType) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/frivillig/foto")
                .file(new org.springframework.mock.web.MockMultipartFile("foto", "mig.png", contentType, bytes))
                .with(VOLUNTEER).with(csrf()));
    }

    @Test
    void theVolunteersPhotoIsCheckedMadeSmallAndShownOnlyToThemToStaffAndToTheirCitizenOnceTheySaidYes()
            throws Exception {
        var citizen = httpBasic("borger", "demo");
        users.linkCitizen("borger", karen);
        var birgit = birgit();

        uploadPhoto("bare tekst, ingen billede".getBytes(java.nio.charset.StandardCharsets.UTF_8), "image/png")
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("photoError", "volunteer.photo.type"));
        uploadPhoto(new byte[VolunteerPhotos.MAX_BYTES + 1], "image/jpeg")
                .andExpect(flash().attribute("photoError", "volunteer.photo.tooLarge"));
        uploadPhoto(new byte[0], "image/png").andExpect(flash().attribute("photoError", "volunteer.photo.missing"));
        mvc.perform(get("/frivillig/foto").with(VOLUNTEER)).andExpect(status().isNotFound());

        uploadPhoto(png(1600, 1200), "image/png").andExpect(flash().attribute("success", "volunteer.photo.saved"));
        byte[] stored = mvc.perform(get("/frivillig/foto").with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
        var shown = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored));
        assertThat(shown.getWidth()).as("made small").isEqualTo(VolunteerPhotos.MAX_SIDE);
        mvc.perform(get("/frivillig").with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("src=\"/frivillig/foto\"")));
        mvc.perform(get("/frivillige/{id}/foto", birgit.id()).with(STAFF)).andExpect(status().isOk());
        mvc.perform(get("/forening/frivillige/{id}/foto", birgit.id()).with(CONTACT)).andExpect(status().isNotFound());

        UUID assignment = assign(birgit);
        mvc.perform(get("/mig/henvisninger/{id}/foelge/foto", referral).with(citizen)).andExpect(status().isNotFound());
        mvc.perform(get("/mig/henvisninger").with(citizen)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/foelge/foto"))));
        accept(assignment);
        mvc.perform(get("/mig/henvisninger").with(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/mig/henvisninger/" + referral + "/foelge/foto")))
                .andExpect(content().string(containsString("Billede af Birgit")));
        mvc.perform(get("/mig/henvisninger/{id}/foelge/foto", referral).with(citizen)).andExpect(status().isOk());
        mvc.perform(get("/mig/henvisninger/{id}/foelge/foto", referral).with(STAFF)).andExpect(status().isForbidden());

        mvc.perform(post("/frivillig/foto/slet").with(VOLUNTEER).with(csrf()))
                .andExpect(flash().attribute("success", "volunteer.photo.removed"));
        mvc.perform(get("/mig/henvisninger/{id}/foelge/foto", referral).with(citizen)).andExpect(status().isNotFound());
    }

    @Test
    void theVolunteerSeesWhatIsKeptAboutThemAndWhoOpenedItButNeverWhichCitizenSawThePhoto() throws Exception {
        var citizen = httpBasic("borger", "demo");
        users.linkCitizen("borger", karen);
        var birgit = birgit();
        mvc.perform(get("/frivillig/oplysninger").with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Birgit Holm Sørensen")))
                .andExpect(content().string(containsString("Straffeattest")))
                .andExpect(content().string(containsString("Ingen har åbnet dine oplysninger endnu.")))
                .andExpect(content().string(containsString("anonymiseres de efter 730 dage")));

        mvc.perform(get("/frivillige/{id}", birgit.id()).with(STAFF)).andExpect(status().isOk());
        mvc.perform(get("/forening/frivillige/{id}", birgit.id()).with(CONTACT)).andExpect(status().isNotFound());
        uploadPhoto(png(200, 200), "image/png").andExpect(flash().attribute("success", "volunteer.photo.saved"));
        mvc.perform(get("/frivillig/foto").with(VOLUNTEER)).andExpect(status().isOk());
        accept(assign(birgit));
        mvc.perform(get("/mig/henvisninger/{id}/foelge/foto", referral).with(citizen)).andExpect(status().isOk());

        var reads = jdbc.sql("SELECT reader_kind || ':' || what FROM volunteer_read WHERE volunteer_id = :id"
                + " ORDER BY read_at").param("id", birgit.id()).query(String.class).list();
        assertThat(reads).as("the staff's look, and the citizen's; not the refused contact's, not her own")
                .containsExactly("STAFF:RECORD", "CITIZEN:PHOTO");
        mvc.perform(get("/frivillig/oplysninger").with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("medarbejder i kommunen")))
                .andExpect(content().string(containsString("borgeren, du går med")))
                .andExpect(content().string(containsString("Dit billede")))
                .andExpect(content().string(not(containsString("Karen"))));
        mvc.perform(get("/frivillig/oplysninger").with(STAFF)).andExpect(status().isForbidden());

        mvc.perform(post("/frivillige/{id}/stadie", birgit.id()).with(STAFF).with(csrf()).param("skift", "REMOVE")
                        .param("begrundelse", "Ønsker sig slettet")
                        .param("version", String.valueOf(version("volunteer", birgit.id()))))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM volunteer_read WHERE volunteer_id = :id").param("id", birgit.id())
                .query(Long.class).single()).as("nobody is left to show them to").isZero();
    }

    @Test
    void theCitizenIsToldWhoGoesAlongWhenAndWhereOnceTheVolunteerSaidYes() throws Exception {
        var citizen = httpBasic("borger", "demo");
        users.linkCitizen("borger", karen);
        UUID assignment = assign(birgit());
        mvc.perform(get("/mig/henvisninger").with(citizen)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Går med dig"))));
        accept(assignment);
        mvc.perform(get("/mig/henvisninger").with(citizen)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Går med dig")))
                .andExpect(content().string(containsString("Birgit (frivillig)")))
                .andExpect(content().string(not(containsString("Sørensen"))))
                .andExpect(content().string(not(containsString("20 30 40 50"))));
    }

    org.springframework.test.web.servlet.ResultActions time(UUID assignment, LocalDate day, String support,
            String minutes) throws Exception {
        return mvc.perform(post("/frivillig/opgaver/{id}/gang", assignment).with(VOLUNTEER).with(csrf())
                .param("dato", day.toString()).param("stoette", support).param("minutter", minutes)
                .param("version", String.valueOf(version("volunteer_assignment", assignment))));
    }

    @Test
    void theVolunteerGoesAlongSeveralTimesWithFallingSupportUntilTheCitizenGoesAloneAndEveryTimeCounts()
            throws Exception {
        var birgit = birgit();
        UUID assignment = assign(birgit);
        accept(assignment);
        var today = service.today();
        mvc.perform(post("/frivillig/opgaver/{id}/rapport", assignment).with(VOLUNTEER).with(csrf())
                        .param("besoeg", "WENT_TOGETHER").param("naeste", "AGAIN_TOGETHER").param("minutter", "120")
                        .param("version", String.valueOf(version("volunteer_assignment", assignment))))
                .andExpect(flash().attribute("success", "volunteer.reported"));
        mvc.perform(get("/frivillig/opgaver/{id}", assignment).with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"ny-gang\"")))
                .andExpect(content().string(containsString("Gik med hele vejen")));

        time(assignment, today, "AT_THE_DOOR", "60").andExpect(flash().attribute("success", "volunteer.time.recorded"));
        time(assignment, today, "ALL_THE_WAY", "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Støtten skal blive mindre eller være den samme som sidst")));
        time(assignment, today.plusDays(1), "PHONE_BEFORE", "").andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Dagen må ikke ligge i fremtiden")));
        time(assignment, today, "PHONE_BEFORE", "15").andExpect(flash().attribute("success", "volunteer.time.recorded"));
        time(assignment, today, "ALONE", "").andExpect(flash().attribute("success", "volunteer.time.recorded"));
        time(assignment, today, "ALONE", "").andExpect(status().isBadRequest());

        assertThat(jdbc.sql("SELECT support FROM volunteer_accompaniment WHERE assignment_id = :id ORDER BY position")
                .param("id", assignment).query(String.class).list())
                .containsExactly("ALL_THE_WAY", "AT_THE_DOOR", "PHONE_BEFORE", "ALONE");
        assertThat(jdbc.sql("SELECT minutes_given FROM referral_assignment_view WHERE id = :id").param("id", assignment)
                .query(Integer.class).single()).as("the hours given in the volunteer figures").isEqualTo(195);
        assertThat(jdbc.sql("SELECT reason FROM referral_change WHERE referral_id = :id ORDER BY position DESC LIMIT 1")
                .param("id", referral).query(String.class).single()).isEqualTo("Følgeskab 4. gang: borgeren gik alene");
        mvc.perform(get("/henvisninger/{id}", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mødtes ved døren")))
                .andExpect(content().string(containsString("Ringede før")))
                .andExpect(content().string(containsString("Borgeren gik alene")));
        mvc.perform(get("/frivillig/opgaver/{id}", assignment).with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"ny-gang\""))));
    }

    @Test
    void afterTheVisitTheTwoTapReportReachesTheReferrerAndTheReferralsHistory() throws Exception {
        var birgit = birgit();
        UUID assignment = assign(birgit);
        accept(assignment);
        mvc.perform(post("/frivillig/opgaver/{id}/rapport", assignment).with(VOLUNTEER).with(csrf())
                        .param("besoeg", "WENT_TOGETHER").param("naeste", "ALONE")
                        .param("version", String.valueOf(version("volunteer_assignment", assignment))))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("success", "volunteer.reported"));
        assertThat(assignmentStatus(assignment)).isEqualTo("REPORTED");
        assertThat(jdbc.sql("""
                SELECT business_status || ': ' || reason FROM referral_change WHERE referral_id = :id
                 ORDER BY position DESC LIMIT 1
                """).param("id", referral).query(String.class).single())
                .isEqualTo("ACCOMPANIED_TO_FIRST_VISIT: Frivillig: gik med ind; borgeren vil gå alene næste gang.");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_notification WHERE referral_id = :id AND message_key = 'volunteer.notify.reported'
                """).param("id", referral).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWithdrawnConsentEndsWhatTheVolunteerSeesOfTheCitizenAtOnceAndThenEndsTheAssignment() throws Exception {
        var birgit = birgit();
        UUID assignment = assign(birgit);
        accept(assignment);
        UUID consent = jdbc.sql("SELECT id FROM consent WHERE citizen_id = :c").param("c", karen).query(UUID.class)
                .single();

        mvc.perform(post("/api/citizens/{id}/consents/{consent}/withdraw", karen, consent).with(STAFF))
                .andExpect(status().isOk());
        mvc.perform(get("/frivillig/opgaver/{id}", assignment).with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Du kan ikke se oplysninger om borgeren")))
                .andExpect(content().string(not(containsString("Karen"))))
                .andExpect(content().string(not(containsString("Jeg tør ikke"))));
        mvc.perform(get("/frivillig").with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Karen"))));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(assignmentStatus(assignment)).isEqualTo("ENDED"));
        mvc.perform(post("/kalender/forny").with(VOLUNTEER).with(csrf()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM volunteer_assignment WHERE status = 'ACCEPTED'").query(Long.class)
                .single()).as("nothing left for the calendar").isZero();
    }

    @Test
    void aReferralThatClosesEndsItsOpenAssignments() throws Exception {
        UUID assignment = assign(birgit());
        mvc.perform(post("/henvisninger/{id}/annuller", referral).with(STAFF).with(csrf())
                        .param("version", String.valueOf(version("referral", referral)))
                        .param("begrundelse", "Borgeren er flyttet"))
                .andExpect(status().is3xxRedirection());
        assertThat(assignmentStatus(assignment)).isEqualTo("ENDED");
        mvc.perform(get("/frivillig/opgaver/{id}", assignment).with(VOLUNTEER)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Karen"))));
    }

    @Test
    void aVolunteerWhoPausesHandsTheAssignmentsBackAndTheReferrerIsTold() throws Exception {
        var birgit = birgit();
        UUID assignment = assign(birgit);
        accept(assignment);
        mvc.perform(post("/frivillige/{id}/stadie", birgit.id()).with(STAFF).with(csrf()).param("skift", "PAUSE")
                        .param("version", String.valueOf(version("volunteer", birgit.id()))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv en begrundelse.")));
        mvc.perform(post("/frivillige/{id}/stadie", birgit.id()).with(STAFF).with(csrf()).param("skift", "PAUSE")
                        .param("begrundelse", "Knæoperation").param("version", String.valueOf(version("volunteer", birgit.id()))))
                .andExpect(status().is3xxRedirection());
        assertThat(assignmentStatus(assignment)).isEqualTo("HANDED_BACK");
        assertThat(jdbc.sql("SELECT COALESCE(business_status, '-') FROM referral WHERE id = :id").param("id", referral)
                .query(String.class).single()).as("no buddy any more").isEqualTo("-");
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM referral_notification WHERE referral_id = :id AND message_key = 'volunteer.notify.handedBack'
                """).param("id", referral).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/frivillige/{id}", birgit.id()).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Knæoperation")))
                .andExpect(content().string(containsString("Givet tilbage")));
    }

    @Test
    void theNightlyRunExpiresLapsedVettingAndTheStartPageWarnsThirtyDaysBefore() throws Exception {
        var today = service.today();
        var soon = plain("Susanne Snart", "7100");
        soon.meet(Requirement.CRIMINAL_RECORD, today.minusYears(2), today.plusDays(12), today, "faellesteam",
                clock.instant());
        volunteers.save(soon);
        var lapsed = birgit();
        UUID assignment = assign(lapsed);
        jdbc.sql("UPDATE volunteer_requirement SET expires_on = :day WHERE volunteer_id = :id AND kind = 'CRIMINAL_RECORD'")
                .param("day", today.minusDays(1)).param("id", lapsed.id()).update();
        jdbc.sql("UPDATE volunteer SET vetted_until = :day WHERE id = :id").param("day", today.minusDays(1))
                .param("id", lapsed.id()).update();

        mvc.perform(get("/start").with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Én godkendelse udløber inden for 30 dage")))
                .andExpect(content().string(containsString("Susanne Snart")));
        assertThat(service.expireLapsed()).isEqualTo(1);
        assertThat(volunteers.findById(lapsed.id()).orElseThrow().stage()).isEqualTo(VolunteerStage.EXPIRED);
        assertThat(volunteers.findById(soon.id()).orElseThrow().stage()).isEqualTo(VolunteerStage.ONBOARDED);
        assertThat(assignmentStatus(assignment)).isEqualTo("HANDED_BACK");
        assertThat(volunteers.findById(lapsed.id()).orElseThrow().history().getLast().reason())
                .isEqualTo("Udløbet: straffeattest");
        mvc.perform(get("/frivillige/{id}", soon.id()).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Udløber inden for 30 dage")));
    }

    @Test
    void theCalendarFeedCarriesOnlyTheFirstNameAndThePlaceWithAReminderAndARevokedLinkIsNotFound() throws Exception {
        var birgit = birgit();
        jdbc.sql("UPDATE referral SET first_date = :when WHERE id = :id")
                .param("when", Timestamp.valueOf(LocalDateTime.now(clock).plusDays(3).withHour(10).withMinute(0)
                        .withSecond(0).withNano(0))).param("id", referral).update();
        UUID assignment = assign(birgit);
        accept(assignment);

        String link = (String) mvc.perform(post("/kalender/forny").with(VOLUNTEER).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("link");
        String token = link.substring(link.lastIndexOf('/') + 1, link.length() - ".ics".length());
        assertThat(jdbc.sql("SELECT token_hash FROM referral_calendar_link WHERE username = 'frivillig'")
                .query(String.class).single()).isNotEqualTo(token).hasSize(64);

        String ics = mvc.perform(get("/kalender/{token}.ics", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        var event = events.getFirst();
        assertThat(event.getSummary().getValue()).isEqualTo("Følgeskab med Karen");
        assertThat(event.getLocation().getValue()).contains("Torvet 1");
        assertThat(ics).doesNotContain("Jensen").doesNotContain("Jeg tør ikke").doesNotContain("Marie");
        List<VAlarm> alarms = event.getAlarms();
        assertThat(alarms).hasSize(1);
        assertThat(alarms.getFirst().<Trigger>getRequiredProperty("TRIGGER").getValue()).isIn("-P1D", "-PT24H");

        String staffLink = (String) mvc.perform(post("/kalender/forny").with(STAFF).with(csrf()))
                .andReturn().getFlashMap().get("link");
        String staffIcs = mvc.perform(get(staffLink.substring(staffLink.indexOf("/kalender/")))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(staffIcs).contains("Følgeskab med Karen");

        mvc.perform(post("/kalender/tilbagekald").with(VOLUNTEER).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/kalender/{token}.ics", token)).andExpect(status().isNotFound());
        mvc.perform(get("/kalender/{token}.ics", "x".repeat(43))).andExpect(status().isNotFound());
    }

    @Test
    void oneAddressFetchingTheCalendarTooOftenIsToldToWait() throws Exception {
        int refused = 0;
        for (int i = 0; i < 35; i++) {
            int status = mvc.perform(get("/kalender/{token}.ics", "x".repeat(43)).with(request -> {
                request.setRemoteAddr("203.0.113.7");
                return request;
            })).andReturn().getResponse().getStatus();
            refused += status == 429 ? 1 : 0;
        }
        assertThat(refused).isEqualTo(5);
        mvc.perform(get("/kalender/{token}.ics", "x".repeat(43))).andExpect(status().isNotFound());
    }

    @Test
    void whenTwoEditTheSameVolunteerTheSecondGetsAConflictAndNothingIsOverwritten() throws Exception {
        var birgit = birgit();
        long seen = version("volunteer", birgit.id());
        mvc.perform(post("/frivillige/{id}/ret", birgit.id()).with(STAFF).with(csrf()).param("version", String.valueOf(seen))
                        .param("navn", "Birgit Holm").param("postnummer", "7100").param("telefon", "20 30 40 50"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/frivillige/{id}/ret", birgit.id()).with(httpBasic("leder", "demo")).with(csrf())
                        .param("version", String.valueOf(seen)).param("navn", "Birgit Sørensen").param("postnummer", "7130")
                        .param("telefon", "20 30 40 50"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("ændret af en anden")))
                .andExpect(content().string(containsString("Birgit Sørensen")));
        assertThat(volunteers.findById(birgit.id()).orElseThrow().name()).isEqualTo("Birgit Holm");
    }
}
