package dk.brobygger.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import ca.uhn.fhir.context.FhirContext;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MedCom HospitalNotification intake (DOMAIN.md §7): every example in the reference folder gives its event,
 * the same message twice is applied once, a cancellation undoes and a revision replaces the earlier event,
 * and bad messages get a 4xx OperationOutcome and are kept for an administrator, with nothing half-saved.
 */
@BrobyggerTest
@RecordApplicationEvents
class HospitalNotificationIntakeTests {

    static final RequestPostProcessor MEDCOM = httpBasic("medcom", "demo");
    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    static final MediaType FHIR_XML = MediaType.parseMediaType("application/fhir+xml");
    /** The patient of every MedCom example. */
    static final String ELMER_CPR = MedcomExamples.ELMER_CPR;

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired FhirContext fhir;
    @Autowired ApplicationEvents events;

    String elmer;

    @BeforeEach
    void elmerIsACitizenTheNurseWorksWith() throws Exception {
        jdbc.sql("DELETE FROM hospital_event").update();
        jdbc.sql("DELETE FROM hospital_message").update();
        citizens.reset();
        String answer = mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"cpr": "%s", "name": "Elmer Hansen", "address": "Østergade 1",
                                 "postcode": "7100", "district": "ØST", "livingSituation": "ALONE"}
                                """.formatted(ELMER_CPR)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        elmer = answer.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("HospitalNotification_Ex_STIN_A.json", HospitalEventCode.STIN, "2023-03-01T11:00:00Z"),
                Arguments.of("HospitalNotification_Ex_STAA_D.json", HospitalEventCode.STAA, "2023-02-28T09:00:04Z"),
                Arguments.of("HospitalNotification_Ex_STOR_F.json", HospitalEventCode.STOR, "2023-03-03T13:00:12Z"),
                Arguments.of("HospitalNotification_Ex_SLOR_G.json", HospitalEventCode.SLOR, "2023-03-05T14:30:02Z"),
                Arguments.of("HospitalNotification_Ex_SLHJ_H.json", HospitalEventCode.SLHJ, "2023-03-07T08:45:30Z"),
                Arguments.of("HospitalNotification_Ex_MORS_J.json", HospitalEventCode.MORS, "2023-03-01T11:00:00Z"),
                Arguments.of("HospitalNotification_Ex_TEK_DUB.json", HospitalEventCode.STIN, "2023-03-01T11:00:00Z"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("examples")
    void eachMedcomExampleGivesItsEvent(String example, HospitalEventCode code, String occurredAt) throws Exception {
        send(example).andExpect(status().isOk())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].severity").value("information"))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString(code.name())));

        assertThat(recorded()).singleElement().satisfies(event -> {
            assertThat(event.citizen().value()).hasToString(elmer);
            assertThat(event.code()).isEqualTo(code);
            assertThat(event.occurredAt()).isEqualTo(Instant.parse(occurredAt));
        });
        assertThat(timeline()).containsExactly(code + " ACTIVE");
    }

    @Test
    void theSameMessageSentAgainAsJsonOrXmlIsAppliedOnce() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk())
                .andExpect(jsonPath("$.issue[0].code").value("duplicate"))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("allerede modtaget")));
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_XML).accept(FHIR_JSON)
                        .content(example("HospitalNotification_Ex_STIN_A.xml")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.issue[0].code").value("duplicate"));
        // A new envelope (Bundle.id, Bundle.timestamp) around the same message is the same message.
        deliver(example("HospitalNotification_Ex_STIN_A.json").replace("a5e5b880-c087-4055-b9ec-99108695f81d",
                "a5e5b880-c087-4055-b9ec-000000000001").replace("\"timestamp\" : \"2023-03-01T12:00:00+01:00\"",
                "\"timestamp\" : \"2023-03-01T12:05:00+01:00\""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.issue[0].code").value("duplicate"));

        assertThat(timeline()).containsExactly("STIN ACTIVE");
        assertThat(recorded()).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM hospital_message")).isEqualTo(1);
    }

    @Test
    void anotherMessageUnderAMessageIdSeenBeforeIsRefusedWith409AndKeptNeverDropped() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());

        // TEK_DUB carries STIN_A's MessageHeader.id but another episode of care: not the same message.
        send("HospitalNotification_Ex_TEK_DUB.json").andExpect(status().isConflict())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].code").value("conflict"))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString(STIN_A_MESSAGE)))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("andet indhold")))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("different content")))
                .andExpect(jsonPath("$.issue[1].diagnostics", containsString("administrator")));
        send("HospitalNotification_Ex_TEK_DUB.json").andExpect(status().isConflict());

        assertThat(timeline()).containsExactly("STIN ACTIVE");
        assertThat(quarantined()).as("kept once, the resend recognised").containsExactly("MESSAGE_ID_REUSED");
        mvc.perform(get("/admin/medcom").with(ADMIN))
                .andExpect(content().string(containsString("Besked-id genbrugt med andet indhold")));
    }

    @Test
    void aCancelledAdmissionIsUndone() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());
        UUID admission = recorded().getFirst().eventId();

        deliver(linkedToStinA("HospitalNotification_Ex_AN_STIN_N.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("AN_STIN")));

        assertThat(timeline()).containsExactly("STIN CANCELLED");
        assertThat(events.stream(HospitalEventCancelled.class))
                .containsExactly(new HospitalEventCancelled(admission, recorded().getFirst().citizen(),
                        HospitalEventCode.STIN));
        assertThat(recorded()).hasSize(1);
        mvc.perform(get("/borgere/{id}/sygehus", elmer).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Der er ingen sygehusophold registreret")))
                .andExpect(content().string(containsString("Annulleret af sygehuset")));
    }

    @Test
    void aRevisionReplacesTheAdmissionAndKeepsTheOldOneAsHistory() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());
        UUID admission = recorded().getFirst().eventId();

        deliver(linkedToStinA("HospitalNotification_Ex_RE_STIN_O.json")).andExpect(status().isOk());

        assertThat(timeline()).containsExactlyInAnyOrder("STIN ACTIVE", "STIN REVISED");
        assertThat(events.stream(HospitalEventCancelled.class).map(HospitalEventCancelled::eventId))
                .containsExactly(admission);
        var revised = recorded().getLast();
        assertThat(revised.eventId()).isNotEqualTo(admission);
        assertThat(revised.occurredAt()).isEqualTo(Instant.parse("2023-03-01T07:00:00Z"));
        assertThat(jdbc.sql("SELECT revises FROM hospital_event WHERE id = :id").param("id", revised.eventId())
                .query(UUID.class).single()).isEqualTo(admission);
    }

    @Test
    void aSecondRevisionOfTheSameAdmissionRevisesWhatStandsNow() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());
        String firstRevision = linkedToStinA("HospitalNotification_Ex_RE_STIN_O.json");
        deliver(firstRevision).andExpect(status().isOk());
        String secondRevision = firstRevision.replace(RE_STIN_MESSAGE, "cd146532-0884-407d-85e2-da9a0c399006")
                .replace("2023-03-01T08:00:00+01:00", "2023-03-01T09:00:00+01:00");

        deliver(secondRevision).andExpect(status().isOk());

        assertThat(timeline()).containsExactlyInAnyOrder("STIN REVISED", "STIN REVISED", "STIN ACTIVE");
        assertThat(jdbc.sql("SELECT occurred_at FROM hospital_event WHERE status = 'ACTIVE'")
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2023-03-01T08:00:00Z"));
    }

    @Test
    void aCancelledAdmissionCannotBeCancelledAgainAndALaterAdmissionIsLeftAlone() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());
        String cancellation = linkedToStinA("HospitalNotification_Ex_AN_STIN_N.json");
        deliver(cancellation).andExpect(status().isOk());
        deliver(example("HospitalNotification_Ex_STIN_A.json").replace(STIN_A_MESSAGE, "d9b4818e-02de-4cc4-b418-d20cbc7b5404")
                .replace("2023-03-01T12:00:00+01:00", "2023-03-10T12:00:00+01:00")).andExpect(status().isOk());

        deliver(cancellation.replace("cd78c1e2-78e6-4291-b071-f423a4399006", "dd78c1e2-78e6-4291-b071-f423a4399006"))
                .andExpect(status().isUnprocessableContent());

        assertThat(timeline()).containsExactly("STIN ACTIVE", "STIN CANCELLED");
        assertThat(quarantined()).containsExactly("EARLIER_MESSAGE_UNKNOWN");
    }

    @Test
    void aRevisionOfAnAdmissionNeverReceivedIsKeptForAnAdministrator() throws Exception {
        send("HospitalNotification_Ex_RE_STIN_O.json").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.issue[0].code").value("not-found"));
        assertThat(quarantined()).containsExactly("EARLIER_MESSAGE_UNKNOWN");
        assertThat(timeline()).isEmpty();
    }

    @Test
    void theXmlFormOfAnExampleGivesTheSameEventAndAnXmlAnswer() throws Exception {
        var bundle = fhir.newJsonParser().parseResource(Bundle.class, example("HospitalNotification_Ex_STIN_A.json"));
        String xml = fhir.newXmlParser().encodeResourceToString(bundle);

        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_XML).accept(FHIR_XML).content(xml))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(FHIR_XML))
                .andExpect(xpath("/*[local-name()='OperationOutcome']/*[local-name()='issue']/*[local-name()='severity']/@value")
                        .string("information"));

        assertThat(recorded()).singleElement().extracting(HospitalEventRecorded::code).isEqualTo(HospitalEventCode.STIN);
        assertThat(jdbc.sql("SELECT media_type FROM hospital_message").query(String.class).single())
                .startsWith("application/fhir+xml");
    }

    @Test
    void aMessageForAnUnknownCprIsRefusedAndKeptForAnAdministrator() throws Exception {
        jdbc.sql("DELETE FROM citizen_relation").update();
        citizens.reset();

        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].severity").value("error"))
                .andExpect(jsonPath("$.issue[0].code").value("not-found"))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("ingen borger")))
                .andExpect(jsonPath("$.issue[1].diagnostics", containsString("administrator")));

        assertThat(quarantined()).containsExactly("UNKNOWN_PATIENT");
        assertThat(recorded()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM hospital_event")).isZero();
    }

    @Test
    void aResentMessageForAnUnknownCprIsRecognisedAndNotKeptTwice() throws Exception {
        jdbc.sql("DELETE FROM citizen_relation").update();
        citizens.reset();

        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isUnprocessableContent());
        String first = jdbc.sql("SELECT id FROM hospital_message").query(String.class).single();
        send("HospitalNotification_Ex_STIN_A.xml", FHIR_XML).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.issue[1].diagnostics", containsString(first)));

        assertThat(quarantined()).containsExactly("UNKNOWN_PATIENT");
    }

    @Test
    void aDischargeHomeDuringLeaveIsDerivedFromTheActivityAndAppliedWithAWarning() throws Exception {
        send("HospitalNotification_Ex_STIN_I.json").andExpect(status().isOk());
        send("HospitalNotification_Ex_STOR_I.json").andExpect(status().isOk());

        send("HospitalNotification_Ex_SLHJ_I.json").andExpect(status().isOk())
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("SLHJ")))
                .andExpect(jsonPath("$.issue[1].severity").value("warning"))
                .andExpect(jsonPath("$.issue[1].diagnostics", containsString("orlov")));

        assertThat(timeline()).first().isEqualTo("SLHJ ACTIVE");
        mvc.perform(get("/borgere/{id}/sygehus", elmer).with(NURSE))
                .andExpect(content().string(containsString("Hjemme, udskrevet 4. marts 2023 16:00")))
                .andExpect(content().string(containsString("Bemærkning")))
                .andExpect(content().string(containsString("stod som orlov")));
    }

    @Test
    void aCancellationOfARefusedRevisionIsKeptAndNeverGuessedOntoTheLatestAdmission() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());
        // RE_STIN_O revises a message never received here: refused and kept.
        send("HospitalNotification_Ex_RE_STIN_O.json").andExpect(status().isUnprocessableContent());

        // AN_STIN_P cancels RE_STIN_O.
        send("HospitalNotification_Ex_AN_STIN_P.json").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString(RE_STIN_MESSAGE)))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("afvist")));

        assertThat(timeline()).containsExactly("STIN ACTIVE");
        assertThat(quarantined()).containsExactly("EARLIER_MESSAGE_UNKNOWN", "EARLIER_MESSAGE_REFUSED");
        mvc.perform(get("/admin/medcom").with(ADMIN))
                .andExpect(content().string(containsString("Retter eller annullerer en afvist advis")));
    }

    @Test
    void aDeathEndsTheTimelineAndALaterDatedMessageIsShownAsAfterTheDeath() throws Exception {
        send("HospitalNotification_Ex_MORS_J.json").andExpect(status().isOk());
        events.clear();

        send("HospitalNotification_Ex_STOR_F.json").andExpect(status().isOk())
                .andExpect(jsonPath("$.issue[1].severity").value("warning"))
                .andExpect(jsonPath("$.issue[1].diagnostics", containsString("registreret død 1. marts 2023 12:00")));

        assertThat(recorded()).as("history, not a life event for outreach").isEmpty();
        mvc.perform(get("/api/citizens/{id}/hospital-events", elmer).with(NURSE))
                .andExpect(jsonPath("$.current.code").value("MORS"))
                .andExpect(jsonPath("$.events[0].code").value("STOR"))
                .andExpect(jsonPath("$.events[0].afterDeath").value(true))
                .andExpect(jsonPath("$.events[1].afterDeath").value(false));
        mvc.perform(get("/borgere/{id}/sygehus", elmer).with(NURSE))
                .andExpect(content().string(containsString("Død 1. marts 2023 12:00")))
                .andExpect(content().string(containsString("Modtaget efter dødsfald")));
    }

    @Test
    void garbageIsRefusedWith400AndKept() throws Exception {
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content("this is { not FHIR"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].code").value("structure"))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("kunne ikke læses")));

        assertThat(quarantined()).containsExactly("MALFORMED");
        assertThat(jdbc.sql("SELECT body FROM hospital_message").query(String.class).single())
                .isEqualTo("this is { not FHIR");
    }

    @Test
    void aBundleThatIsNotAHospitalNotificationIsRefused() throws Exception {
        String patient = """
                {"resourceType": "Patient", "identifier": [{"system": "urn:oid:1.2.208.176.1.2", "value": "2509479989"}]}
                """;
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content(patient))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.issue[0].code").value("not-supported"));
        String collection = example("HospitalNotification_Ex_STIN_A.json")
                .replace("\"type\" : \"message\"", "\"type\" : \"collection\"");
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content(collection))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("ikke en MedCom-sygehusadvis")));
        String otherMessage = example("HospitalNotification_Ex_STIN_A.json")
                .replace("\"code\" : \"hospital-notification-message\"", "\"code\" : \"care-communication-message\"");
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content(otherMessage))
                .andExpect(status().isUnprocessableContent());

        assertThat(quarantined()).containsOnly("NOT_A_HOSPITAL_NOTIFICATION").hasSize(3);
        assertThat(timeline()).isEmpty();
    }

    @Test
    void anEventInTheFutureIsRefused() throws Exception {
        String future = example("HospitalNotification_Ex_STIN_A.json").replace("2023-03-01T12:00:00+01:00",
                "2099-03-01T12:00:00+01:00");
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content(future))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.issue[0].code").value("business-rule"))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("fremtiden")));

        assertThat(quarantined()).containsExactly("FUTURE_DATE");
        assertThat(timeline()).isEmpty();
        assertThat(recorded()).isEmpty();
    }

    @Test
    void anEncounterThatContradictsTheActivityIsRefused() throws Exception {
        String finishedAdmission = example("HospitalNotification_Ex_STIN_A.json")
                .replace("\"status\" : \"in-progress\"", "\"status\" : \"finished\"");
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content(finishedAdmission))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("hænger ikke sammen")));
        assertThat(quarantined()).containsExactly("INCONSISTENT");
        assertThat(timeline()).isEmpty();
    }

    @Test
    void xmlWithAnExternalEntityIsRefusedAndNothingIsRead() throws Exception {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE Bundle [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Bundle xmlns="http://hl7.org/fhir"><id value="&secret;"/><type value="message"/></Bundle>
                """;
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_XML).accept(FHIR_JSON).content(xxe))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("root:"))));
        assertThat(timeline()).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM hospital_message WHERE outcome = 'QUARANTINED'")).isEqualTo(1);
    }

    @Test
    void theSameEventFromAnotherMessageIsADuplicateEventAndIsRefused() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());
        String resent = example("HospitalNotification_Ex_STIN_A.json")
                .replace("b9b4818e-02de-4cc4-b418-d20cbc7b5404", "c0c0818e-02de-4cc4-b418-d20cbc7b5404");

        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content(resent))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.issue[0].code").value("duplicate"));
        assertThat(timeline()).containsExactly("STIN ACTIVE");
        assertThat(quarantined()).containsExactly("DUPLICATE_EVENT");
    }

    @Test
    void onlyASystemUserMaySendAndNeedsNoCsrfToken() throws Exception {
        String stin = example("HospitalNotification_Ex_STIN_A.json");
        mvc.perform(post("/fhir/$process-message").contentType(FHIR_JSON).content(stin))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", containsString("Basic")))
                .andExpect(content().contentTypeCompatibleWith(FHIR_JSON))
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].code").value("login"))
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("systembruger")));
        mvc.perform(post("/fhir/$process-message").contentType(FHIR_XML).content("<Bundle/>"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(FHIR_XML))
                .andExpect(xpath("/*[local-name()='OperationOutcome']/*[local-name()='issue']/*[local-name()='code']/@value")
                        .string("login"));
        mvc.perform(post("/fhir/$process-message").with(NURSE).contentType(FHIR_JSON).content(stin))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].code").value("forbidden"));
        mvc.perform(get("/fhir/metadata").with(NURSE).accept(FHIR_XML))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(FHIR_XML))
                .andExpect(xpath("/*[local-name()='OperationOutcome']/*[local-name()='issue']/*[local-name()='code']/@value")
                        .string("forbidden"));
        mvc.perform(post("/fhir/$process-message").with(httpBasic("medcom", "wrong")).contentType(FHIR_JSON)
                        .content(stin))
                .andExpect(status().isUnauthorized());
        assertThat(count("SELECT COUNT(*) FROM hospital_message")).isZero();
        // A system user has no login to the pages at all: refused as if the password were wrong.
        mvc.perform(get("/borgere").with(MEDCOM)).andExpect(status().isUnauthorized());
    }

    @Test
    void aMessageInAnUnsupportedMediaTypeGetsAnOperationOutcomeAndIsKeptForTheAdministrator() throws Exception {
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(MediaType.TEXT_PLAIN).content("hej"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].diagnostics").value(
                        "Beskeden skal sendes som application/fhir+json eller application/fhir+xml, ikke text/plain."));
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).header("Content-Type", "*/*")
                        .content(example("HospitalNotification_Ex_STIN_A.json")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"));

        assertThat(quarantined()).containsExactly("UNSUPPORTED_MEDIA_TYPE", "UNSUPPORTED_MEDIA_TYPE");
        assertThat(jdbc.sql("SELECT body FROM hospital_message WHERE media_type = 'text/plain'").query(String.class)
                .single()).isEqualTo("hej");
    }

    @Test
    void theIntakeIsAuditedAsTheSystem() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());

        var rows = jdbc.sql("""
                SELECT username, user_role, action FROM audit_record WHERE citizen_id = :citizen ORDER BY id
                """).param("citizen", UUID.fromString(elmer))
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
        assertThat(rows).containsSubsequence("medcom SYSTEM SEARCH", "medcom SYSTEM CREATE");
        mvc.perform(get("/api/audit/verify").with(ADMIN)).andExpect(jsonPath("$.valid").value(true));
    }

    @Test
    void relatedStaffSeeTheTimelineInPlainDanishAndAsJson() throws Exception {
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isOk());
        send("HospitalNotification_Ex_STOR_F.json").andExpect(status().isOk());

        mvc.perform(get("/borgere/{id}/sygehus", elmer).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Elmer Hansen")))
                .andExpect(content().string(containsString("På orlov fra sygehuset siden 3. marts 2023 14:00")))
                .andExpect(content().string(containsString("Indlagt")));
        mvc.perform(get("/api/citizens/{id}/hospital-events", elmer).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current.code").value("STOR"))
                .andExpect(jsonPath("$.events[0].code").value("STOR"))
                .andExpect(jsonPath("$.events[1].code").value("STIN"))
                .andExpect(jsonPath("$.events[1].status").value("ACTIVE"));
        mvc.perform(get("/borgere/{id}/sygehus", elmer).with(httpBasic("faellesteam", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bryd glasset")));
    }

    @Test
    void administratorsSeeRejectedMessagesEscapedAndMarkThemHandled() throws Exception {
        jdbc.sql("DELETE FROM citizen_relation").update();
        citizens.reset();
        send("HospitalNotification_Ex_STIN_A.json").andExpect(status().isUnprocessableContent());
        UUID id = jdbc.sql("SELECT id FROM hospital_message").query(UUID.class).single();

        mvc.perform(get("/admin/medcom").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ukendt borger (CPR-nummer)")))
                .andExpect(content().string(containsString("1 venter på gennemsyn")));
        mvc.perform(get("/admin/medcom/{id}", id).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;div xmlns=")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">"))));
        mvc.perform(get("/admin/medcom").with(NURSE)).andExpect(status().isForbidden());

        mvc.perform(post("/admin/medcom/{id}/behandlet", id).with(ADMIN).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/medcom").with(ADMIN))
                .andExpect(content().string(containsString("Ingen adviser venter på gennemsyn")));
        mvc.perform(get("/admin/medcom").param("alle", "true").with(ADMIN))
                .andExpect(content().string(containsString("Behandlet")));
    }

    static final String STIN_A_MESSAGE = "b9b4818e-02de-4cc4-b418-d20cbc7b5404";
    static final String RE_STIN_MESSAGE = "bd146532-0884-407d-85e2-da9a0c399006";

    /** MedCom's RE_ and AN_ examples name an admission message that is not among the examples; this names STIN_A. */
    static String linkedToStinA(String example) throws IOException {
        return example(example).replace("MessageHeader/b9b4818e-02de-4cc4-b418-d20cbc399006",
                "MessageHeader/" + STIN_A_MESSAGE);
    }

    private ResultActions deliver(String body) throws Exception {
        return mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content(body));
    }

    private ResultActions send(String example) throws Exception {
        return send(example, FHIR_JSON);
    }

    private ResultActions send(String example, MediaType type) throws Exception {
        return mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(type)
                .accept(FHIR_JSON).content(example(example)));
    }

    static String example(String name) {
        return MedcomExamples.read(name);
    }

    private List<HospitalEventRecorded> recorded() {
        return events.stream(HospitalEventRecorded.class).toList();
    }

    /** The citizen's timeline, newest first, as "CODE STATUS". */
    private List<String> timeline() {
        return jdbc.sql("SELECT code, status FROM hospital_event ORDER BY occurred_at DESC, recorded_at DESC")
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).list();
    }

    private List<String> quarantined() {
        return jdbc.sql("SELECT reason FROM hospital_message WHERE outcome = 'QUARANTINED' ORDER BY received_at")
                .query(String.class).list();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

}
