package dk.brobygger.hospital;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import com.jayway.jsonpath.JsonPath;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * MedCom's public test-script examples (all 42 HospitalNotification bundles, {@link MedcomExamples}) run as the
 * test scripts intend: scenario by scenario (the letter after the event code; TEK_* on their own), each from a
 * fresh citizen state, in JSON and in the XML renderings, every message with its expected answer and every
 * scenario with the citizen's hospital status at its end; and the whole set in one sequence for one citizen.
 * <p>
 * The files are static: MedCom's scripts substitute fresh MessageHeader ids when they run, so some files share
 * an id. A file that reuses an id with other content (STIN_B2, STIN_C2) is refused 409 and kept, never dropped,
 * and a cancellation naming a message that was never received (AN_STIN_P names RE_STIN_O, not RE_STIN-P) is kept
 * for an administrator rather than guessed onto the latest admission.
 */
@BrobyggerTest
class MedcomTestScriptTests {

    static final RequestPostProcessor MEDCOM = httpBasic("medcom", "demo");
    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    /** What the intake answers one message. */
    sealed interface Expect {
        /** 200, applied as this code (STIN, RE_STIN, AN_STIN, ...), with the given number of warnings. */
        record Applied(String code, int warnings) implements Expect {
        }

        /** 200, the same message again: nothing changed. */
        record Duplicate() implements Expect {
        }

        /** Refused with this status and reason, kept for an administrator. */
        record Refused(int status, String reason) implements Expect {
        }
    }

    record Step(String example, Expect expect) {
    }

    /** A scenario, and the citizen's status at its end: the current event's code, or null for none. */
    record Scenario(String name, String cpr, List<Step> steps, @Nullable String statusNow) {
    }

    static Step applied(String example, String code) {
        return new Step(example, new Expect.Applied(code, 0));
    }

    static Step warned(String example, String code) {
        return new Step(example, new Expect.Applied(code, 1));
    }

    static Step duplicate(String example) {
        return new Step(example, new Expect.Duplicate());
    }

    static Step refused(String example, int status, String reason) {
        return new Step(example, new Expect.Refused(status, reason));
    }

