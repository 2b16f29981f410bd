package dk.brobygger.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.homevisit.TestHomeVisits;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Referrals at {@code /fhir} as the HL7 SDOH Clinical Care IG models them (issue 15): an association's own system
 * finds its new referrals ({@code Task?owner=&status=requested}), reads them with only what the citizen consented
 * to share, and accepts them by updating the Task, which staff then see on the referral; another association's
 * system finds nothing; a stale version and an illegal transition are refused with a Danish OperationOutcome and
 * nothing changes. Every resource the server answers with validates against the FHIR R4 base specification.
 */
@BrobyggerTest
class ReferralFhirTests {

    static final RequestPostProcessor STAFF = httpBasic("faellesteam", "demo");
    static final RequestPostProcessor KNITTING_SYSTEM = httpBasic("system-strikkeklubben", "demo");
    static final RequestPostProcessor CHOIR_SYSTEM = httpBasic("system-seniorkor", "demo");
    static final RequestPostProcessor MEDCOM = httpBasic("medcom", "demo");
    static final RequestPostProcessor GP_SYSTEM = httpBasic("laegesystem", "demo");
    static final RequestPostProcessor HOST = httpBasic("vaert", "demo");
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final FhirValidator VALIDATOR = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(
            new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                    new InMemoryTerminologyServerValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR))));

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired TestDirectory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Users users;
    @Autowired PasswordEncoder passwords;
    @Autowired Clock clock;

    UUID karen;
    UUID knitting;
    UUID choir;
    UUID club;
    UUID singers;
    Location square;

    @BeforeEach
    void karenTheTeamWorksWithAndTwoAssociationsWithTheirOwnSystems() {
        data.reset();
        directory.reset();
        karen = data.citizen("Karen Marie Jensen", LocalDate.now(clock).minusYears(78), "ALONE", "ØST");
        data.relate(karen, "faellesteam");
        var knittingClub = directory.organization("Strikkeklubben Maske for Maske");
        square = directory.location(knittingClub, "Torvet 1", "7100", "ØST", 55.7090, 9.5360, true);
        knitting = directory.offer(square, "Strikkecafé").save().id();
        var choirs = directory.organization("Fjordlund Seniorkor");
        choir = directory.offer(directory.location(choirs, "Kirkevej 2", "7130", "ØST", 55.73, 9.62, true),
                "Seniorkoret").save().id();
        club = knittingClub.id();
        singers = choirs.id();
        String hash = passwords.encode("demo");
        users.save("system-strikkeklubben", "System: Strikkeklubben", hash, EnumSet.of(Role.SYSTEM), club);
        users.save("system-seniorkor", "System: Seniorkoret", hash, EnumSet.of(Role.SYSTEM), singers);
        consent(karen, "Strikkeklubben Maske for Maske");
        consent(karen, "Fjordlund Seniorkor");
        jdbc.sql("DELETE FROM referral_inbound").update();
    }

    @Test
    void theAssociationsSystemFindsReadsAndAcceptsAReferralAndStaffSeeTheAnswer() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME", "CONTACT", "WORDS");

        Bundle found = read(mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM)
                        .param("owner", "Organization/" + club).param("status", "requested"))
                .andExpect(status().isOk()).andReturn(), Bundle.class);
        assertThat(found.getTotal()).isEqualTo(1);
        var task = (Task) found.getEntryFirstRep().getResource();
        assertThat(task.getIdElement().getIdPart()).isEqualTo(referral.toString());
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(task.getIntent()).isEqualTo(Task.TaskIntent.ORDER);
        assertThat(task.getFocus().getReference()).isEqualTo("ServiceRequest/" + referral);
        assertThat(task.getOwner().getIdentifier().getValue()).isEqualTo("urn:uuid:" + club);

        var read = mvc.perform(get("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM)).andExpect(status().isOk())
                .andReturn();
        var searched = task;
        task = read(read, Task.class);
        // The search reads its page in one query, not the aggregate: it must show the very same Task.
        assertThat(searched.getMeta().getVersionId()).isEqualTo(task.getMeta().getVersionId());
        assertThat(searched.getLastModified()).isEqualTo(task.getLastModified());
        assertThat(searched.getAuthoredOn()).isEqualTo(task.getAuthoredOn());
        assertThat(searched.getFocus().getDisplay()).isEqualTo(task.getFocus().getDisplay()).isEqualTo("Strikkecafé");
        assertThat(searched.getOwner().getDisplay()).isEqualTo(task.getOwner().getDisplay());
        assertThat(searched.getRequester().getDisplay()).isEqualTo(task.getRequester().getDisplay());
        assertThat(((Patient) searched.getContained().getFirst()).getNameFirstRep().getGivenAsSingleString())
                .isEqualTo("Karen");
        var patient = (Patient) task.getContained().getFirst();
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Karen");
        assertThat(patient.getTelecomFirstRep().getValue()).isEqualTo("Ring 12 34 56 78 om formiddagen");
        assertThat(patient.hasIdentifier()).isFalse();
        assertThat(read.getResponse().getContentAsString()).doesNotContain(cpr(karen)).doesNotContain("Jensen");

        var request = read(mvc.perform(get("/fhir/ServiceRequest/{id}", referral).with(KNITTING_SYSTEM))
                .andExpect(status().isOk()).andReturn(), ServiceRequest.class);
        assertThat(request.getCode().getText()).isEqualTo("Strikkecafé");
        assertThat(request.getNoteFirstRep().getText()).isEqualTo("Jeg vil gerne ud blandt andre");

        task.setStatus(Task.TaskStatus.ACCEPTED);
        var accepted = read(mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON)
                        .header("If-Match", "W/\"" + version(referral) + "\"").content(json(task)))
                .andExpect(status().isOk()).andReturn(), Task.class);
        assertThat(accepted.getStatus()).isEqualTo(Task.TaskStatus.ACCEPTED);
        assertThat(stateOf(referral)).isEqualTo("ACCEPTED");

        mvc.perform(get("/henvisninger/{id}", referral).with(STAFF)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Accepteret")));
    }

    @Test
    void theAssociationsSystemFollowsTheCitizenFromAcceptedToCompletedOrDeclinesWithAReason() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        var task = update(referral, fetch(referral).setStatus(Task.TaskStatus.ACCEPTED));
        task = update(referral, task.setStatus(Task.TaskStatus.INPROGRESS)
                .setBusinessStatus(business("attended")));
        assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("attended");
        assertThat(task.getBusinessStatus().getText()).isEqualTo("Kom");
        task = update(referral, task.setBusinessStatus(business("did-not-attend")));
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.INPROGRESS);
        assertThat(task.getBusinessStatus().getCodingFirstRep().getCode()).isEqualTo("did-not-attend");
        task.setStatus(Task.TaskStatus.COMPLETED).setBusinessStatus(null).addOutput().setValue(
                new StringType("Kommer nu på egen hånd hver tirsdag.")).getType().setText("Udfald");
        task = update(referral, task);
        assertThat(task.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(task.getOutputFirstRep().getValue().primitiveValue()).isEqualTo("Kommer nu på egen hånd hver tirsdag.");
        assertThat(jdbc.sql("SELECT outcome FROM referral WHERE id = :id").param("id", referral).query(String.class)
                .single()).isEqualTo("Kommer nu på egen hånd hver tirsdag.");

        UUID declined = refer(choir, "FIRST_NAME");
        var choirTask = fetch(declined, CHOIR_SYSTEM).setStatus(Task.TaskStatus.REJECTED)
                .setBusinessStatus(business("not-eligible"));
        choirTask.getStatusReason().setText("Koret er for folk, der har sunget før.");
        var answered = read(mvc.perform(put("/fhir/Task/{id}", declined).with(CHOIR_SYSTEM).contentType(FHIR_JSON)
                .content(json(choirTask))).andExpect(status().isOk()).andReturn(), Task.class);
        assertThat(answered.getStatusReason().getText()).isEqualTo("Koret er for folk, der har sunget før.");
        assertThat(stateOf(declined)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("SELECT business_status FROM referral WHERE id = :id").param("id", declined)
                .query(String.class).single()).isEqualTo("NOT_ELIGIBLE");
    }

    Task fetch(UUID referral) throws Exception {
        return fetch(referral, KNITTING_SYSTEM);
    }

    Task fetch(UUID referral, RequestPostProcessor system) throws Exception {
        return read(mvc.perform(get("/fhir/Task/{id}", referral).with(system)).andExpect(status().isOk()).andReturn(),
                Task.class);
    }

    Task update(UUID referral, Task task) throws Exception {
        return read(mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON)
                .content(json(task))).andExpect(status().isOk()).andReturn(), Task.class);
    }

    static org.hl7.fhir.r4.model.CodeableConcept business(String code) {
        return new org.hl7.fhir.r4.model.CodeableConcept(new Coding(ReferralFhir.BUSINESS_STATUSES, code, null));
    }

    @Test
    void theSystemsReadsAreInTheCitizensAuditLogAsTheInboxsAre() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        mvc.perform(get("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM)).andExpect(status().isOk());
        mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM)).andExpect(status().isOk());
        assertThat(jdbc.sql("""
                SELECT purpose FROM audit_record WHERE citizen_id = :citizen AND username = 'system-strikkeklubben'
                   AND action = 'READ' ORDER BY id
                """).param("citizen", karen).query(String.class).list())
                .containsExactly("Foreningens system læste henvisningen (FHIR) (Strikkeklubben Maske for Maske)",
                        "Foreningens system søgte i sine henvisninger (FHIR) (Strikkeklubben Maske for Maske)");
    }

    @Test
    void anotherAssociationsSystemFindsNothingAndReadsNothingAsIfItDidNotExist() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME", "CONTACT");
        var notFound = mvc.perform(get("/fhir/Task/{id}", referral).with(CHOIR_SYSTEM))
                .andExpect(status().isNotFound()).andReturn();
        assertThat(read(notFound, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .isEqualTo("Henvisningen findes ikke.");
        mvc.perform(get("/fhir/ServiceRequest/{id}", referral).with(CHOIR_SYSTEM)).andExpect(status().isNotFound());
        mvc.perform(get("/fhir/Task/{id}", UUID.randomUUID()).with(CHOIR_SYSTEM)).andExpect(status().isNotFound());
        assertThat(read(mvc.perform(get("/fhir/Task").with(CHOIR_SYSTEM).param("owner", "Organization/" + club))
                .andExpect(status().isOk()).andReturn(), Bundle.class).getTotal()).isZero();
        assertThat(read(mvc.perform(get("/fhir/Task").with(CHOIR_SYSTEM)).andExpect(status().isOk()).andReturn(),
                Bundle.class).getTotal()).isZero();
        // A system without an organisation (the MedCom intake) sees no referral either.
        mvc.perform(get("/fhir/Task/{id}", referral).with(MEDCOM)).andExpect(status().isNotFound());
        assertThat(read(mvc.perform(get("/fhir/Task").with(MEDCOM)).andExpect(status().isOk()).andReturn(),
                Bundle.class).getTotal()).isZero();

        var task = new Task().setStatus(Task.TaskStatus.ACCEPTED).setIntent(Task.TaskIntent.ORDER);
        task.setId(referral.toString());
        mvc.perform(put("/fhir/Task/{id}", referral).with(CHOIR_SYSTEM).contentType(FHIR_JSON)
                        .header("If-Match", "W/\"" + version(referral) + "\"").content(json(task)))
                .andExpect(status().isNotFound());
        assertThat(stateOf(referral)).isEqualTo("REQUESTED");
    }

    @Test
    void theContainedPatientCarriesOnlyWhatTheCitizenAgreedToShareAndNothingOnceTheConsentEnds() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        var task = read(mvc.perform(get("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM)).andExpect(status().isOk())
                .andReturn(), Task.class);
        var patient = (Patient) task.getContained().getFirst();
        assertThat(patient.getNameFirstRep().getGivenAsSingleString()).isEqualTo("Karen");
        assertThat(patient.hasTelecom()).isFalse();
        assertThat(patient.hasIdentifier()).isFalse();
        assertThat(read(mvc.perform(get("/fhir/ServiceRequest/{id}", referral).with(KNITTING_SYSTEM))
                .andExpect(status().isOk()).andReturn(), ServiceRequest.class).hasNote()).isFalse();

        jdbc.sql("DELETE FROM consent WHERE party_name = 'Strikkeklubben Maske for Maske'").update();
        var body = mvc.perform(get("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM)).andExpect(status().isOk())
                .andReturn();
        task = read(body, Task.class);
        assertThat(task.hasContained()).isFalse();
        assertThat(task.getFor().getDisplay()).contains("samtykket");
        assertThat(body.getResponse().getContentAsString()).doesNotContain("Karen");
    }

    @Test
    void anAnswerToAStaleVersionIsAConflictAndNothingIsOverwritten() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        var task = read(mvc.perform(get("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM)).andExpect(status().isOk())
                .andReturn(), Task.class);
        long seen = version(referral);
        task.setStatus(Task.TaskStatus.ONHOLD);
        mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON).content(json(task)))
                .andExpect(status().isOk());

        task.setStatus(Task.TaskStatus.REJECTED).setBusinessStatus(null);
        task.getBusinessStatus().addCoding(new Coding(ReferralFhir.BUSINESS_STATUSES, "not-eligible", null));
        var conflict = mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON)
                .content(json(task))).andExpect(status().isConflict()).andReturn();
        assertThat(read(conflict, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .startsWith("Henvisningen er ændret, siden jeres system hentede den");
        mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON)
                        .header("If-Match", "W/\"" + seen + "\"").content(json(task)))
                .andExpect(status().isPreconditionFailed());
        assertThat(stateOf(referral)).isEqualTo("ON_HOLD");
    }

    @Test
    void anIllegalTransitionAnUnknownOwnerOrStatusIsRefusedInDanishAndNothingChanges() throws Exception {
        UUID referral = refer(knitting, "FIRST_NAME");
        var task = read(mvc.perform(get("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM)).andExpect(status().isOk())
                .andReturn(), Task.class);
        long version = version(referral);

        task.setStatus(Task.TaskStatus.COMPLETED).addOutput().setValue(new StringType("Kom fast"));
        var illegal = mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON)
                .content(json(task))).andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(read(illegal, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .isEqualTo("Det kan man ikke, når henvisningen er \"Sendt, venter på svar\".");

        task.setOutput(List.of()).setStatus(Task.TaskStatus.CANCELLED);
        assertThat(read(mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON)
                .content(json(task))).andExpect(status().isUnprocessableContent()).andReturn(), OperationOutcome.class)
                .getIssueFirstRep().getDiagnostics()).isEqualTo("Foreningen kan ikke sætte henvisningen til \"Annulleret\".");

        task.setStatus(Task.TaskStatus.READY);
        mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON).content(json(task)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(MockMvcResultMatchers.jsonPath("$.issue[0].diagnostics").value(containsString("\"ready\"")));

        task.setStatus(Task.TaskStatus.REJECTED);
        mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON).content(json(task)))
                .andExpect(status().isUnprocessableContent());

        task.setStatus(Task.TaskStatus.ACCEPTED).getOwner().setReference("Organization/" + singers)
                .getIdentifier().setValue("urn:uuid:" + singers);
        mvc.perform(put("/fhir/Task/{id}", referral).with(KNITTING_SYSTEM).contentType(FHIR_JSON).content(json(task)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(MockMvcResultMatchers.jsonPath("$.issue[0].diagnostics")
                        .value(containsString("Task.owner er ikke den organisation")));

        assertThat(stateOf(referral)).isEqualTo("REQUESTED");
        assertThat(version(referral)).isEqualTo(version);
    }

    @Test
    void theSearchPagesAndFiltersByStatusAndLastUpdatedAndTheCapabilityStatementNamesIt() throws Exception {
        UUID first = refer(knitting, "FIRST_NAME");
        jdbc.sql("UPDATE referral SET created_at = :earlier WHERE id = :id")
                .param("earlier", Timestamp.from(Instant.now().minusSeconds(60))).param("id", first).update();
        var secondOffer = directory.offer(square, "Strikkeaften").save().id();
        UUID second = refer(secondOffer, "FIRST_NAME");

        var page = read(mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM).param("_count", "1"))
                .andExpect(status().isOk()).andReturn(), Bundle.class);
        assertThat(page.getTotal()).isEqualTo(2);
        assertThat(page.getEntry()).hasSize(1);
        assertThat(page.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(second.toString());
        String next = page.getLink(Bundle.LINK_NEXT).getUrl();
        assertThat(next).contains("_offset=1");
        var rest = read(mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM).param("_count", "1")
                .param("_offset", "1")).andExpect(status().isOk()).andReturn(), Bundle.class);
        assertThat(rest.getEntryFirstRep().getResource().getIdElement().getIdPart()).isEqualTo(first.toString());

        assertThat(read(mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM)
                        .param("owner:identifier", "urn:ietf:rfc:3986|urn:uuid:" + club)).andExpect(status().isOk())
                .andReturn(), Bundle.class).getTotal()).isEqualTo(2);
        assertThat(read(mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM).param("owner", singers.toString()))
                .andExpect(status().isOk()).andReturn(), Bundle.class).getTotal()).isZero();
        assertThat(read(mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM).param("status", "accepted"))
                .andExpect(status().isOk()).andReturn(), Bundle.class).getTotal()).isZero();
        assertThat(read(mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM).param("status", "requested")
                        .param("_lastUpdated", "gt2000-01-01")).andExpect(status().isOk()).andReturn(), Bundle.class)
                .getTotal()).isEqualTo(2);
        assertThat(read(mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM).param("status", "requested")
                        .param("_lastUpdated", "lt2000-01-01")).andExpect(status().isOk()).andReturn(), Bundle.class)
                .getTotal()).isZero();
        mvc.perform(get("/fhir/Task").with(KNITTING_SYSTEM).param("_format", "xml")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<Bundle xmlns=\"http://hl7.org/fhir\">")));

        var capabilities = read(mvc.perform(get("/fhir/metadata").with(KNITTING_SYSTEM)).andExpect(status().isOk())
                .andReturn(), CapabilityStatement.class);
        var types = capabilities.getRestFirstRep().getResource().stream().map(r -> r.getType()).toList();
        assertThat(types).contains("Task", "ServiceRequest");
    }

    @Test
    void aReferralFromAGpSystemLandsForTheReceivingTeamWithATaskAndAnUnknownCprIsQuarantined() throws Exception {
        String sent = json(referralBundle(cpr(karen)));
        var answer = read(mvc.perform(post("/fhir").with(GP_SYSTEM).contentType(FHIR_JSON).content(sent))
                .andExpect(status().isOk()).andReturn(), Bundle.class);
        // Sent again (the sender did not hear the answer): recognised, kept once.
        var again = read(mvc.perform(post("/fhir").with(GP_SYSTEM).contentType(FHIR_JSON).content(sent))
                .andExpect(status().isOk()).andReturn(), Bundle.class);
        assertThat(again.getIdElement().getIdPart()).isEqualTo(answer.getIdElement().getIdPart());
        assertThat(answer.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(answer.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
        UUID inbound = jdbc.sql("SELECT id FROM referral_inbound WHERE citizen_id = :karen AND team = 'en-indgang'")
                .param("karen", karen).query(UUID.class).single();
        assertThat(jdbc.sql("SELECT assignee FROM followup_task WHERE source_kind = 'referral.inbound' AND source_id = :id")
                .param("id", inbound).query(String.class).single()).isEqualTo("vaert");
        mvc.perform(get("/borgere/{id}", karen).with(HOST)).andExpect(status().isOk());
        mvc.perform(get("/henvisninger/udefra").with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Samtalegruppe for ensomme")))
                .andExpect(content().string(containsString("Læge Hansen")));

        var unknown = mvc.perform(post("/fhir").with(GP_SYSTEM).contentType(FHIR_JSON)
                .content(json(referralBundle("0101500555")))).andExpect(status().isUnprocessableContent()).andReturn();
        assertThat(read(unknown, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .contains("findes ikke i kommunens borgerregister").contains("karantæne");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_inbound WHERE quarantined = TRUE AND citizen_id IS NULL")
                .query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/henvisninger/udefra").with(HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"karantaene\"")));
        mvc.perform(get("/henvisninger/udefra").with(STAFF)).andExpect(status().isForbidden());

        long version = jdbc.sql("SELECT version FROM referral_inbound WHERE id = :id").param("id", inbound)
                .query(Long.class).single();
        mvc.perform(post("/henvisninger/udefra/{id}/behandlet", inbound).with(HOST).with(csrf())
                .param("version", String.valueOf(version))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM followup_task WHERE source_id = :id").param("id", inbound)
                .query(String.class).single()).isNotEqualTo("OPEN");
        mvc.perform(post("/henvisninger/udefra/{id}/behandlet", inbound).with(HOST).with(csrf())
                .param("version", String.valueOf(version))).andExpect(status().isOk())
                .andExpect(content().string(containsString("En anden har allerede behandlet henvisningen")));
    }

    @Test
    void aReferralFromOutsideThatIsNotOneIsRefusedInDanishAndNothingIsKept() throws Exception {
        var noPatient = referralBundle(cpr(karen));
        noPatient.getEntry().removeIf(entry -> entry.getResource() instanceof Patient);
        assertThat(refusal(noPatient, 422)).contains("netop én Patient");

        var noCpr = referralBundle(cpr(karen));
        ((Patient) noCpr.getEntryFirstRep().getResource()).getIdentifierFirstRep().setSystem("urn:oid:1.2.3");
        assertThat(refusal(noCpr, 422)).contains("CPR-nummer");

        var badCpr = referralBundle("3213991234");
        assertThat(refusal(badCpr, 422)).contains("ikke et gyldigt CPR-nummer");

        var collection = referralBundle(cpr(karen)).setType(Bundle.BundleType.COLLECTION);
        assertThat(refusal(collection, 400)).contains("transaction");

        mvc.perform(post("/fhir").with(GP_SYSTEM).contentType(FHIR_JSON).content("{\"resourceType\": \"Bundle\", \"type\""))
                .andExpect(status().isBadRequest())
                .andExpect(MockMvcResultMatchers.jsonPath("$.resourceType").value("OperationOutcome"));
        mvc.perform(post("/fhir").with(KNITTING_SYSTEM).contentType(FHIR_JSON).content(json(referralBundle(cpr(karen)))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM referral_inbound").query(Long.class).single()).isZero();
    }

    String refusal(Bundle bundle, int status) throws Exception {
        var result = mvc.perform(post("/fhir").with(GP_SYSTEM).contentType(FHIR_JSON).content(json(bundle)))
                .andExpect(status().is(status)).andReturn();
        return read(result, OperationOutcome.class).getIssueFirstRep().getDiagnostics();
    }

    /** A GP's referral as the IG's referral source sends it: Patient with CPR, ServiceRequest, Task. */
    static Bundle referralBundle(String cpr) {
        var bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        var patient = new Patient();
        patient.addIdentifier().setSystem("urn:oid:1.2.208.176.1.2").setValue(cpr);
        patient.addName().setFamily("Jensen").addGiven("Karen");
        String patientUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(patientUrl).setResource(patient).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        var request = new ServiceRequest().setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE)
                .setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.getCode().setText("Samtalegruppe for ensomme");
        request.getSubject().setReference(patientUrl);
        request.getRequester().setDisplay("Læge Hansen, Lægehuset Torvet");
        request.addNote().setText("Har mistet sin mand i foråret og kommer ikke ud.");
        String requestUrl = "urn:uuid:" + UUID.randomUUID();
        bundle.addEntry().setFullUrl(requestUrl).setResource(request).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("ServiceRequest");
        var task = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER);
        task.getFocus().setReference(requestUrl);
        task.getFor().setReference(patientUrl);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(task).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Task");
        return bundle;
    }

    UUID refer(UUID offer, String... shared) throws Exception {
        var request = post("/borgere/{id}/henvisninger", karen).with(STAFF).with(csrf())
                .param("tilbud", offer.toString()).param("stoette", "ACCOMPANIED")
                .param("kontakt", "Ring 12 34 56 78 om formiddagen").param("ord", "Jeg vil gerne ud blandt andre");
        for (String field : shared) {
            request.param("deles", field);
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    void consent(UUID citizen, String association) {
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'ASSOCIATION', :name, 'Henvisning', :today, 'faellesteam', :now)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("name", association)
                .param("today", LocalDate.now(clock)).param("now", Timestamp.from(Instant.now())).update();
    }

    long version(UUID referral) {
        return jdbc.sql("SELECT version FROM referral WHERE id = :id").param("id", referral).query(Long.class).single();
    }

    String stateOf(UUID referral) {
        return jdbc.sql("SELECT status FROM referral WHERE id = :id").param("id", referral).query(String.class).single();
    }

    String cpr(UUID citizen) {
        return jdbc.sql("SELECT cpr FROM citizen WHERE id = :id").param("id", citizen).query(String.class).single();
    }

    static String json(IBaseResource resource) {
        return FHIR.newJsonParser().encodeResourceToString(resource);
    }

    /** The answer as a resource of the given type, after checking that it validates against the FHIR R4 base spec. */
    static <T extends IBaseResource> T read(MvcResult result, Class<T> type) throws Exception {
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        var resource = FHIR.newJsonParser().parseResource(type, body);
        assertValid(resource);
        return resource;
    }

    static void assertValid(IBaseResource resource) {
        var errors = VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(message -> message.getLocationString() + ": " + message.getMessage()).toList();
        assertThat(errors).as("FHIR R4 validation of " + resource.fhirType()).isEmpty();
    }
}
