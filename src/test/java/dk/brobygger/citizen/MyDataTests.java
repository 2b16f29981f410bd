package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The citizen's own pages ("mine oplysninger"): their record, network and consents, withdrawing a
 * consent, who has seen their data and why, and downloading all of it, always only their own.
 */
@BrobyggerTest
class MyDataTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor CITIZEN = httpBasic("borger", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired Users users;
    @Autowired JdbcClient jdbc;
    @Autowired dk.brobygger.audit.AuditLog auditLog;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    String karen;
    String daughtersConsent;

    @BeforeEach
    void karenIsTheCitizenWhoLogsIn() throws Exception {
        citizens.reset();
        karen = register("150551-1234", "Karen Jensen");
        users.linkCitizen("borger", UUID.fromString(karen));
        mvc.perform(post("/api/citizens/{id}/network", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"PRIVATE\", \"name\": \"Mette Jensen\", \"role\": \"datter\", \"closeness\": 1}"))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/citizens/{id}/network", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"PROFESSIONAL\", \"name\": \"Lægehuset Fjordlund\", \"role\": \"egen læge\", \"closeness\": 3}"))
                .andExpect(status().isCreated());
        daughtersConsent = giveConsent(karen, """
                {"party": "RELATIVES", "partyName": "Mette Jensen", "scope": "Deltagelse i netværksmøder"}
                """);
    }

    @Test
    void theCitizenSeesWhoHasSeenTheirInformationAndWhy() throws Exception {
        mvc.perform(get("/api/citizens/{id}", karen).with(NURSE)).andExpect(status().isOk());
        mvc.perform(post("/api/citizens/{id}/break-the-glass", karen).with(httpBasic("akut", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Opkald til akuttelefonen om natten\"}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/mig").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Karen Jensen")))
                .andExpect(content().string(containsString("Hvem har set mine oplysninger")))
                .andExpect(content().string(containsString("Hanne Hjemmebesøg")))
                .andExpect(content().string(containsString("Anders Akut")))
                .andExpect(content().string(containsString("Opkald til akuttelefonen om natten")));
    }

    @Test
    void theCitizenSeesTheirNetworkAsAMapAndATable() throws Exception {
        mvc.perform(get("/mig").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Dit netværk")))
                .andExpect(content().string(containsString("<svg class=\"network-map\"")))
                .andExpect(content().string(containsString("<caption>Personerne i dit netværk</caption>")))
                .andExpect(content().string(containsString("Mette Jensen")))
                .andExpect(content().string(containsString("Lægehuset Fjordlund")));
    }

    @Test
    void theCitizenSeesTheirConsentsWithWhomWhatAndWhoRecordedThem() throws Exception {
        mvc.perform(get("/mig").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Samtykker, der gælder nu")))
                .andExpect(content().string(containsString("<td>Pårørende (Mette Jensen)</td>")))
                .andExpect(content().string(containsString("Deltagelse i netværksmøder")))
                .andExpect(content().string(containsString("Hanne Hjemmebesøg")))
                .andExpect(content().string(containsString("Indtil du trækker det tilbage")))
                .andExpect(content().string(containsString("/mig/samtykker/" + daughtersConsent + "/traek-tilbage")))
                .andExpect(content().string(containsString("Du har ingen tidligere samtykker.")));
    }

    @Test
    void withdrawingAConsentAsksFirstThenGivesAReceiptAndMovesItToTheHistory() throws Exception {
        mvc.perform(get("/mig/samtykker/{id}/traek-tilbage", daughtersConsent).with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vil du trække dit samtykke til deling med pårørende (Mette Jensen) tilbage?")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("Nej, behold samtykket")));
        assertThat(withdrawnBy(daughtersConsent)).as("asking changes nothing").isNull();

        mvc.perform(post("/mig/samtykker/{id}/traek-tilbage", daughtersConsent).with(CITIZEN))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/mig#samtykker"))
                .andExpect(flash().attribute("receipt", containsString(
                        "Kvittering: Du har trukket dit samtykke til deling med pårørende (Mette Jensen) tilbage")));
        assertThat(withdrawnBy(daughtersConsent)).isEqualTo("borger");

        mvc.perform(get("/mig").with(CITIZEN))
                .andExpect(content().string(containsString("Du har ingen samtykker, der gælder nu.")))
                .andExpect(content().string(containsString("Trukket tilbage af dig den")));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'borger'
                   AND action = 'UPDATE' AND outcome = 'GRANTED'
                """).param("citizen", UUID.fromString(karen)).query(Long.class).single())
                .as("the withdrawal is audited as the citizen's own").isEqualTo(1);
    }

    @Test
    void withdrawingTwiceSaysItIsAlreadyWithdrawn() throws Exception {
        mvc.perform(post("/mig/samtykker/{id}/traek-tilbage", daughtersConsent).with(CITIZEN)).andExpect(status().isFound());
        mvc.perform(post("/mig/samtykker/{id}/traek-tilbage", daughtersConsent).with(CITIZEN))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("notice", containsString("allerede trukket tilbage")));
    }

    @Test
    void aWithdrawalFromTheBrowserNeedsTheFormsCsrfToken() throws Exception {
        var borger = users.find("borger").orElseThrow();
        mvc.perform(post("/mig/samtykker/{id}/traek-tilbage", daughtersConsent).with(user(borger)))
                .andExpect(status().isForbidden());
        assertThat(withdrawnBy(daughtersConsent)).isNull();
        mvc.perform(post("/mig/samtykker/{id}/traek-tilbage", daughtersConsent).with(user(borger)).with(csrf()))
                .andExpect(status().isFound());
        assertThat(withdrawnBy(daughtersConsent)).isEqualTo("borger");
    }

    @Test
    void aCitizenCannotWithdrawAnotherCitizensConsent() throws Exception {
        String ib = register("020340-1111", "Ib Hansen");
        String ibsConsent = giveConsent(ib, """
                {"party": "GP", "scope": "Epikriser til egen læge"}
                """);

        mvc.perform(get("/mig/samtykker/{id}/traek-tilbage", ibsConsent).with(CITIZEN))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Epikriser"))));
        mvc.perform(post("/mig/samtykker/{id}/traek-tilbage", ibsConsent).with(CITIZEN))
                .andExpect(status().isNotFound());

        assertThat(withdrawnBy(ibsConsent)).as("Ib's consent is untouched").isNull();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'borger' AND outcome = 'REFUSED'
                """).param("citizen", UUID.fromString(ib)).query(Long.class).single())
                .as("both attempts are in Ib's audit log as refused").isEqualTo(2);
    }

    @Test
    void theDownloadAsJsonHoldsEverythingAboutTheCitizen() throws Exception {
        mvc.perform(get("/api/citizens/{id}", karen).with(NURSE)).andExpect(status().isOk());
        mvc.perform(post("/mig/samtykker/{id}/traek-tilbage", daughtersConsent).with(CITIZEN)).andExpect(status().isFound());

        mvc.perform(get("/mig/data.json").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("mine-oplysninger-")))
                .andExpect(header().string("Content-Disposition", containsString(".json")))
                .andExpect(jsonPath("$.record.name").value("Karen Jensen"))
                .andExpect(jsonPath("$.record.cpr").value("150551-1234"))
                .andExpect(jsonPath("$.record.address").value("Vestergade 3"))
                .andExpect(jsonPath("$.network.length()").value(2))
                .andExpect(jsonPath("$.network[0].name").value("Mette Jensen"))
                .andExpect(jsonPath("$.consents[0].scope").value("Deltagelse i netværksmøder"))
                .andExpect(jsonPath("$.consents[0].recordedBy").value("Hanne Hjemmebesøg (hjemmebesog)"))
                .andExpect(jsonPath("$.consents[0].withdrawnAt").exists())
                .andExpect(jsonPath("$.relations[0].user").value("Hanne Hjemmebesøg (hjemmebesog)"))
                .andExpect(jsonPath("$.relations[0].reason").value("Registrerede borgeren"))
                .andExpect(jsonPath("$.accessReport[?(@.who == 'Hanne Hjemmebesøg' && @.action == 'READ')]").exists())
                .andExpect(jsonPath("$.accessReport[0].sentence").isString());
    }

    @Test
    void theDownloadAsPdfIsAReadableDanishDocument() throws Exception {
        var response = mvc.perform(get("/mig/data.pdf").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString(".pdf")))
                .andReturn().getResponse();
        byte[] pdf = response.getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        var reader = new PdfReader(pdf);
        try {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            assertThat(text.toString().replaceAll("\\s+", " "))
                    .contains("Mine oplysninger i Brobygger")
                    .contains("Karen Jensen")
                    .contains("Lavet ")
                    .contains("Dine stamoplysninger").contains("150551-1234")
                    .contains("Dit netværk").contains("Mette Jensen")
                    .contains("Dine samtykker").contains("Deltagelse i netværksmøder")
                    .contains("Hvem arbejder med dig")
                    .contains("Hvem har set mine oplysninger");
            assertThat(reader.getInfo().get("Title")).contains("Karen Jensen");
        } finally {
            reader.close();
        }
    }

    @Test
    void theDownloadHoldsWhatEveryModuleKeepsVisitsScoresAndHospitalEvents() throws Exception {
        UUID id = UUID.fromString(karen);
        ModuleRecords.visit(jdbc, id, java.time.LocalDateTime.of(2026, 3, 1, 10, 0), "HELD", true);
        ModuleRecords.score(jdbc, id, java.time.LocalDate.of(2026, 2, 1));
        ModuleRecords.hospitalEvent(jdbc, id, java.time.Instant.parse("2026-01-10T08:00:00Z"), "STIN");

        mvc.perform(get("/mig/data.json").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.parts['homevisit.visits'][0].status").value("HELD"))
                .andExpect(jsonPath("$.parts['homevisit.visits'][0].faellesskab").value(true))
                .andExpect(jsonPath("$.parts['outcome.scores'][0].instrument").value(containsString("UCLA")))
                .andExpect(jsonPath("$.parts['outcome.scores'][0].score").value(8))
                .andExpect(jsonPath("$.parts['hospital.events'][0].event").value("STIN"))
                .andExpect(jsonPath("$.parts['homevisit.offers']").isArray())
                .andExpect(jsonPath("$.parts['outreach.items']").isArray())
                .andExpect(jsonPath("$.parts['outreach.lifeEvents']").isArray());

        byte[] pdf = mvc.perform(get("/mig/data.pdf").with(CITIZEN)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        var reader = new PdfReader(pdf);
        try {
            var extractor = new PdfTextExtractor(reader);
            var text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            // Table cells come out of the PDF with or without a space between them: compare without spaces.
            assertThat(text.toString().replaceAll("\\s+", ""))
                    .contains("Hjemmebesøg").contains("Planlagttil1.marts2026kl.10:00").contains("FællesskabJa")
                    .contains("Målinger").contains("UCLA").contains("Score8")
                    .contains("Sygehusadviser").contains("HændelseSTIN").contains("Tidspunkt10.januar2026kl.09:00");
        } finally {
            reader.close();
        }
    }

    @Test
    void theCitizenSeesWhatTheMunicipalityHasDoneWithThemInPlainDanishOnly() throws Exception {
        UUID id = UUID.fromString(karen);
        ModuleRecords.visit(jdbc, id, java.time.LocalDateTime.of(2026, 3, 1, 10, 0), "HELD", true);
        ModuleRecords.lifeEvent(jdbc, id, java.time.LocalDate.of(2026, 2, 15), "LOST_SPOUSE", "datteren");

        mvc.perform(get("/mig").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Det har kommunen gjort med dig")))
                .andExpect(content().string(containsString("Du fik besøg af en forebyggende hjemmebesøger.")))
                .andExpect(content().string(containsString("Mette Jensen blev skrevet ind i dit netværk.")))
                .andExpect(content().string(not(containsString("Forebyggende hjemmebesøg holdt"))))
                .andExpect(content().string(not(containsString("datteren"))));
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM audit_record WHERE citizen_id = :citizen AND username = 'borger'
                   AND user_role = 'CITIZEN' AND purpose LIKE 'Borgeren så sin tidslinje%'
                """).param("citizen", id).query(Long.class).single()).isOne();
    }

    @Test
    void downloadsAreAuditedAsTheCitizensOwnExport() throws Exception {
        mvc.perform(get("/mig/data.json").with(CITIZEN)).andExpect(status().isOk());
        mvc.perform(get("/mig/data.pdf").with(CITIZEN)).andExpect(status().isOk());

        assertThat(jdbc.sql("""
                SELECT purpose FROM audit_record WHERE citizen_id = :citizen AND username = 'borger'
                   AND user_role = 'CITIZEN' AND action = 'EXPORT' AND outcome = 'GRANTED' ORDER BY id
                """).param("citizen", UUID.fromString(karen)).query(String.class).list())
                .containsExactly("Borgeren hentede en kopi af alle sine oplysninger (JSON)",
                        "Borgeren hentede en kopi af alle sine oplysninger (PDF)");
    }

    @Test
    void aLongAccessReportIsPaged() throws Exception {
        // 20 lines a page; registering Karen, her network and her consent were 4 more. Reads of the same kind
        // within 15 minutes are one line, so these 20 reads are one: (20 gange).
        for (int i = 0; i < 20; i++) {
            mvc.perform(get("/api/citizens/{id}", karen).with(NURSE)).andExpect(status().isOk());
        }
        mvc.perform(get("/mig").with(CITIZEN)).andExpect(content().string(containsString("(20 gange)")));
        // 20 accesses for different purposes are 20 lines.
        for (int i = 0; i < 20; i++) {
            var entry = dk.brobygger.audit.AuditEntry.granted("hjemmebesog", dk.brobygger.access.Role.STAFF, null,
                    UUID.fromString(karen), dk.brobygger.audit.AuditAction.READ, "Opslag nr. " + i, "10.0.0.7");
            transactions.executeWithoutResult(status -> auditLog.record(entry));
        }
        mvc.perform(get("/mig").with(CITIZEN))
                .andExpect(content().string(containsString("Side 1 af 2")))
                .andExpect(content().string(containsString("/mig?side=2#hvem-har-set")));
        mvc.perform(get("/mig").param("side", "2").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Side 2 af 2")))
                .andExpect(content().string(containsString("Registrerede borgeren")));
    }

    @Test
    void aCitizenSeesOnlyTheirOwnRecord() throws Exception {
        mvc.perform(get("/api/citizens/{id}", karen).with(CITIZEN)).andExpect(status().isForbidden());
        mvc.perform(get("/borgere").param("q", "karen").with(CITIZEN)).andExpect(status().isForbidden());
    }

    @Test
    void staffHaveNoOwnCitizenPages() throws Exception {
        mvc.perform(get("/mig").with(NURSE)).andExpect(status().isForbidden());
        mvc.perform(get("/mig/data.json").with(NURSE)).andExpect(status().isForbidden());
        mvc.perform(get("/mig/data.pdf").with(NURSE)).andExpect(status().isForbidden());
        mvc.perform(post("/mig/samtykker/{id}/traek-tilbage", daughtersConsent).with(NURSE)).andExpect(status().isForbidden());
        assertThat(withdrawnBy(daughtersConsent)).isNull();
    }

    @Test
    void somebodyNotLoggedInIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/mig").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/mig/data.pdf").accept(MediaType.TEXT_HTML))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void aCitizenLoginWithoutARecordIsToldSoPlainly() throws Exception {
        jdbc.sql("UPDATE app_user SET citizen_id = NULL WHERE username = 'borger'").update();

        mvc.perform(get("/mig").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kommunen har ingen oplysninger om dig i Brobygger.")));
        mvc.perform(get("/mig/data.json").with(CITIZEN))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("dit login er ikke knyttet til oplysninger om dig")));
    }

    private String register(String cpr, String name) throws Exception {
        String answer = mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"cpr": "%s", "name": "%s", "address": "Vestergade 3",
                                 "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                                """.formatted(cpr, name)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return answer.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private String giveConsent(String citizen, String json) throws Exception {
        return mvc.perform(post("/api/citizens/{id}/consents", citizen).with(NURSE)
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()
                .replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private String withdrawnBy(String consent) {
        return jdbc.sql("SELECT withdrawn_by FROM consent WHERE id = :id").param("id", UUID.fromString(consent))
                .query((rs, row) -> java.util.Optional.ofNullable(rs.getString(1))).single().orElse(null);
    }
}
