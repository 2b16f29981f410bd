package dk.brobygger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * No request makes a server error, and no answer names the code behind it. Each endpoint class gets a bounded
 * number of generated hostile variants ({@link HostileValues}, seeded, so a failure repeats) and every answer
 * must be below 500 and free of Java class names, exception names and parser codes; the cases the issue
 * named are specified one by one below the sweeps.
 *
 * <p>HTML forms are swept for server errors only: the Danish message of every form field (no "Failed to
 * convert … SupportLevel") is kept by the form field message tests, not here.
 */
@BrobyggerTest
class HostileInputTests {

    /** Generated variants per endpoint class: enough to cover every kind of value, few enough for CI. */
    static final int VARIANTS = 16;
    static final long SEED = 20261203L;
    /** What an answer must never show: names of the code and of its exceptions. */
    static final List<String> INTERNAL_NAMES = List.of("java.lang.", "java.time.", "java.io.", "dk.brobygger.",
            "org.springframework.", "org.h2.", "org.postgresql.", "org.apache.", "Exception", "HAPI-");
    static final String CPR = "120345-1239";
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    static final RequestPostProcessor NURSE_API = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor MEDCOM = httpBasic("medcom", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TestDirectory directory;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;

    final HostileValues hostile = new HostileValues(SEED);
    UUID citizen;
    UUID organization;

    @BeforeEach
    void aCitizenTheNurseWorksWith() {
        jdbc.sql("DELETE FROM hospital_event").update();
        jdbc.sql("DELETE FROM hospital_message").update();
        citizens.reset();
        directory.reset();
        var knitters = directory.organization("Strikkeforeningen");
        var library = directory.location(knitters, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        directory.offer(library, "Strikkeklubben").category("kreativ").targetGroup("seniorer").save();
        organization = knitters.id();
        citizen = citizens.registered(CPR, "Inger Hansen", "hjemmebesog");
    }

    // --- The sweeps: one per endpoint class -------------------------------------------------------------------

    @Test
    void publicSearchAnswersEveryGeneratedVariantWithoutAServerError() throws Exception {
        List<String> parameters = List.of("q", "kategori", "maalgruppe", "bydel", "ugedag", "tidspunkt", "stoette",
                "gratis", "koerestol", "sted", "afstand", "sorter", "side", "lang");
        for (int i = 0; i < VARIANTS; i++) {
            var request = get(i % 2 == 0 ? "/tilbud" : "/tilbud/soeg");
            for (int p = 0; p < 1 + hostile.below(4); p++) {
                request.param(hostile.oneOf(parameters), hostile.any());
            }
            if (hostile.chance(25)) {
                request.param(hostile.oneOf(List.of("kategori", "bydel", "stoette")) + "[" + hostile.index() + "]", "x");
            }
            harmless(request);
        }
    }

    @Test
    void hsdsAnswersEveryGeneratedVariantWithoutAServerError() throws Exception {
        List<String> lists = List.of("/hsds/services", "/hsds/organizations", "/hsds/taxonomies", "/hsds/taxonomy_terms",
                "/hsds/service_at_locations");
        List<String> parameters = List.of("page", "per_page", "search", "modified_after", "taxonomy_term_id",
                "organization_id", "taxonomy_id", "format", "minimal", "full", "full_service", "top_only", "parent_id",
                "postcode", "proximity");
        for (int i = 0; i < VARIANTS; i++) {
            MockHttpServletRequestBuilder request;
            if (i % 4 == 3) {
                request = get(hostile.oneOf(lists) + "/{id}", hostile.any());
            } else {
                request = get(hostile.oneOf(lists));
                for (int p = 0; p < 1 + hostile.below(3); p++) {
                    String name = hostile.oneOf(parameters);
                    request.param(name, name.contains("page") ? hostile.pageNumber() : hostile.any());
                }
            }
            harmless(request);
        }
    }

    @Test
    void jsonApisAnswerEveryGeneratedVariantWithoutAServerError() throws Exception {
        List<String> fields = List.of("cpr", "name", "address", "postcode", "district", "livingSituation", "phone",
                "email", "version", "reason", "kind", "closeness", "givenOn", "validUntil", "occurredOn", "type");
        for (int i = 0; i < VARIANTS; i++) {
            var body = new StringBuilder("{");
            for (int f = 0; f < 1 + hostile.below(6); f++) {
                body.append(f == 0 ? "" : ",").append('"').append(hostile.oneOf(fields)).append("\":")
                        .append(hostile.chance(30) ? hostile.number() : json(hostile.any()));
            }
            body.append(hostile.chance(15) ? "" : "}");
            String address = switch (i % 6) {
                case 0 -> "/api/citizens";
                case 1 -> "/api/citizens/" + citizen + "/network";
                case 2 -> "/api/citizens/" + citizen + "/consents";
                case 3 -> "/api/citizens/" + citizen + "/life-events";
                case 4 -> "/api/citizens/" + citizen + "/break-the-glass";
                default -> "/api/homevisits/offers";
            };
            var write = post(address).with(NURSE_API).content(body.toString())
                    .header("Content-Type", hostile.chance(40) ? hostile.mediaType() : "application/json");
            harmless(write);

            var read = switch (i % 4) {
                case 0 -> get("/api/citizens").param("cpr", hostile.any());
                case 1 -> get("/api/citizens/{id}/hospital-events", citizen).param("page", hostile.pageNumber())
                        .param("size", hostile.number());
                case 2 -> get("/api/outreach/items").param("page", hostile.pageNumber()).param("size", hostile.number())
                        .param("district", hostile.any()).param("status", hostile.any());
                default -> get("/api/homevisits/due").param("year", hostile.number()).param("district", hostile.any());
            };
            harmless(read.with(NURSE_API));
        }
        harmless(post("/api/citizens").with(NURSE_API).contentType(MediaType.APPLICATION_JSON)
                .content("[".repeat(5_000) + "]".repeat(5_000)));
    }

    @Test
    void pagesWithQueryParametersAnswerEveryGeneratedVariantWithoutAServerError() throws Exception {
        var nurse = user(staff("hjemmebesog"));
        var admin = user(staff("admin"));
        for (int i = 0; i < VARIANTS; i++) {
            var request = switch (i % 8) {
                case 0 -> get("/hjemmebesog/kalender").param("dato", hostile.date()).param("visning", hostile.any())
                        .with(nurse);
                case 1 -> get("/hjemmebesog").param("aar", hostile.number()).param("distrikt", hostile.any())
                        .param("side", hostile.pageNumber()).param("sorter", hostile.any()).with(nurse);
                case 2 -> get("/borgere/{id}/sygehus", citizen).param("side", hostile.pageNumber()).with(nurse);
                case 3 -> get("/borgere").param("q", hostile.any()).param("side", hostile.pageNumber()).with(nurse);
                case 4 -> get("/admin/medcom").param("side", hostile.pageNumber()).param("alle", hostile.any()).with(admin);
                case 5 -> get("/admin/logning").param("fra", hostile.date()).param("til", hostile.date())
                        .param("side", hostile.pageNumber()).param("bruger", hostile.any()).with(admin);
                case 6 -> get("/borgere/{id}/tidslinje", citizen).param("foer", hostile.any())
                        .param("side", hostile.pageNumber()).with(nurse);
                default -> get("/opgaver").param("side", hostile.pageNumber()).param("dato", hostile.date()).with(nurse);
            };
            harmless(request);
        }
    }

    @Test
    void referralPagesAnswerEveryGeneratedVariantWithoutAServerError() throws Exception {
        var nurse = user(staff("hjemmebesog"));
        users.assignOrganization("kontakt", organization);
        var contact = user(staff("kontakt"));
        UUID offer = jdbc.sql("SELECT id FROM offer").query(UUID.class).list().getFirst();
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, recorded_by, recorded_at)
                VALUES (:id, :citizen, 'ASSOCIATION', 'Strikkeforeningen', 'Henvisning', CURRENT_DATE, 'test',
                        CURRENT_TIMESTAMP)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).update();
        String location = mvc.perform(post("/borgere/{id}/henvisninger", citizen).with(nurse).with(csrf())
                .param("tilbud", offer.toString()).param("deles", "FIRST_NAME")).andReturn().getResponse()
                .getRedirectedUrl();
        String referral = location.substring(location.lastIndexOf('/') + 1);
        List<String> answers = List.of("ACCEPT", "DECLINE", "WAITLIST", "PROPOSE_DATE", "CAME", "REGULARLY",
                "STOPPED", "COMPLETE", "RESUME");
        for (int i = 0; i < VARIANTS; i++) {
            var request = switch (i % 6) {
                case 0 -> get("/henvisninger").param("vis", hostile.any()).param("sorter", hostile.any())
                        .param("side", hostile.pageNumber()).with(nurse);
                case 1 -> get("/forening/henvisninger").param("vis", hostile.any())
                        .param("side", hostile.pageNumber()).with(contact);
                case 2 -> get("/borgere/{id}/henvisninger/ny", citizen).param("tilbud", hostile.chance(50)
                        ? offer.toString() : hostile.any()).param("stoette", hostile.any()).with(nurse);
                case 3 -> get("/borgere/{id}/henvisninger", citizen).param("q", hostile.any())
                        .param("stoette", hostile.any()).with(nurse);
                case 4 -> post("/forening/henvisninger/{id}", hostile.chance(70) ? referral : hostile.any())
                        .param("svar", hostile.chance(50) ? hostile.oneOf(answers) : hostile.any())
                        .param("version", hostile.chance(50) ? "0" : hostile.number()).param("grund", hostile.any())
                        .param("note", hostile.any()).param("dato", hostile.any()).with(contact).with(csrf());
                default -> post("/henvisninger/{id}/annuller", referral).param("version", hostile.number())
                        .param("begrundelse", hostile.any()).with(nurse).with(csrf());
            };
            harmless(request);
        }
    }

    @Test
    void volunteerPagesAnswerEveryGeneratedVariantWithoutAServerError() throws Exception {
        var staff = user(staff("faellesteam"));
        users.assignOrganization("kontakt", organization);
        var contact = user(staff("kontakt"));
        var volunteer = user(staff("frivillig"));
        String location = mvc.perform(post("/frivillige").with(staff).with(csrf()).param("navn", "Birgit Holm")
                .param("postnummer", "7100").param("telefon", "20 30 40 50")).andReturn().getResponse()
                .getRedirectedUrl();
        String id = location.substring(location.lastIndexOf('/') + 1);
        List<String> fields = List.of("navn", "telefon", "email", "postnummer", "bydel", "peer", "straffeattest",
                "interesse", "sprog", "tid", "version");
        for (int i = 0; i < VARIANTS; i++) {
            MockHttpServletRequestBuilder request = switch (i % 8) {
                case 0 -> get(hostile.chance(50) ? "/frivillige" : "/forening/frivillige").param("q", hostile.any())
                        .param("vis", hostile.any()).param("sorter", hostile.any()).param("side", hostile.pageNumber())
                        .with(hostile.chance(50) ? staff : contact);
                case 1 -> post("/frivillige").with(staff).with(csrf());
                case 2 -> post("/frivillige/{id}/stadie", hostile.chance(70) ? id : hostile.any())
                        .param("skift", hostile.chance(50) ? hostile.oneOf(List.of("APPROVE", "ONBOARD", "PAUSE",
                                "DECLINE")) : hostile.any()).param("version", hostile.chance(50) ? "0" : hostile.number())
                        .param("begrundelse", hostile.any()).with(staff).with(csrf());
                case 3 -> post("/frivillige/{id}/krav", id).param("krav", hostile.any()).param("opfyldt", hostile.date())
                        .param("udloeber", hostile.any()).param("version", hostile.number()).with(staff).with(csrf());
                case 4 -> get("/henvisninger/{id}/foelgeskab", hostile.any()).param("interesse", hostile.any())
                        .param("peer", hostile.any()).with(staff);
                case 5 -> post("/frivillig/opgaver/{id}/" + hostile.oneOf(List.of("svar", "rapport")), hostile.any())
                        .param("svar", hostile.any()).param("besoeg", hostile.any()).param("naeste", hostile.any())
                        .param("version", hostile.number()).with(volunteer).with(csrf());
                case 6 -> get("/kalender/{token}.ics", hostile.any());
                default -> post("/frivillige/{id}/ret", id).with(staff).with(csrf());
            };
            if (i % 8 == 1 || i % 8 == 7) {
                for (int f = 0; f < 1 + hostile.below(6); f++) {
                    request.param(hostile.oneOf(fields), hostile.any());
                }
            }
            harmless(request);
        }
    }

    @Test
    void htmlFormsWithCsrfAnswerEveryGeneratedVariantWithoutAServerError() throws Exception {
        var editor = user(staff("redaktoer"));
        var nurse = user(staff("hjemmebesog"));
        List<String> offerFields = List.of("name", "description", "status", "supportLevel", "minAge", "maxAge",
                "placesLeft", "costDescription", "languages", "termIds", "contactEmail", "url", "version");
        for (int i = 0; i < VARIANTS; i++) {
            MockHttpServletRequestBuilder form;
            switch (i % 3) {
                case 0 -> {
                    form = post("/redaktion/tilbud/ny").param("organisation", organization.toString()).with(editor);
                    for (int f = 0; f < 1 + hostile.below(5); f++) {
                        form.param(hostile.oneOf(offerFields), hostile.any());
                    }
                    String index = hostile.chance(50) ? hostile.index() : Integer.toString(hostile.below(4));
                    form.param(hostile.oneOf(List.of("schedules[" + index + "].weekday",
                            "schedules[" + index + "].opensAt", "termIds[" + index + "]", "languages[" + index + "]")),
                            hostile.any());
                }
                case 1 -> form = post("/borgere/ny").with(nurse).param("cpr", hostile.any())
                        .param("name", hostile.any()).param("address", hostile.any()).param("postcode", hostile.any())
                        .param("district", hostile.any()).param("livingSituation", hostile.any());
                default -> form = post("/borgere/{id}/besoeg", citizen).with(nurse).param("dato", hostile.date())
                        .param("tid", hostile.any()).param("varighed", hostile.number()).param("sted", hostile.any());
            }
            harmlessStatus(form.with(csrf()));
        }
    }

    @Test
    void csvImportsReportEveryGeneratedFileRowByRowWithoutAServerError() throws Exception {
        String offerHeader = "navn;beskrivelse;organisation;adresse;postnummer;by;bydel;tidspunkter;stoette;min_alder\n";
        for (int i = 0; i < VARIANTS / 2; i++) {
            harmless(post("/api/outreach/life-events/import").with(NURSE_API).contentType("text/csv")
                    .content("cpr;haendelse;dato;kilde\n" + rows(4, 4)));
            harmless(multipart("/redaktion/import").file(new MockMultipartFile("fil", "tilbud.csv", "text/csv",
                    (offerHeader + rows(3, 10)).getBytes(StandardCharsets.UTF_8)))
                    .with(user(staff("redaktoer"))).with(csrf()));
        }
    }

    @Test
    void theFhirIntakeAnswersEveryGeneratedMessageWithAnOperationOutcomeAndKeepsWhatItCannotRead() throws Exception {
        String example = medcomExample("HospitalNotification_Ex_STIN_A.json");
        for (int i = 0; i < VARIANTS; i++) {
            String message = switch (i % 4) {
                case 0 -> example.substring(0, hostile.below(example.length()));
                case 1 -> example.replaceFirst("\"value\"\\s*:\\s*\"2509479989\"",
                        java.util.regex.Matcher.quoteReplacement("\"value\": " + json(hostile.any())));
                case 2 -> replaceAValue(example);
                default -> hostile.any();
            };
            long kept = quarantined();
            String type = switch (hostile.below(8)) {
                case 0, 1 -> hostile.mediaType();
                case 2 -> "application/fhir+json; profile=" + "x".repeat(200 + hostile.below(2_000));
                default -> FHIR_JSON.toString();
            };
            var result = mvc.perform(post("/fhir/$process-message").with(MEDCOM).content(message)
                    .header("Content-Type", type)).andReturn();
            assertHarmless(result, "FHIR " + message.substring(0, Math.min(80, message.length())));
            assertThat(result.getResponse().getContentAsString()).contains("OperationOutcome");
            int status = result.getResponse().getStatus();
            if (status >= 400 && !(status == 415 && message.isBlank())) {
                assertThat(quarantined()).as("a refused message from the sender is kept").isEqualTo(kept + 1);
            }
        }
    }

    @Test
    void loginAnswersEveryGeneratedVariantWithoutAServerError() throws Exception {
        for (int i = 0; i < VARIANTS / 2; i++) {
            harmless(post("/login").param("username", hostile.any()).param("password", hostile.any()).with(csrf())
                    .with(request -> {
                        request.setRemoteAddr("198.51.100.23");
                        return request;
                    }));
        }
    }

    // --- The cases the issue names ----------------------------------------------------------------------------

    @Test
    void theAuditRecordHoldsABreakTheGlassReasonOf2000CharactersAndADistrictFilterOf1000() throws Exception {
        mvc.perform(post("/api/citizens/{id}/break-the-glass", citizen).with(httpBasic("vaert", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"" + "Akut henvendelse. ".repeat(111)
                                + "xx\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/hjemmebesog").param("distrikt", "V".repeat(1_000)).with(user(staff("hjemmebesog"))))
                .andExpect(status().isOk());

        assertThat(jdbc.sql("SELECT purpose FROM audit_record WHERE username = 'vaert' AND action = 'BREAK_THE_GLASS'")
                .query(String.class).single()).hasSize(1_000).startsWith("Akut henvendelse.").endsWith("…");
        assertThat(jdbc.sql("SELECT purpose FROM audit_record WHERE username = 'hjemmebesog' AND purpose LIKE '%VVVV%'")
                .query(String.class).list()).isNotEmpty().allSatisfy(purpose -> assertThat(purpose).hasSizeLessThanOrEqualTo(1_000));
    }

    @Test
    void aJsonWriteInAnUnusualMediaTypeIsRefusedWith415AndAProblemDetail() throws Exception {
        for (String type : List.of("*/*", "application/*", "multipart/form-data")) {
            mvc.perform(post("/api/citizens").with(NURSE_API).header("Content-Type", type).content("{\"cpr\": \"x\"}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail", containsString("format")));
            mvc.perform(post("/fhir/$process-message").with(MEDCOM).header("Content-Type", type).content("{}"))
                    .andExpect(status().isUnsupportedMediaType())
                    .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                    .andExpect(jsonPath("$.issue[0].code").value("not-supported"));
        }
    }

    @Test
    void aPatientIdentifierWithoutAValueIsRefusedAsAnOperationOutcomeAndKeptForTheAdministrator() throws Exception {
        String noValue = medcomExample("HospitalNotification_Ex_STIN_A.json")
                .replaceFirst("\"value\"\\s*:\\s*\"2509479989\"", "\"id\" : \"cpr\"");
        assertThat(noValue).contains("\"id\" : \"cpr\"");

        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content(noValue))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"));
        assertThat(quarantined()).isOne();
    }

    @Test
    void aFhirAnswerGivesTheReasonInDanishWithoutTheParsersInternals() throws Exception {
        mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(FHIR_JSON).content("{\"resourceType\": 7"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.issue[0].diagnostics", containsString("ikke en FHIR-ressource i JSON")))
                .andExpect(content().string(not(containsString("HAPI"))))
                .andExpect(content().string(not(containsString("DataFormat"))));
        mvc.perform(get("/fhir/Patient/1").with(MEDCOM))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(content().string(not(containsString("HAPI"))));
        mvc.perform(get("/fhir/$process-message").with(MEDCOM))
                .andExpect(status().isMethodNotAllowed()).andExpect(jsonPath("$.resourceType").value("OperationOutcome"));
    }

    @Test
    void aPageNumberBeyondAnyListIsAnEmptyPageNotAnOverflow() throws Exception {
        for (String page : List.of("2147483647", "-2147483648", "0", "-1")) {
            mvc.perform(get("/borgere/{id}/sygehus", citizen).param("side", page).with(user(staff("hjemmebesog"))))
                    .andExpect(status().isOk());
            mvc.perform(get("/admin/medcom").param("side", page).with(user(staff("admin"))))
                    .andExpect(status().isOk());
            mvc.perform(get("/api/citizens/{id}/hospital-events", citizen).param("page", page).with(NURSE_API))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void aCalendarDateAtTheEndOfTheIsoCalendarIsRefusedInDanish() throws Exception {
        for (String date : List.of("-999999999-01-01", "+999999999-12-31", "+10000-01-01")) {
            mvc.perform(get("/hjemmebesog/kalender").param("dato", date).with(user(staff("hjemmebesog"))))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Datoen skal skrives som år-måned-dag")));
        }
    }

    @Test
    void aDateInJsonBeyondTheCalendarIsABadRequest() throws Exception {
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01")) {
            mvc.perform(post("/api/citizens/{id}/consents", citizen).with(NURSE_API).contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"party": "RELATIVE", "partyName": "Datteren", "scope": "Alt",
                                     "givenOn": "2026-01-02", "validUntil": "%s"}""".formatted(date)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.detail", containsString("datoer som år-måned-dag")));
        }
    }

    @Test
    void aFormFieldWithAnIndexNoFormHasIsRefusedWithAMessage() throws Exception {
        for (String field : List.of("schedules[100000].weekday", "schedules[-1].weekday", "termIds[99999]",
                "schedules[257].weekday")) {
            mvc.perform(post("/redaktion/tilbud/ny").param("organisation", organization.toString())
                            .param("name", "Strik").param(field, "MONDAY").with(user(staff("redaktoer"))).with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Formularen har et felt, den ikke kan have")));
        }
        mvc.perform(get("/tilbud/soeg").param("kategori[5000]", "kreativ"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Formularen har et felt")));
    }

    @Test
    void aCsvFileWithAQuoteThatIsNeverClosedIsReportedAtItsRow() throws Exception {
        String csv = "cpr;haendelse;dato;kilde\n"
                + CPR + ";flyttet;2026-01-02;CPR-registret\n"
                + CPR + ";\"flyttet;2026-01-03;CPR-registret\n"
                + CPR + ";flyttet;2026-01-04;CPR-registret\n";
        mvc.perform(post("/api/outreach/life-events/import").with(NURSE_API).contentType("text/csv").content(csv))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].message", containsString("anførselstegn")));

        String offers = "navn;beskrivelse;organisation;adresse;postnummer;by;bydel\n"
                + "Strik;Vi strikker;Strikkeklubben;Torvet 1;7100;Fjordlund;VEST\n"
                + "\"Kor;Vi synger;Koret;Torvet 2;7100;Fjordlund;VEST\n";
        mvc.perform(multipart("/redaktion/import").file(new MockMultipartFile("fil", "tilbud.csv", "text/csv",
                        offers.getBytes(StandardCharsets.UTF_8))).with(user(staff("redaktoer"))).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("aldrig lukkes")));
    }

    /** H2 refuses the losers as a concurrent update where PostgreSQL reports the duplicate key: 409 on both. */
    @Test
    void fourClientsRegisteringTheSameCprNumberAtOnceGetOneCitizenAndThreeConflicts() throws Exception {
        List<String> numbers = List.of("010245-1236", "020245-1236", "030245-1236", "040245-1236", "050245-1236",
                "060245-1236", "070245-1236", "080245-1236");
        try (var executor = Executors.newFixedThreadPool(4)) {
            for (String cpr : numbers) {
                String body = """
                        {"cpr": "%s", "name": "Karen Jensen", "address": "Vestergade 12", "postcode": "7100",
                         "district": "ØST", "livingSituation": "ALONE"}""".formatted(cpr);
                var start = new CountDownLatch(1);
                List<Callable<Integer>> clients = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    clients.add(() -> {
                        start.await();
                        return mvc.perform(post("/api/citizens").with(NURSE_API)
                                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse().getStatus();
                    });
                }
                var answers = clients.stream().map(executor::submit).toList();
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (var answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as(cpr).containsExactlyInAnyOrder(201, 409, 409, 409);
            }
        }
    }

    // --- Helpers ----------------------------------------------------------------------------------------------

    private void harmless(RequestBuilder request) throws Exception {
        var result = mvc.perform(request).andReturn();
        assertHarmless(result, describe(result));
    }

    /** Only the status: the form field messages are another test's. */
    private void harmlessStatus(RequestBuilder request) throws Exception {
        var result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(describe(result)).isLessThan(500);
    }

    private static void assertHarmless(MvcResult result, String what) throws Exception {
        assertThat(result.getResponse().getStatus()).as(what).isLessThan(500);
        String answer = result.getResponse().getContentAsString(StandardCharsets.UTF_8)
                + result.getResponse().getHeaderNames().stream().map(result.getResponse()::getHeader).toList();
        for (String name : INTERNAL_NAMES) {
            assertThat(answer).as(what + " shows no " + name).doesNotContain(name);
        }
    }

    private static String describe(MvcResult result) {
        var request = result.getRequest();
        String parameters = request.getParameterMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + shorten(String.join(",", e.getValue()))).reduce((a, b) -> a + "&" + b)
                .orElse("");
        return request.getMethod() + " " + request.getRequestURI() + "?" + parameters + " [" + request.getContentType()
                + "] → " + result.getResponse().getStatus();
    }

    private static String shorten(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    }

    private BrobyggerUser staff(String username) {
        return users.find(username).orElseThrow();
    }

    /** Rows of a CSV file with hostile cells, now and then a quote that opens and never closes. */
    private String rows(int count, int cells) {
        var text = new StringBuilder();
        for (int r = 0; r < count; r++) {
            for (int c = 0; c < cells; c++) {
                String cell = hostile.chance(50) ? hostile.any().replace("\n", " ").replace("\r", " ") : CPR;
                text.append(c == 0 ? "" : ";").append(hostile.chance(8) ? "\"" + cell : cell);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private String replaceAValue(String message) {
        var values = java.util.regex.Pattern.compile("\"(\\w+)\"\\s*:\\s*\"[^\"]*\"").matcher(message).results().toList();
        var chosen = values.get(hostile.below(values.size()));
        return message.substring(0, chosen.start()) + "\"" + chosen.group(1) + "\": "
                + (hostile.chance(30) ? "null" : json(hostile.any())) + message.substring(chosen.end());
    }

    private long quarantined() {
        return jdbc.sql("SELECT COUNT(*) FROM hospital_message WHERE outcome = 'QUARANTINED'").query(Long.class).single();
    }

    private static String medcomExample(String name) throws IOException {
        return dk.brobygger.hospital.MedcomExamples.read(name);
    }

    /** A JSON string with the value, escaped as JSON escapes it (control characters included). */
    private static String json(String value) {
        var text = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                text.append('\\').append(c);
            } else if (c < 0x20) {
                text.append("\\u%04x".formatted((int) c));
            } else {
                text.append(c);
            }
        }
        return text.append('"').toString();
    }
}
