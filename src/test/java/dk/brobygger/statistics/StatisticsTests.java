package dk.brobygger.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.CitizenRetention.Mode;
import dk.brobygger.citizen.CitizenRetention.Outcome;
import dk.brobygger.citizen.TestCitizens;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.context.MessageSource;
import org.springframework.transaction.PlatformTransactionManager;
import com.zaxxer.hikari.HikariDataSource;
import dk.brobygger.TestDatabaseProfiles;
import dk.brobygger.shared.Districts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Counting it: Fællesskab tags by month, district and age band, the share with a loneliness
 * conversation, follow-up calls on time, AED10-shaped recipients — and never a count from 1 to 4.
 */
@BrobyggerTest
class StatisticsTests {

    static final java.util.Locale DANISH = java.util.Locale.of("da");

    static final RequestPostProcessor MANAGER = httpBasic("leder", "demo");
    static final int YEAR = 2025;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestCitizens citizens;
    @Autowired VisitFigures figures;
    @Autowired Exports exports;
    @Autowired ReportsDatabase reports;
    @Autowired javax.sql.DataSource dataSource;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MessageSource messages;
    @Autowired Districts districts;

    int cpr = 1000;

    @BeforeEach
    void aYearOfVisits() {
        citizens.reset();
        // VEST: 6 women aged 70-74 with a tagged visit in March, one of them also in April.
        for (int i = 0; i < 6; i++) {
            UUID woman = citizen("VEST", LocalDate.of(1953, 6, 1), "FEMALE");
            visit(woman, LocalDate.of(YEAR, 3, 10), true, "ROOM_TO_TALK", "HOME");
            if (i == 0) {
                visit(woman, LocalDate.of(YEAR, 4, 2), true, "", "PHONE");
            }
        }
        // ØST: 2 men aged 80-84, held visits without the tag.
        for (int i = 0; i < 2; i++) {
            visit(citizen("ØST", LocalDate.of(1943, 1, 1), "MALE"), LocalDate.of(YEAR, 3, 20), false, "", "HOME");
        }
    }

