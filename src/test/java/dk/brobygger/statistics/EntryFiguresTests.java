package dk.brobygger.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.course.CourseTypes;
import dk.brobygger.course.TestCourses;
import dk.brobygger.shared.DanishTime;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Én indgang in figures, from inquiries and courses made through the course pages: who made contact and how, at
 * what hour and on which weekday; the courses by type, phase and state, started the same day, keeping their planned
 * contact; exits by where the citizen went; citizens who came back; young people beside adults. Counts 1–4 are never
 * shown, and no hidden count can be had by subtracting shown ones — not within a table, not between tables.
 */
@BrobyggerTest
class EntryFiguresTests {

    static final Locale DANISH = Locale.of("da");
    static final RequestPostProcessor HOST = httpBasic("vaert", "demo");
    static final RequestPostProcessor MANAGER = httpBasic("leder", "demo");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired TestCitizens citizens;
    @Autowired TestCourses courses;
    @Autowired CourseTypes types;
    @Autowired EntryFigures figures;
    @Autowired Clock clock;

    int year;
    int serial;

    /**
     * Six adults phoned about by a relative, each given a short course the same day: five kept weekly contact for two
     * weeks and went to an association, one had no contact and went to the region; one of them came back at once. Two
     * young people sent by their GP by e-mail, each in youth counselling. One anonymous caller.
     */
    @BeforeEach
    void aYearOfOneEntry() throws Exception {
        courses.reset();
        citizens.reset();
        year = LocalDate.now(clock.withZone(DanishTime.ZONE)).getYear();
        for (int i = 0; i < 6; i++) {
            String cpr = adult();
            UUID course = start(inquiry("RELATIVE", "PHONE", false), cpr, "kort-forloeb");
            if (i < 5) {
                contact(course);
                contact(course);
            }
            courses.backdate(course, 14);
            change(course, "udgang", "udgang", i < 5 ? "COMMUNITY" : "REGION", "til", "Foreningen Sind", "dato",
                    LocalDate.now(clock.withZone(DanishTime.ZONE)).toString(), "enig", "true");
            if (i == 0) {
                start(inquiry("RELATIVE", "PHONE", false), cpr, "peerstoette");
            }
        }
        for (int i = 0; i < 2; i++) {
            start(inquiry("GP", "EMAIL", true), young(), "ungeraadgivning");
        }
        inquiry("ANONYMOUS", "PHONE", false);
    }

    String adult() {
        String cpr = "0103" + "85" + "-4" + String.format("%03d", ++serial);
        citizens.registered(cpr, "Voksen " + serial, "hjemmebesog");
        return cpr;
    }

    /** Born 1 January 2006: 20 in 2026, a young person (12-25) when the course starts. */
    String young() {
        String cpr = "010106-4" + String.format("%03d", ++serial);
        citizens.registered(cpr, "Ung " + serial, "hjemmebesog");
        return cpr;
    }