    static final String ELMER = MedcomExamples.ELMER_CPR;

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("A admission", ELMER, List.of(applied("STIN_A", "STIN")), "STIN"),
            new Scenario("B admission, then another message under the same id", ELMER, List.of(
                    applied("STIN_B1", "STIN"), refused("STIN_B2", 409, "MESSAGE_ID_REUSED")), "STIN"),
            new Scenario("C admission, then another sender under the same id", ELMER, List.of(
                    applied("STIN_C1", "STIN"), refused("STIN_C2", 409, "MESSAGE_ID_REUSED")), "STIN"),
            new Scenario("D acute outpatient stay", ELMER, List.of(applied("STAA_D", "STAA")), "STAA"),
            new Scenario("E acute stay becomes an admission", ELMER, List.of(
                    applied("STAA_E", "STAA"), applied("STIN_E", "STIN")), "STIN"),
            new Scenario("F leave starts", ELMER, List.of(applied("STIN_F", "STIN"), applied("STOR_F", "STOR")), "STOR"),
            new Scenario("G leave ends", ELMER, List.of(applied("STIN_G", "STIN"), applied("STOR_G", "STOR"),
                    applied("SLOR_G", "SLOR")), "SLOR"),
            new Scenario("H discharged home", ELMER, List.of(applied("STIN_H", "STIN"), applied("SLHJ_H", "SLHJ")),
                    "SLHJ"),
            new Scenario("I discharged home during leave", ELMER, List.of(applied("STIN_I", "STIN"),
                    applied("STOR_I", "STOR"), warned("SLHJ_I", "SLHJ")), "SLHJ"),
            new Scenario("J died on admission", ELMER, List.of(applied("MORS_J", "MORS")), "MORS"),
            new Scenario("K died after admission", ELMER, List.of(applied("STIN_K", "STIN"),
                    applied("MORS_K", "MORS")), "MORS"),
            new Scenario("L died during leave", ELMER, List.of(applied("STIN_L", "STIN"), applied("STOR_L", "STOR"),
                    applied("MORS_L", "MORS")), "MORS"),
            new Scenario("M admission", ELMER, List.of(applied("STIN_M", "STIN")), "STIN"),
            new Scenario("N admission cancelled", ELMER, List.of(applied("STIN_N", "STIN"),
                    applied("AN_STIN_N", "AN_STIN")), null),
            new Scenario("O admission revised", ELMER, List.of(applied("STIN_O", "STIN"),
                    applied("RE_STIN_O", "RE_STIN")), "STIN"),
            new Scenario("P admission revised, then a cancellation naming a message never received", ELMER, List.of(
                    applied("STIN_P", "STIN"), applied("RE_STIN-P", "RE_STIN"),
                    refused("AN_STIN_P", 422, "EARLIER_MESSAGE_UNKNOWN")), "STIN"),
            new Scenario("TEK_A acute stay, admission, discharge", ELMER, List.of(applied("TEK_STAA_A", "STAA"),
                    applied("TEK_STIN_A", "STIN"), applied("TEK_SLHJ_A", "SLHJ")), "SLHJ"),
            new Scenario("TEK_B admission after an acute stay", ELMER, List.of(applied("TEK_STIN_B", "STIN")), "STIN"),
            new Scenario("TEK_DUB the same message twice", ELMER, List.of(applied("TEK_DUB", "STIN"),
                    duplicate("TEK_DUB")), "STIN"),
            new Scenario("TEK_FCC without MessageHeader.event and Encounter.class", ELMER, List.of(
                    refused("TEK_FCC", 422, "NOT_A_HOSPITAL_NOTIFICATION")), null),
            new Scenario("TEK_ID_2 two episode identifiers", ELMER, List.of(applied("TEK_ID_2", "STIN")), "STIN"),
            new Scenario("TEK_ID_LOCAL local episode identifier", ELMER, List.of(applied("TEK_ID_LOCAL", "STIN")),
                    "STIN"),
            new Scenario("TEK_ID_LPR3 LPR3 episode identifier", ELMER, List.of(applied("TEK_ID_LPR3", "STIN")), "STIN"),
            new Scenario("TEK_LOV another patient", MedcomExamples.KAJA_CPR, List.of(applied("TEK_LOV", "STIN")),
                    "STIN"));

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    Map<String, UUID> people;

    @BeforeEach
    void elmerAndKajaAreCitizensTheNurseWorksWith() {
        jdbc.sql("DELETE FROM hospital_event").update();
        jdbc.sql("DELETE FROM hospital_message").update();
        citizens.reset();
        people = Map.of(ELMER, citizens.registered(ELMER, "Elmer Hansen", "hjemmebesog"),
                MedcomExamples.KAJA_CPR, citizens.registered(MedcomExamples.KAJA_CPR, "Kaja Test Hansen", "hjemmebesog"));
    }

    static Stream<Arguments> scenarios() {
        return Stream.of("json", "xml").flatMap(format -> SCENARIOS.stream().map(s -> Arguments.of(s.name(), format, s)));
    }

    @Test
    void theScenariosCoverEveryOneOfThe42Examples() {
        var covered = SCENARIOS.stream().flatMap(s -> s.steps().stream()).map(Step::example).distinct().toList();
        try (var files = java.nio.file.Files.list(MedcomExamples.folder())) {
            var examples = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring("HospitalNotification_Ex_".length(), name.length() - ".json".length()))
                    .toList();
            assertThat(examples).hasSize(42);
            assertThat(covered).containsExactlyInAnyOrderElementsOf(examples);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("scenarios")
    void eachScenarioFromAFreshCitizenGivesItsEventsAndStatus(String name, String format, Scenario scenario)
            throws Exception {
        for (var step : scenario.steps()) {
            expect(step, format);
        }
        assertThat(statusNow(scenario.cpr())).as(name).isEqualTo(scenario.statusNow());
    }

    private void expect(Step step, String format) throws Exception {
        var answer = deliver(step.example(), format);
        String at = step.example() + "." + format;
        assertThat(JsonPath.<String>read(answer.body(), "$.resourceType")).as(at).isEqualTo("OperationOutcome");
        switch (step.expect()) {
            case Expect.Applied applied -> {
                assertThat(answer.status()).as(at + " " + answer.body()).isEqualTo(200);
                assertThat(JsonPath.<String>read(answer.body(), "$.issue[0].diagnostics")).as(at)
                        .contains("(" + applied.code() + ")");
                assertThat(JsonPath.<List<String>>read(answer.body(), "$.issue[?(@.severity == 'warning')].diagnostics"))
                        .as(at + " warnings").hasSize(applied.warnings());
            }
            case Expect.Duplicate duplicate -> {
                assertThat(answer.status()).as(at).isEqualTo(200);
                assertThat(JsonPath.<String>read(answer.body(), "$.issue[0].code")).as(at).isEqualTo("duplicate");
            }
            case Expect.Refused refused -> {
                assertThat(answer.status()).as(at + " " + answer.body()).isEqualTo(refused.status());
                assertThat(lastQuarantined()).as(at).isEqualTo(refused.reason());
            }
        }
    }

    record Answer(int status, String body) {
    }

    private Answer deliver(String example, String format) throws Exception {
        var type = MediaType.parseMediaType("application/fhir+" + format);
        var response = mvc.perform(post("/fhir/$process-message").with(MEDCOM).contentType(type)
                        .accept(MediaType.parseMediaType("application/fhir+json"))
                        .content(MedcomExamples.read("HospitalNotification_Ex_" + example + "." + format)))
                .andReturn().getResponse();
        return new Answer(response.getStatus(), response.getContentAsString());
    }

    private @Nullable String lastQuarantined() {
        return jdbc.sql("SELECT reason FROM hospital_message WHERE outcome = 'QUARANTINED' ORDER BY received_at DESC")
                .query(String.class).list().stream().findFirst().orElse(null);
    }

    /** The citizen's hospital status now, as the staff's JSON API gives it: the current event's code. */
    private @Nullable String statusNow(String cpr) throws Exception {
        String body = mvc.perform(get("/api/citizens/{id}/hospital-events", people.get(cpr)).with(NURSE))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.current") == null ? null : JsonPath.read(body, "$.current.code");
    }

    /**
     * The whole set for one citizen (Kaja only for TEK_LOV), in scenario order, as the static files are: the
     * files share MessageHeader ids across scenarios, so most later files are another message under an id already
     * applied (409, kept); admissions at a time that already stands are duplicate events (409, kept); the revisions
     * of an admission that was cancelled meanwhile have nothing left to revise, and AN_STIN_P names the refused
     * RE_STIN_O: all kept for an administrator, nothing lost and nothing guessed. Elmer died on 1 March 2023
     * (MORS_J): that stays his status, and what the hospital dated later is shown as after the death.
     */
    @Test
    void theWholeSetInOneSequenceForOneCitizen() throws Exception {
        var answers = new ArrayList<String>();
        for (var scenario : SCENARIOS) {
            for (var step : scenario.steps()) {
                var answer = deliver(step.example(), "json");
                if (answer.status() == 200) {
                    boolean again = JsonPath.<String>read(answer.body(), "$.issue[0].code").equals("duplicate");
                    answers.add(step.example() + " " + (again ? "duplicate" : JsonPath.<String>read(answer.body(),
                            "$.issue[0].diagnostics").replaceAll(".*\\((\\S+)\\).*", "$1")));
                } else {
                    String kept = JsonPath.<String>read(answer.body(), "$.issue[1].diagnostics")
                            .replaceAll(".*id ([0-9a-f-]{36}).*", "$1");
                    String reason = jdbc.sql("SELECT reason FROM hospital_message WHERE id = :id AND outcome = 'QUARANTINED'")
                            .param("id", UUID.fromString(kept)).query(String.class).single();
                    answers.add(step.example() + " " + answer.status() + " " + reason);
                }
            }
        }

        assertThat(answers).containsExactly(
                "STIN_A STIN",
                "STIN_B1 409 DUPLICATE_EVENT",
                "STIN_B2 STIN",
                "STIN_C1 409 MESSAGE_ID_REUSED",
                "STIN_C2 409 MESSAGE_ID_REUSED",
                "STAA_D STAA",
                "STAA_E 409 MESSAGE_ID_REUSED",
                "STIN_E STIN",
                "STIN_F 409 MESSAGE_ID_REUSED",
                "STOR_F STOR",
                "STIN_G 409 MESSAGE_ID_REUSED",
                "STOR_G 409 MESSAGE_ID_REUSED",
                "SLOR_G SLOR",
                "STIN_H 409 MESSAGE_ID_REUSED",
                "SLHJ_H SLHJ",
                "STIN_I 409 MESSAGE_ID_REUSED",
                "STOR_I 409 MESSAGE_ID_REUSED",
                "SLHJ_I SLHJ",
                "MORS_J MORS",
                "STIN_K 409 MESSAGE_ID_REUSED",
                "MORS_K MORS",
                "STIN_L 409 MESSAGE_ID_REUSED",
                "STOR_L 409 MESSAGE_ID_REUSED",
                "MORS_L MORS",
                "STIN_M 409 MESSAGE_ID_REUSED",
                "STIN_N 409 MESSAGE_ID_REUSED",
                "AN_STIN_N AN_STIN",
                "STIN_O 409 MESSAGE_ID_REUSED",
                "RE_STIN_O 422 EARLIER_MESSAGE_UNKNOWN",
                "STIN_P 409 MESSAGE_ID_REUSED",
                "RE_STIN-P 422 EARLIER_MESSAGE_UNKNOWN",
                "AN_STIN_P 422 EARLIER_MESSAGE_REFUSED",
                "TEK_STAA_A 409 MESSAGE_ID_REUSED",
                "TEK_STIN_A 409 MESSAGE_ID_REUSED",
                "TEK_SLHJ_A SLHJ",
                "TEK_STIN_B 409 MESSAGE_ID_REUSED",
                "TEK_DUB 409 MESSAGE_ID_REUSED",
                "TEK_DUB 409 MESSAGE_ID_REUSED",
                "TEK_FCC 422 NOT_A_HOSPITAL_NOTIFICATION",
                "TEK_ID_2 409 DUPLICATE_EVENT",
                "TEK_ID_LOCAL 409 MESSAGE_ID_REUSED",
                "TEK_ID_LPR3 409 DUPLICATE_EVENT",
                "TEK_LOV STIN");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM hospital_message WHERE bundle_id = :tekDub AND outcome = 'QUARANTINED'")
                .param("tekDub", "1a32e7d1-7008-4bd4-907e-1fb6a016f5b8").query(Long.class).single())
                .as("TEK_DUB sent twice is kept once").isOne();

        assertThat(statusNow(MedcomExamples.KAJA_CPR)).isEqualTo("STIN");
        assertThat(statusNow(ELMER)).isEqualTo("MORS");
        String body = mvc.perform(get("/api/citizens/{id}/hospital-events", people.get(ELMER)).with(NURSE))
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<String>read(body, "$.current.occurredAt")).isEqualTo("2023-03-01T11:00:00Z");
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.afterDeath == true)].code"))
                .containsExactly("SLHJ", "SLOR", "SLHJ", "MORS", "MORS", "SLHJ", "STOR", "STIN", "STIN");
        assertThat(JsonPath.<List<String>>read(body, "$.events[?(@.afterDeath == false)].code"))
                .containsExactly("MORS", "STIN", "STAA");
        mvc.perform(get("/borgere/{id}/sygehus", people.get(ELMER)).with(NURSE))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("Død 1. marts 2023 12:00"),
                                org.hamcrest.Matchers.containsString("Modtaget efter dødsfald"),
                                org.hamcrest.Matchers.containsString("stod som orlov"))));
    }
}