    UUID citizen(String district, LocalDate born, String sex) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO citizen (id, cpr, birth_date, sex, name, district, needs_interpreter, version, created_at,
                                     created_by, updated_at, updated_by)
                VALUES (:id, :cpr, :born, :sex, 'Test', :district, FALSE, 0, :now, 'test', :now, 'test')
                """).param("id", id).param("cpr", "010101" + (cpr++)).param("born", born).param("sex", sex)
                .param("district", district).param("now", Timestamp.valueOf("2025-01-01 00:00:00")).update();
        return id;
    }

    void visit(UUID citizen, LocalDate heldOn, boolean tag, String conversation, String place) {
        jdbc.sql("""
                INSERT INTO visit (id, citizen_id, visitor, planned_start, duration_minutes, place, status, held_on,
                                   themes, conversation, card_handed_out, community_tag, version, created_by,
                                   created_at, updated_by, updated_at)
                VALUES (:id, :citizen, 'hjemmebesog', :start, 60, :place, 'HELD', :heldOn, '', :conversation, FALSE,
                        :tag, 1, 'hjemmebesog', :start, 'hjemmebesog', :start)
                """).param("id", UUID.randomUUID()).param("citizen", citizen)
                .param("start", Timestamp.valueOf(heldOn.atTime(10, 0))).param("place", place).param("heldOn", heldOn)
                .param("conversation", conversation).param("tag", tag).update();
    }

    @Test
    void tagsAreCountedByMonthDistrictAndAgeBandSmallCountsAreUnderFiveAndNoneCanBeSubtractedFromTheTotal() {
        var year = figures.year(YEAR, LocalDate.of(2026, 1, 15));
        assertThat(year.held().shown()).isEqualTo("9");
        assertThat(year.tagged().shown()).isEqualTo("7");
        assertThat(year.months().get(3).tagged().shown()).as("one visit in April").isEqualTo("<5");
        assertThat(year.months().get(3).tagged().drawable()).isZero();
        assertThat(year.months().get(2).tagged().shown()).as("March's 6 hidden too, or April's 1 is 7 - 6")
                .isEqualTo("–");
        assertThat(year.months().get(2).tagged().drawable()).isZero();
        assertThat(year.months().get(0).tagged().shown()).isEqualTo("0");
        assertThat(year.taggedByDistrict()).containsOnlyKeys("VEST");
        assertThat(year.taggedByDistrict().get("VEST").shown()).isEqualTo("7");
        assertThat(year.taggedByAgeBand().get(AgeBand.FROM_70).shown()).isEqualTo("7");
        assertThat(year.withConversation().shown()).isEqualTo("6");
        assertThat(year.shareWithConversation()).isEqualTo("67 %");
    }

    @Test
    void withoutAReportsDatabaseTheStatisticsReadTheApplicationsDatabase() {
        assertThat(reports.replica()).isFalse();
        assertThat(reports.dataSource()).isSameAs(dataSource);
    }

    @Test
    void onPostgresqlAReportsTransactionHasMemoryForItsAggregatesAndNoJitAndGivesThemBackAfter() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabaseProfiles.postgres(), "PostgreSQL settings");
        var inside = reports.read(() -> reports.jdbc()
                .sql("SELECT current_setting('work_mem') || ' ' || current_setting('jit')").query(String.class)
                .single());
        assertThat(inside).isEqualTo("64MB off");
        var after = jdbc.sql("SELECT current_setting('work_mem')").query(String.class).single();
        assertThat(after).isNotEqualTo("64MB");
    }

    @Test
    void withAReportsDatabaseTheStatisticsReadThroughItsOwnReadOnlyPool() throws Exception {
        // The "replica" is the same database here, through a pool of its own, as brobygger.reports.datasource.* makes.
        var primary = dataSource.unwrap(HikariDataSource.class);
        var meters = new SimpleMeterRegistry();
        var replica = new ReportsDatabase(dataSource, jdbc, transactions, meters, primary.getJdbcUrl(),
                primary.getUsername(), primary.getPassword() == null ? "" : primary.getPassword(), 2, "64MB");
        try {
            var figures = new VisitFigures(replica, messages, districts);

            var year = figures.year(YEAR, LocalDate.of(2026, 1, 15));

            assertThat(year.held().shown()).as("the same figures").isEqualTo("9");
            assertThat(replica.replica()).isTrue();
            assertThat(meters.get("hikaricp.connections.acquire").tag("pool", ReportsDatabase.POOL).timer().count())
                    .as("connections taken from the reports pool").isGreaterThan(0);
            var pool = (HikariDataSource) replica.dataSource();
            assertThat(pool.isReadOnly()).isTrue();
            assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
            if (TestDatabaseProfiles.postgres()) { // H2 takes read-only as a hint and answers for the database
                assertThat(replica.read(() -> {
                    try {
                        return DataSourceUtils.getConnection(pool).isReadOnly();
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                })).as("a read-only connection").isTrue();
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> replica.read(() -> replica.jdbc()
                        .sql("UPDATE citizen SET name = name").update()))
                        .as("PostgreSQL refuses a write on it").hasMessageContaining("read-only");
            }
        } finally {
            replica.destroy();
        }
    }

    @Test
    void sharesResting_onFewerThanFiveAreNotShown() {
        assertThat(Count.share(3, 9)).isEqualTo("–");
        assertThat(Count.share(5, 4)).isEqualTo("–");
        assertThat(Count.share(0, 9)).isEqualTo("0 %");
        assertThat(Count.share(5, 10)).isEqualTo("50 %");
    }

    @Test
    void aed10CountsEachRecipientOnceByAreaVisitTypeAgeAndSex() {
        var table = figures.aed10(YEAR, DANISH);
        assertThat(table.headers()).containsExactly("Område", "Besøgstype", "Alder", "Køn", "År", "Modtagere");
        assertThat(table.rows()).contains(
                List.of("VEST", "Besøg i hjemmet", "70-74", "Kvinder", "2025", "6"),
                List.of("VEST", "Besøg på telefon, video eller andet sted", "70-74", "Kvinder", "2025", "<5"),
                List.of("ØST", "Besøg i hjemmet", "80-84", "Mænd", "2025", "<5"));
    }

    @Test
    void managersSeeChartsAndTablesAndDownloadCsvAndXlsxWithTheSameSuppression() throws Exception {
        mvc.perform(get("/leder/statistik").param("aar", "2025").with(MANAGER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Fællesskab-mærker pr. distrikt 2025")))
                // districts by their names, not their codes
                .andExpect(content().string(containsString("Fjordlund Vest")))
                .andExpect(content().string(containsString("&lt;5")));
        byte[] csv = mvc.perform(get("/leder/statistik/aed10.csv").param("aar", "2025").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("aed10-2025.csv")))
                .andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFOmråde;Besøgstype;Alder;Køn;År;Modtagere");
        assertThat(text).contains("VEST;Besøg i hjemmet;70-74;Kvinder;2025;6", "ØST;Besøg i hjemmet;80-84;Mænd;2025;<5");

        byte[] xlsx = mvc.perform(get("/leder/statistik/hjemmebesog.xlsx").param("aar", "2025").with(MANAGER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(5);
            var months = workbook.getSheetAt(0);
            assertThat(months.getRow(2).getCell(0).getStringCellValue()).isEqualTo("Måned");
            assertThat(months.getRow(5).getCell(2).getStringCellValue()).as("March tags, protecting April's")
                    .isEqualTo("–");
            assertThat(months.getRow(6).getCell(2).getStringCellValue()).as("April tags").isEqualTo("<5");
        }
    }

    @Test
    void offersAreCountedByRuleAndOutreachByReasonAndOutcome() {
        for (int i = 0; i < 6; i++) {
            UUID citizen = citizen("VEST", LocalDate.of(1950, 3, 1), "FEMALE");
            jdbc.sql("""
                    INSERT INTO homevisit_offer (id, citizen_id, visit_year, rule, offered_on, channel, answer, answered_on,
                                                 held_on, held_by, recorded_by, recorded_at, version)
                    VALUES (:id, :citizen, 2025, 'TURNS_75', DATE '2025-02-01', 'LETTER', :answer, DATE '2025-02-10',
                            :held, 'hjemmebesog', 'hjemmebesog', :now, 0)
                    """).param("id", UUID.randomUUID()).param("citizen", citizen)
                    .param("answer", i < 5 ? "ACCEPTED" : "DECLINED")
                    .param("held", i < 5 ? LocalDate.of(2025, 3, 1) : null)
                    .param("now", Timestamp.valueOf("2025-02-01 10:00:00")).update();
        }
        var offers = figures.offers(YEAR, DANISH);
        assertThat(offers.rows()).containsExactly(List.of("Fylder 75 i året", "6", "5", "<5", "5"),
                List.of("I alt", "6", "5", "<5", "5"));
        assertThat(figures.ruleLabel("RISK_65_81", DANISH)).isEqualTo("65–81 år og i særlig risiko");
        assertThat(figures.ruleLabel("RISK_65_81", java.util.Locale.ENGLISH)).isEqualTo("65–81 and at particular risk");
        assertThat(figures.offers(YEAR, java.util.Locale.ENGLISH).rows()).contains(List.of("In all", "6", "5", "<5", "5"));
        assertThat(figures.outreach(YEAR, DANISH).headers()).contains("Årsag", "Ikke truffet", "Trukket tilbage");
    }

    @Test
    void theFiguresStayTheSameWhenTheCitizensAreAnonymised() {
        jdbc.sql("UPDATE visit SET notes = 'Talte om ensomhed efter Pouls død'").update();
        for (UUID citizen : jdbc.sql("SELECT id FROM citizen").query(UUID.class).list()) {
            jdbc.sql("""
                    INSERT INTO followup_task (id, citizen_id, source_kind, due_on, assignee, source_id, status, outcome,
                                               outcome_detail, notes, done_on, done_by, created_at, version)
                    VALUES (:id, :citizen, 'homevisit.follow-up-call', DATE '2025-04-20', 'hjemmebesog', :source, 'DONE',
                            'JOINED_COMMUNITY', 'Strikkeklubben', 'Datteren kører', DATE '2025-04-18', 'hjemmebesog',
                            TIMESTAMP '2025-03-10 12:00:00', 1)
                    """).param("id", UUID.randomUUID()).param("citizen", citizen).param("source", UUID.randomUUID())
                    .update();
            jdbc.sql("""
                    INSERT INTO life_event (id, citizen_id, type, occurred_on, source, arrived_via, recorded_by, recorded_at)
                    VALUES (:id, :citizen, 'LOST_SPOUSE', DATE '2025-02-01', 'Naboen', 'STAFF', 'hjemmebesog',
                            TIMESTAMP '2025-02-02 10:00:00')
                    """).param("id", UUID.randomUUID()).param("citizen", citizen).update();
            jdbc.sql("""
                    INSERT INTO outreach_item (id, citizen_id, reason, rule_id, life_event_id, reason_date, status, outcome,
                                               outcome_on, created_at)
                    SELECT :id, e.citizen_id, e.type, r.id, e.id, e.occurred_on, 'CLOSED', 'ACCEPTED', DATE '2025-03-01',
                           TIMESTAMP '2025-02-02 10:00:00'
                      FROM life_event e, outreach_rule r
                     WHERE e.citizen_id = :citizen AND r.reason = e.type AND r.superseded_at IS NULL
                    """).param("id", UUID.randomUUID()).param("citizen", citizen).update();
        }
        var year = figures.year(YEAR, LocalDate.of(2026, 1, 15));
        var aed10 = figures.aed10(YEAR, DANISH);
        var offers = figures.offers(YEAR, DANISH);
        var outreach = figures.outreach(YEAR, DANISH);
        assertThat(year.followUps().joinedCommunity().shown()).isEqualTo("8");

        var everyone = jdbc.sql("SELECT id FROM citizen").query(UUID.class).list();
        assertThat(citizens.expire(Mode.ANONYMISE, everyone.toArray(UUID[]::new)))
                .isEqualTo(new Outcome(everyone.size(), 0, 0));

        assertThat(jdbc.sql("SELECT COUNT(*) FROM visit WHERE notes IS NOT NULL").query(Long.class).single()).isZero();
        assertThat(figures.year(YEAR, LocalDate.of(2026, 1, 15))).isEqualTo(year);
        assertThat(figures.aed10(YEAR, DANISH)).isEqualTo(aed10);
        assertThat(figures.offers(YEAR, DANISH)).isEqualTo(offers);
        assertThat(figures.outreach(YEAR, DANISH)).isEqualTo(outreach);
    }

    @Test
    void staffAndCitizensCannotSeeTheStatistics() throws Exception {
        mvc.perform(get("/leder/statistik").with(httpBasic("hjemmebesog", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/leder/statistik/aed10.csv").with(httpBasic("borger", "demo"))).andExpect(status().isForbidden());
    }

    @Test
    void exportedTextThatASpreadsheetWouldRunAsAFormulaIsDefused() {
        var csv = new String(exports.csv(new Table("t", List.of("a"), List.of(List.of("=HYPERLINK(\"x\")"),
                List.of("-5"), List.of("@SUM(A1)")))), StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK", "'@SUM").contains("\r\n-5\r\n");
    }
}