    UUID inquiry(String source, String channel, boolean young) throws Exception {
        String location = mvc.perform(post("/indgang").with(HOST).with(csrf()).param("hvem", source)
                .param("kanal", channel).param("oensker", "Vil gerne have hjælp").param("ung", String.valueOf(young)))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    UUID start(UUID inquiry, String cpr, String type) throws Exception {
        long version = jdbc.sql("SELECT version FROM course_inquiry WHERE id = :id").param("id", inquiry)
                .query(Long.class).single();
        String location = mvc.perform(post("/indgang/henvendelser/{id}/forloeb", inquiry).with(HOST).with(csrf())
                .param("version", String.valueOf(version)).param("cpr", cpr)
                .param("type", types.byCode(type).id().toString()).param("team", "en-indgang")
                .param("status", "ACTIVE").param("udgang", "COMMUNITY").param("til", "Foreningen Sind")
                .param("dato", LocalDate.now(clock).plusWeeks(12).toString()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    void contact(UUID course) throws Exception {
        mvc.perform(post("/forloeb/{id}/kontakt", course).with(HOST).with(csrf()).param("slags", "PHONE")
                .param("minutter", "20")).andExpect(status().is3xxRedirection());
    }

    void change(UUID course, String what, String... params) throws Exception {
        mvc.perform(courses.change(course, what, params).with(HOST).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void inquiriesCoursesExitsReturnsAndKeptContactAreCountedForYoungPeopleAndAdults() {
        var counted = figures.count(year);

        assertThat(counted.inquiriesBySource().get("RELATIVE")).containsExactly(0, 7);
        assertThat(counted.inquiriesBySource().get("GP")).containsExactly(2, 0);
        assertThat(counted.inquiriesBySource().get("ANONYMOUS")).containsExactly(0, 1);
        assertThat(counted.inquiriesBySource().get("CITIZEN")).containsExactly(0, 0);
        assertThat(counted.byChannel()).containsEntry("PHONE", 8L).containsEntry("EMAIL", 2L)
                .containsEntry("WALK_IN", 0L);
        long[] hours = new long[24];
        long[] weekdays = new long[7];
        jdbc.sql("SELECT received_at FROM course_inquiry").query(java.sql.Timestamp.class).list().forEach(at -> {
            ZonedDateTime local = at.toInstant().atZone(DanishTime.ZONE);
            hours[local.getHour()]++;
            weekdays[local.getDayOfWeek().getValue() - 1]++;
        });
        assertThat(counted.byHour()).containsExactly(hours);
        assertThat(counted.byWeekday()).containsExactly(weekdays);

        assertThat(counted.started()).containsExactly(2, 7);
        assertThat(counted.fromInquiry()).containsExactly(2, 7);
        assertThat(counted.sameDay()).containsExactly(2, 7);
        assertThat(counted.hoursToStart().get(EntryFigures.ADULT)).isEqualTo(Map.of(0L, 7L));
        assertThat(counted.byTypeAndPhase().get(types.byCode("kort-forloeb").id())).containsExactly(6);
        assertThat(counted.byTypeAndPhase().get(types.byCode("peerstoette").id())).containsExactly(1);
        assertThat(counted.byTypeAndPhase().get(types.byCode("ungeraadgivning").id())).containsExactly(2, 0);
        assertThat(counted.byStatus()).containsEntry("FINISHED", 6L).containsEntry("ACTIVE", 3L)
                .containsEntry("ONHOLD", 0L);
        assertThat(counted.exitsByKind().get("COMMUNITY")).containsExactly(0, 5);
        assertThat(counted.exitsByKind().get("REGION")).containsExactly(0, 1);
        assertThat(counted.returned6()).as("young, adults, all").containsExactly(0, 1, 1);
        assertThat(counted.returned12()).containsExactly(0, 1, 1);
        assertThat(counted.judged()).as("two weeks in the short course; the others just started").containsExactly(0, 6);
        assertThat(counted.kept()).containsExactly(0, 5);
        assertThat(counted.empty()).isFalse();
    }

    List<String> row(Table table, String label) {
        return table.rows().stream().filter(row -> row.getFirst().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void smallCountsAreHiddenAndSoIsEveryCountThatWouldGiveOneAway() {
        var report = figures.report(figures.count(year), DANISH);
        var summary = report.tables().getFirst();
        assertThat(summary.headers()).containsExactly("Tal", "I alt", "Unge 12-25 år", "Voksne");
        // 2 young among 10: the 8 adults are hidden too, or 10 - 8 would show the 2.
        assertThat(row(summary, "Henvendelser")).containsExactly("Henvendelser", "10", "<5", "–");
        assertThat(row(summary, "Forløb startet")).containsExactly("Forløb startet", "9", "<5", "–");
        assertThat(row(summary, "Andel startet samme dag som henvendelsen")).containsExactly(
                "Andel startet samme dag som henvendelsen", "100 %", "–", "–");
        assertThat(row(summary, "Timer fra henvendelse til start (median)")).containsExactly(
                "Timer fra henvendelse til start (median)", "0", "–", "–");
        assertThat(row(summary, "Forløb afsluttet med en udgang")).containsExactly(
                "Forløb afsluttet med en udgang", "6", "0", "6");
        assertThat(row(summary, "Borgere, der kom igen inden for 6 måneder efter et forløb")).containsExactly(
                "Borgere, der kom igen inden for 6 måneder efter et forløb", "<5", "0", "<5");
        assertThat(row(summary, "– holdt den planlagte kontakt")).containsExactly(
                "– holdt den planlagte kontakt", "5", "0", "5");
        assertThat(row(summary, "Andel, der holdt den planlagte kontakt")).containsExactly(
                "Andel, der holdt den planlagte kontakt", "83 %", "–", "83 %");

        var bySource = report.tables().get(1);
        assertThat(row(bySource, "Pårørende")).containsExactly("Pårørende", "7", "0", "7");
        assertThat(row(bySource, "Egen læge")).containsExactly("Egen læge", "<5", "<5", "0");
        assertThat(row(bySource, "I alt")).containsExactly("I alt", "10", "<5", "–");
        // The 2 e-mails alone would be 10 - 8 by phone: the phone count is hidden with them.
        var byChannel = report.tables().get(2);
        assertThat(row(byChannel, "E-mail")).containsExactly("E-mail", "<5");
        assertThat(row(byChannel, "Telefon")).containsExactly("Telefon", "–");
        assertThat(row(byChannel, "I alt")).containsExactly("I alt", "10");
        // The one exit to the region would be 6 - 5: the five to an association are hidden with it.
        var exits = report.tables().get(7);
        assertThat(row(exits, "Regionen")).containsExactly("Regionen", "<5", "0", "<5");
        assertThat(row(exits, "Et fællesskab eller en forening")).containsExactly(
                "Et fællesskab eller en forening", "–", "0", "–");
        assertThat(row(exits, "I alt")).containsExactly("I alt", "6", "0", "6");
        // The 3 still active would be 9 - 6 finished.
        var statuses = report.tables().get(6);
        assertThat(row(statuses, "I gang")).containsExactly("I gang", "<5");
        assertThat(row(statuses, "Afsluttet")).containsExactly("Afsluttet", "–");
        var byType = report.tables().get(5);
        assertThat(row(byType, "Kort forløb i Én indgang, i alt")).containsExactly("Kort forløb i Én indgang, i alt", "6");
        assertThat(row(byType, "– fase 1: Forløb")).containsExactly("– fase 1: Forløb", "6");
        assertThat(row(byType, "Peerstøtte, i alt")).containsExactly("Peerstøtte, i alt", "<5");
        // No chart draws what its table hides.
        assertThat(report.byExit()).extracting(point -> point.count().drawable()).containsOnly(0L);
    }

    @Test
    void managersSeeThePageAndDownloadTheSameProtectedFiguresAndStaffDoNot() throws Exception {
        mvc.perform(get("/leder/statistik/indgang").param("aar", String.valueOf(year)).with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Én indgang i tal")))
                .andExpect(content().string(containsString("Henvendelser i " + year + " efter hvem der henvendte sig")))
                .andExpect(content().string(containsString("<svg role=\"img\"")))
                .andExpect(content().string(containsString("Opgjort")))
                .andExpect(content().string(not(containsString("Voksen 1"))))
                .andExpect(content().string(not(containsString("id=\"ingen\""))));
        mvc.perform(get("/leder/statistik").with(MANAGER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/leder/statistik/indgang")));

        byte[] csv = mvc.perform(get("/leder/statistik/indgang.csv").param("aar", String.valueOf(year))
                        .param("tabel", "2").with(MANAGER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains("Telefon;–").contains("E-mail;<5")
                .contains("I alt;10");
        byte[] xlsx = mvc.perform(get("/leder/statistik/indgang.xlsx").param("aar", String.valueOf(year))
                        .with(MANAGER))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(8);
            var summary = workbook.getSheetAt(0);
            assertThat(summary.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Henvendelser");
            assertThat(summary.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(10);
            assertThat(summary.getRow(3).getCell(2).getStringCellValue()).isEqualTo("<5");
            assertThat(summary.getRow(3).getCell(3).getStringCellValue()).isEqualTo("–");
        }

        mvc.perform(get("/leder/statistik/indgang").with(HOST)).andExpect(status().isForbidden());
        mvc.perform(get("/leder/statistik/indgang.csv").with(HOST)).andExpect(status().isForbidden());
        mvc.perform(get("/leder/statistik/indgang.xlsx").with(HOST)).andExpect(status().isForbidden());
    }

    @Test
    void aYearWithNothingRecordedSaysSo() throws Exception {
        int empty = year - 2;
        assertThat(figures.count(empty).empty()).isTrue();
        mvc.perform(get("/leder/statistik/indgang").param("aar", String.valueOf(empty))
                        .param("lang", "en").with(MANAGER))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nothing recorded in One entry in " + empty)))
                .andExpect(content().string(not(containsString("<svg role=\"img\""))));
    }
}
