package dk.brobygger.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Role;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators check the chain, search the log and export it; nobody else may. */
@BrobyggerTest
class AuditPagesTests {

    @Autowired MockMvc mvc;
    @Autowired AuditFixture fixture;
    @Autowired AuditLog log;
    @Autowired JdbcClient jdbc;

    final UUID citizen = UUID.randomUUID();
    final UUID otherCitizen = UUID.randomUUID();

    @BeforeEach
    void someAccesses() {
        fixture.emptyLog();
        fixture.record(AuditFixture.read("hjemmebesog", Role.STAFF, citizen, "Forebyggende hjemmebesøg"));
        fixture.record(AuditFixture.read("akut", Role.STAFF, otherCitizen, "Krisesamtale"));
        fixture.record(AuditFixture.read("akut", Role.STAFF, citizen, "Ingen sag").refused());
    }

    @Test
    void anAdministratorSeesThatTheChainIsIntact() throws Exception {
        mvc.perform(get("/api/audit/verify").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"valid": true, "records": 3, "firstBrokenId": null}""", org.springframework.test.json.JsonCompareMode.STRICT));
    }

    @Test
    void anAdministratorSeesWhereTheChainWasBroken() throws Exception {
        jdbc.sql("UPDATE audit_record SET citizen_id = NULL WHERE id = 2").update();

        mvc.perform(get("/api/audit/verify").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.records").value(3))
                .andExpect(jsonPath("$.firstBrokenId").value(2));
    }

    @Test
    void staffMayNotVerifyTheLog() throws Exception {
        mvc.perform(get("/api/audit/verify").with(httpBasic("hjemmebesog", "demo")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail").value("Kun administratorer kan kontrollere logningen."));
    }

    @Test
    void anonymousCallersMustLogInToVerify() throws Exception {
        mvc.perform(get("/api/audit/verify")).andExpect(status().isUnauthorized());
    }

    @Test
    void anAdministratorFindsEveryAccessToOneCitizenNewestFirst() throws Exception {
        mvc.perform(get("/admin/logning").param("borger", citizen.toString()).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Forebyggende hjemmebesøg")))
                .andExpect(content().string(Matchers.containsString("afvist")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Krisesamtale"))))
                .andExpect(content().string(Matchers.stringContainsInOrder("Ingen sag", "Forebyggende hjemmebesøg")));
    }

    @Test
    void theSearchNarrowsByUserAndAction() throws Exception {
        mvc.perform(get("/admin/logning").param("bruger", "akut").param("handling", "READ")
                        .param("fra", "2000-01-01").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Krisesamtale")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Forebyggende hjemmebesøg"))));
        mvc.perform(get("/admin/logning").param("til", "2000-01-01").with(httpBasic("admin", "demo")))
                .andExpect(content().string(Matchers.containsString("Ingen poster matcher søgningen.")));
    }

    @Test
    void anAdministratorFindsTheRefusedAttempts() throws Exception {
        mvc.perform(get("/admin/logning").param("udfald", "REFUSED").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Ingen sag")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Forebyggende hjemmebesøg"))));
    }

    @Test
    void theLogIsShownFiftyRecordsAPage() throws Exception {
        for (int i = 0; i < 60; i++) {
            fixture.record(AuditFixture.read("vaert", Role.STAFF, citizen, "Caféaften " + i));
        }
        mvc.perform(get("/admin/logning").with(httpBasic("admin", "demo")))
                .andExpect(content().string(Matchers.containsString("Caféaften 59")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Caféaften 9<"))))
                .andExpect(content().string(Matchers.containsString("Ældre poster")));
        mvc.perform(get("/admin/logning").param("side", "2").with(httpBasic("admin", "demo")))
                .andExpect(content().string(Matchers.containsString("Caféaften 9<")))
                .andExpect(content().string(Matchers.containsString("Forebyggende hjemmebesøg")));
    }

    @Test
    void aBadCitizenIdIsExplainedNotAStackTrace() throws Exception {
        mvc.perform(get("/admin/logning").param("borger", "ikke-et-id").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Søgningen kunne ikke forstås")));
    }

    @Test
    void staffMayNotSearchTheLog() throws Exception {
        mvc.perform(get("/admin/logning").with(httpBasic("hjemmebesog", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/logning/eksport").with(httpBasic("leder", "demo"))).andExpect(status().isForbidden());
        assertThat(log.verify().records()).isEqualTo(3);
    }

    @Test
    void theExportHoldsTheSameSearchAndIsItselfAudited() throws Exception {
        String csv = mvc.perform(get("/admin/logning/eksport").param("borger", citizen.toString())
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn().getResponse().getContentAsString();

        var rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(row -> row.get("formaal"))
                .containsExactly("CSV-eksport af logningen: borger=" + citizen, "Ingen sag", "Forebyggende hjemmebesøg");
        CSVRecord export = rows.getFirst();
        assertThat(export.get("bruger")).isEqualTo("admin");
        assertThat(export.get("handling")).isEqualTo("EXPORT");
        assertThat(log.verify()).isEqualTo(new ChainVerification(true, 4, null));
    }

    @Test
    void anExportCannotSmuggleAFormulaIntoTheAdministratorsSpreadsheet() throws Exception {
        fixture.record(AuditEntry.granted("vaert", Role.STAFF, "=cmd|' /C calc'!A0", citizen, AuditAction.READ,
                "=HYPERLINK(\"http://ondt.example\",\"Klik\")", "@SUM(1+1)"));
        fixture.record(AuditEntry.granted("vaert", Role.STAFF, null, citizen, AuditAction.READ, "+45 12 34 56 78", null));
        fixture.record(AuditEntry.granted("vaert", Role.STAFF, null, citizen, AuditAction.READ, "-1+1", null));
        fixture.record(AuditEntry.granted("vaert", Role.STAFF, null, citizen, AuditAction.READ, "\tskjult", null));
        fixture.record(AuditEntry.granted("vaert", Role.STAFF, null, citizen, AuditAction.READ, "\rskjult", null));

        String csv = mvc.perform(get("/admin/logning/eksport").param("bruger", "vaert").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        var rows = CSVFormat.DEFAULT.builder().setHeader().get().parse(new StringReader(csv)).getRecords();
        assertThat(rows).extracting(row -> row.get("formaal")).containsExactly("'\rskjult", "'\tskjult", "'-1+1",
                "'+45 12 34 56 78", "'=HYPERLINK(\"http://ondt.example\",\"Klik\")");
        assertThat(rows.getLast().get("team")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(rows.getLast().get("klientadresse")).isEqualTo("'@SUM(1+1)");
        assertThat(rows.getLast().get("bruger")).isEqualTo("vaert");
    }
}
