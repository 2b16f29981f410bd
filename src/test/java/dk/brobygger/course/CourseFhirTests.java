package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.directory.TestDirectory;

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
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Courses at {@code /fhir} as EpisodeOfCare (issue 16): a system reads a citizen's courses only when the citizen
 * has consented to share with the party the system acts for (the GP for the GP's system, the named association for
 * an association's system); without that consent, for an unknown CPR number and for a system that acts for nobody
 * the search is an empty Bundle and a read is not found, and every share or refusal is in the audit log. Every
 * EpisodeOfCare validates against the FHIR R4 base specification.
 */
@BrobyggerTest
class CourseFhirTests {

    static final RequestPostProcessor HOST = httpBasic("vaert", "demo");
    static final RequestPostProcessor GP_SYSTEM = httpBasic("laegesystem", "demo");
    static final RequestPostProcessor MEDCOM = httpBasic("medcom", "demo");
    static final RequestPostProcessor KNITTING_SYSTEM = httpBasic("system-strikkeklubben", "demo");
    static final String CPR = "120389-4321";
    static final String CPR_SYSTEM = "urn:oid:1.2.208.176.1.2";

    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final FhirValidator VALIDATOR = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(
            new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                    new InMemoryTerminologyServerValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR))));

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired TestDirectory directory;
    @Autowired CourseTypes types;
    @Autowired Users users;
    @Autowired PasswordEncoder passwords;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID mikkel;
    UUID course;

    @BeforeEach
    void mikkelHasACtiCourseAtÉnIndgang() throws Exception {
        courses.reset();
        citizens.reset();
        mikkel = citizens.registered(CPR, "Mikkel Holm", "vaert");
        course = startCourse();
    }

    @Test
    void theGpSystemReadsAndSearchesTheCoursesOfACitizenWhoConsentedToShareWithTheGp() throws Exception {
        consent("GP", null);

        var found = search(GP_SYSTEM, "patient:identifier", CPR_SYSTEM + "|1203894321");
        assertThat(found.getEntry()).hasSize(1);
        var episode = (EpisodeOfCare) found.getEntryFirstRep().getResource();
        assertThat(episode.getIdElement().getIdPart()).isEqualTo(course.toString());
        assertThat(episode.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.ACTIVE);
        assertThat(episode.getTypeFirstRep().getCodingFirstRep().getSystem()).isEqualTo(CourseFhir.COURSE_TYPES);
        assertThat(episode.getTypeFirstRep().getCodingFirstRep().getCode()).isEqualTo("cti");
        assertThat(episode.getTypeFirstRep().getText()).contains("CTI");
        assertThat(episode.getPatient().getIdentifier().getValue()).isEqualTo("urn:uuid:" + mikkel);
        assertThat(episode.getPeriod().hasStart()).isTrue();
        assertThat(episode.getPeriod().hasEnd()).isFalse();
        var team = (CareTeam) episode.getContained().getFirst();
        assertThat(team.getIdentifierFirstRep().getValue()).isEqualTo("en-indgang");
        assertThat(episode.getTeamFirstRep().getReference()).isEqualTo("#team");
        assertThat(episode.getStatusHistory()).hasSize(1);

        var read = mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(GP_SYSTEM)).andExpect(status().isOk())
                .andReturn();
        assertThat(read(read, EpisodeOfCare.class).getMeta().getVersionId()).isEqualTo("0");
        // Nothing of the person beyond Brobygger's id for them: no CPR number, no name.
        assertThat(read.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain("1203894321")
                .doesNotContain("Mikkel");

        assertThat(search(GP_SYSTEM, "patient", "Patient/" + mikkel).getEntry()).hasSize(1);
        assertThat(search(GP_SYSTEM, "patient:identifier", CourseFhir.UUIDS + "|urn:uuid:" + mikkel).getEntry())
                .hasSize(1);
        assertThat(mvc.perform(get("/fhir/EpisodeOfCare").with(GP_SYSTEM).param("patient", mikkel.toString())
                .param("status", "active,onhold")).andExpect(status().isOk()).andReturn()).satisfies(
                        result -> assertThat(read(result, Bundle.class).getEntry()).hasSize(1));
        assertThat(mvc.perform(get("/fhir/EpisodeOfCare").with(GP_SYSTEM).param("patient", mikkel.toString())
                .param("status", "finished")).andExpect(status().isOk()).andReturn()).satisfies(
                        result -> assertThat(read(result, Bundle.class).getEntry()).isEmpty());

        mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(GP_SYSTEM).param("_format", "xml"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<EpisodeOfCare")));

        assertThat(audited("laegesystem", "SHARE", "GRANTED")).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'laegesystem'
                   AND action = 'SHARE' AND purpose LIKE '%EpisodeOfCare%delt med egen læge%'
                """).param("citizen", mikkel).query(Long.class).single()).isGreaterThanOrEqualTo(1);

        // The citizen withdraws the consent: the GP's system reads nothing more from that moment.
        jdbc.sql("UPDATE consent SET withdrawn_at = :now, withdrawn_by = 'vaert' WHERE citizen_id = :citizen")
                .param("now", Timestamp.from(Instant.now())).param("citizen", mikkel).update();
        assertThat(search(GP_SYSTEM, "patient", mikkel.toString()).getEntry()).isEmpty();
        mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(GP_SYSTEM)).andExpect(status().isNotFound());
    }

    @Test
    void withoutTheCitizensConsentTheGpSystemFindsNothingAndTheRefusalIsAudited() throws Exception {
        consent("REGION", null);

        assertThat(search(GP_SYSTEM, "patient:identifier", CPR_SYSTEM + "|" + CPR).getEntry()).isEmpty();
        assertThat(search(GP_SYSTEM, "patient", mikkel.toString()).getEntry()).isEmpty();
        var refused = mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(GP_SYSTEM))
                .andExpect(status().isNotFound()).andReturn();
        var unknown = mvc.perform(get("/fhir/EpisodeOfCare/{id}", UUID.randomUUID()).with(GP_SYSTEM))
                .andExpect(status().isNotFound()).andReturn();
        // Refused and unknown answer alike: nothing tells that the course exists.
        assertThat(read(refused, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .isEqualTo(read(unknown, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                .isEqualTo("Forløbet findes ikke.");
        assertThat(audited("laegesystem", "SHARE", "REFUSED")).isEqualTo(3);
        assertThat(audited("laegesystem", "SHARE", "GRANTED")).isZero();

        // A CPR number nobody has: the same empty answer (the look-up is audited in the system's name).
        assertThat(search(GP_SYSTEM, "patient:identifier", CPR_SYSTEM + "|0101801234").getEntry()).isEmpty();
        // A system that acts for no party (MedCom's) reads no course, whatever the citizen consented to.
        consent("GP", null);
        assertThat(search(MEDCOM, "patient", mikkel.toString()).getEntry()).isEmpty();
        mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(MEDCOM)).andExpect(status().isNotFound());
        // Staff do not use /fhir.
        mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(HOST)).andExpect(status().isForbidden());
    }

    @Test
    void anAssociationsSystemReadsOnlyWithAConsentNamingItsAssociation() throws Exception {
        directory.reset();
        var club = directory.organization("Strikkeklubben Maske for Maske");
        users.save("system-strikkeklubben", "System: Strikkeklubben", passwords.encode("demo"),
                EnumSet.of(Role.SYSTEM), club.id());
        consent("ASSOCIATION", "Fjordlund Seniorkor");
        assertThat(search(KNITTING_SYSTEM, "patient", mikkel.toString()).getEntry()).isEmpty();

        consent("ASSOCIATION", "Strikkeklubben Maske for Maske");
        assertThat(search(KNITTING_SYSTEM, "patient", mikkel.toString()).getEntry()).hasSize(1);
        mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(KNITTING_SYSTEM)).andExpect(status().isOk());
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'system-strikkeklubben'
                   AND action = 'SHARE' AND outcome = 'GRANTED' AND purpose LIKE '%Strikkeklubben Maske for Maske%'
                """).param("citizen", mikkel).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theKlCodesAndTheEndOfACourseAreInItsEpisodeOfCare() throws Exception {
        consent("GP", null);
        mvc.perform(post("/api/courses/{id}/kl-codes", course).with(HOST).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 0, \"supportNeed\": \"MODERATE\", \"followUpResult\": "
                        + "\"CHANGED_WITHIN_FRAME\"}")).andExpect(status().isOk());
        var episode = read(mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(GP_SYSTEM))
                .andExpect(status().isOk()).andReturn(), EpisodeOfCare.class);
        var need = (CodeableConcept) episode.getExtensionByUrl(CourseFhir.SUPPORT_NEED_EXTENSION).getValue();
        assertThat(need.getCodingFirstRep().getSystem()).isEqualTo(CourseFhir.SUPPORT_NEEDS);
        assertThat(need.getCodingFirstRep().getCode()).isEqualTo("moderate");
        assertThat(need.getCodingFirstRep().getDisplay()).isEqualTo("Moderat");
        // Also KL's own concept (FFB's "Moderat støttebehov" in KL Terminologi, value set KLNeedsAssessmentCodesFFB).
        assertThat(need.getCoding()).anySatisfy(coding -> {
            assertThat(coding.getSystem()).isEqualTo("urn:oid:1.2.208.176.2.22");
            assertThat(coding.getCode()).isEqualTo("401a397b-b3aa-4ca3-8b23-bd8f99dd3f76");
            assertThat(coding.getDisplay()).isEqualTo("Moderat støttebehov");
        });
        var result = (CodeableConcept) episode.getExtensionByUrl(CourseFhir.FOLLOW_UP_EXTENSION).getValue();
        assertThat(result.getCodingFirstRep().getCode()).isEqualTo("changed-within-frame");
        assertThat(result.getText()).isEqualTo("Ændres inden for rammen");
        // Also KL's own concept (FSIII in KL Terminologi), for systems that speak KL's codes.
        assertThat(result.getCoding()).anySatisfy(coding -> {
            assertThat(coding.getSystem()).isEqualTo("urn:oid:1.2.208.176.2.21");
            assertThat(coding.getCode()).isEqualTo("c6e71993-5d72-409a-8ab9-ecc094968635");
        });

        mvc.perform(post("/api/courses/{id}/status", course).with(HOST).contentType(MediaType.APPLICATION_JSON)
                .content("{\"version\": 1, \"status\": \"CANCELLED\", \"reason\": \"Flyttet til en anden kommune\"}"))
                .andExpect(status().isOk());
        episode = read(mvc.perform(get("/fhir/EpisodeOfCare/{id}", course).with(GP_SYSTEM))
                .andExpect(status().isOk()).andReturn(), EpisodeOfCare.class);
        assertThat(episode.getStatus()).isEqualTo(EpisodeOfCare.EpisodeOfCareStatus.CANCELLED);
        assertThat(episode.getPeriod().hasEnd()).isTrue();
        assertThat(episode.getStatusHistory()).extracting(history -> history.getStatus().toCode())
                .containsExactly("active", "cancelled");
    }

    @Test
    void theCapabilityStatementListsEpisodeOfCareWithItsSearchParameters() throws Exception {
        var capabilities = read(mvc.perform(get("/fhir/metadata").with(GP_SYSTEM)).andExpect(status().isOk())
                .andReturn(), CapabilityStatement.class);
        var episode = capabilities.getRestFirstRep().getResource().stream()
                .filter(resource -> "EpisodeOfCare".equals(resource.getType())).findFirst().orElseThrow();
        assertThat(episode.getInteraction()).extracting(interaction -> interaction.getCode().toCode())
                .contains("read", "search-type");
        assertThat(episode.getSearchParam()).extracting(CapabilityStatement.CapabilityStatementRestResourceSearchParamComponent::getName)
                .contains("patient", "status");

        // A search must name the patient: all courses of everybody is never an answer.
        var unnamed = mvc.perform(get("/fhir/EpisodeOfCare").with(GP_SYSTEM).param("status", "active"))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(read(unnamed, OperationOutcome.class).getIssue()).isNotEmpty();
        // A status no course has finds nothing rather than everything.
        consent("GP", null);
        assertThat(mvc.perform(get("/fhir/EpisodeOfCare").with(GP_SYSTEM).param("patient", mikkel.toString())
                .param("status", "paused")).andExpect(status().isOk()).andReturn()).satisfies(
                        result -> assertThat(read(result, Bundle.class).getEntry()).isEmpty());
    }

    UUID startCourse() throws Exception {
        // Started from the citizen's tab, as a host does for a citizen the host works with.
        var response = mvc.perform(post("/borgere/{id}/forloeb", mikkel).with(HOST)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("type", types.byCode("cti").id().toString()).param("team", "en-indgang")
                        .param("status", "ACTIVE").param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                        .param("dato", LocalDate.now(clock).plusWeeks(12).toString()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = response.getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    Bundle search(RequestPostProcessor who, String parameter, String value) throws Exception {
        return read(mvc.perform(get("/fhir/EpisodeOfCare").with(who).param(parameter, value))
                .andExpect(status().isOk()).andReturn(), Bundle.class);
    }

    void consent(String party, String name) {
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, :party, :name, 'Forløb', :today, 'vaert', :now)
                """).param("id", UUID.randomUUID()).param("citizen", mikkel).param("party", party)
                .param("name", name).param("today", LocalDate.now(clock)).param("now", Timestamp.from(Instant.now()))
                .update();
    }

    long audited(String username, String action, String outcome) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = :username
                   AND action = :action AND outcome = :outcome AND purpose LIKE '%EpisodeOfCare%'
                """).param("citizen", mikkel).param("username", username).param("action", action)
                .param("outcome", outcome).query(Long.class).single();
    }

    /** The answer as a resource of the given type, after checking that it validates against the FHIR R4 base spec. */
    static <T extends IBaseResource> T read(MvcResult result, Class<T> type) throws Exception {
        var resource = FHIR.newJsonParser().parseResource(type,
                result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        var errors = VALIDATOR.validateWithResult(resource).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(message -> message.getLocationString() + ": " + message.getMessage()).toList();
        assertThat(errors).as("FHIR R4 validation of " + resource.fhirType()).isEmpty();
        return resource;
    }
}
