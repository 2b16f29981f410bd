package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The worklist's citizens kept as a table: the page reads them by index, and whatever changes a citizen's lines
 * through the services changes the table in the same transaction, so the list is never behind its lines.
 */
@BrobyggerTest
class WorklistTableTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired WorklistTable table;

    int year;
    LocalDate today;

    @BeforeEach
    void reset() {
        data.reset();
        today = LocalDate.now(clock);
        year = today.getYear();
    }

    @Test
    void aListOfSixtyIsPagedByNameFromTheTableAndAgreesWithTheWholeQuery() throws Exception {
        for (int i = 0; i < 60; i++) {
            String name = "Borger %02d Hansen".formatted(59 - i);
            UUID citizen = data.citizen(name, LocalDate.of(year - 75, 1 + i % 12, 1), "ALONE", i % 2 == 0 ? "ØST" : "VEST");
            if (i % 5 == 0) {
                data.openOutreachItem(citizen, "LOST_SPOUSE", today.minusDays(i));
            }
        }
        String first = page("sorter", "NAME");
        assertThat(table.isMade(year)).as("the first page of the year made its table").isTrue();
        assertThat(first).contains("60 på listen").contains("Borger 00 Hansen").contains("Borger 49 Hansen")
                .doesNotContain("Borger 50 Hansen");
        assertThat(page("sorter", "NAME", "side", "2")).contains("Borger 50 Hansen").contains("Borger 59 Hansen")
                .doesNotContain("Borger 49 Hansen");
        // The same order as the whole query, which pages the visitor's order and other years.
        for (var sort : List.of("DISTRICT", "AGE", "REASON_DATE", "NAME")) {
            assertThat(citizensIn(page("sorter", sort))).as(sort).isEqualTo(wholeQuery(Worklist.Sort.valueOf(sort)));
        }
        // With one line taken, the lines nobody has taken leave out the citizen whose only line it was.
        UUID taken = UUID.fromString(citizensIn(first).getFirst());
        mvc.perform(post("/hjemmebesog/tag").with(NURSE).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).param("art", "VISIT")
                        .param("borger", taken.toString()).param("aar", String.valueOf(year)))
                .andExpect(status().is3xxRedirection());
        assertThat(citizensIn(page("sorter", "NAME", "vis", "NOBODY"))).hasSize(50).doesNotContain(taken.toString());
        assertThat(page("sorter", "NAME", "vis", "NOBODY")).contains("59 på listen");
    }

    @Test
    void aLifeEventPutsTheCitizenOnTheListAtOnceAndClosingTheItemTakesItsLineOff() throws Exception {
        UUID ole = data.citizen("Ole Madsen", today.minusYears(68), "ALONE", "ØST", "MALE");
        data.relate(ole, "hjemmebesog");
        assertThat(page()).doesNotContain("Ole Madsen").contains("0 på listen");

        mvc.perform(post("/api/citizens/{id}/life-events", ole).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"LOST_SPOUSE\", \"date\": \"%s\", \"source\": \"Test\"}".formatted(today)))
                .andExpect(status().isCreated());
        assertThat(page()).contains("Ole Madsen").contains("1 på listen").contains("Mistet ægtefælle/samlever")
                .as("at risk this year, so due a §79a visit too").contains("65–81 år og i særlig risiko");

        UUID item = jdbc.sql("SELECT id FROM outreach_item WHERE citizen_id = :c").param("c", ole).query(UUID.class).single();
        mvc.perform(post("/api/outreach/items/{id}/close", item).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"NOT_REACHED\"}"))
                .andExpect(status().isOk());
        // The item's line is gone; the visit stays, for the risk this year.
        assertThat(page()).contains("Ole Madsen").contains("1 på listen").doesNotContain("Mistet ægtefælle/samlever");
    }

    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aLifeEventDuringTheYearsRemakeWaitsForItInsteadOfCollidingWithItsRows() throws Exception {
        UUID ole = data.citizen("Ole Madsen", today.minusYears(68), "ALONE", "ØST", "MALE");
        data.relate(ole, "hjemmebesog");
        assertThat(page()).doesNotContain("Ole Madsen");
        var locked = new java.util.concurrent.CountDownLatch(1);
        var remake = java.util.concurrent.CompletableFuture.runAsync(() ->
                new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
                    // As WorklistTable.make(year) does: the year's refresh row, then the year's rows, uncommitted.
                    jdbc.sql("DELETE FROM homevisit_worklist_refresh WHERE visit_year = :year").param("year", year).update();
                    jdbc.sql("""
                            INSERT INTO homevisit_worklist_citizen (visit_year, citizen_id, district, lname, age, reason_date)
                            VALUES (:year, :citizen, 'ØST', 'ole madsen', 68, :today)
                            """).param("year", year).param("citizen", ole).param("today", today).update();
                    jdbc.sql("DELETE FROM homevisit_worklist_count WHERE visit_year = :year").param("year", year).update();
                    jdbc.sql("INSERT INTO homevisit_worklist_count (visit_year, district, citizens) VALUES (:year, 'ØST', 1)")
                            .param("year", year).update();
                    jdbc.sql("INSERT INTO homevisit_worklist_refresh (visit_year, refreshed_at, citizens) VALUES (:year, CURRENT_TIMESTAMP, 1)")
                            .param("year", year).update();
                    locked.countDown();
                    sleep(1_500);
                }));
        locked.await();
        mvc.perform(post("/api/citizens/{id}/life-events", ole).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"LOST_SPOUSE\", \"date\": \"%s\", \"source\": \"Test\"}".formatted(today)))
                .andExpect(status().isCreated());
        remake.get();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM homevisit_worklist_citizen WHERE citizen_id = :c").param("c", ole)
                .query(Long.class).single()).as("one row, made after the remake").isEqualTo(1);
        assertThat(page()).contains("Ole Madsen").contains("Mistet ægtefælle/samlever").contains("1 på listen");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void homeCareRecordedTakesACitizenDueByAgeOffTheListAtOnce() throws Exception {
        UUID karen = data.citizen("Karen Jensen", LocalDate.of(year - 80, 5, 1), "ALONE", "VEST");
        data.relate(karen, "hjemmebesog");
        assertThat(page()).contains("Karen Jensen");
        for (var service : List.of("PERSONAL_CARE", "PRACTICAL_HELP")) {
            mvc.perform(post("/api/citizens/{id}/home-care", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"service\": \"%s\", \"from\": \"%s\"}".formatted(service, today.minusYears(1))))
                    .andExpect(status().isCreated());
        }
        assertThat(page()).doesNotContain("Karen Jensen");
    }

    @Test
    void aCitizenWrittenPastTheServicesIsOnTheListAfterTheEvaluationRan() throws Exception {
        assertThat(page()).contains("0 på listen");
        // As a citizen register import would: no event, so the table does not know yet.
        jdbc.sql("""
                INSERT INTO citizen (id, cpr, birth_date, sex, name, address, postcode, district, living_situation,
                                     needs_interpreter, version, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :cpr, :born, 'FEMALE', 'Else Nielsen', 'Testvej 2', '7100', 'VEST', 'ALONE',
                        FALSE, 0, CURRENT_TIMESTAMP, 'test', CURRENT_TIMESTAMP, 'test')
                """).param("id", UUID.randomUUID()).param("born", LocalDate.of(year - 85, 1, 1))
                .param("cpr", "0101%02d9999".formatted((year - 85) % 100)).update();
        assertThat(page()).as("until the nightly evaluation").doesNotContain("Else Nielsen");

        mvc.perform(post("/api/outreach/evaluation").with(httpBasic("leder", "demo"))).andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(page()).contains("Else Nielsen"));
    }

    @Test
    void theStartPageCountsNewItemsOfAReasonUpToOneThousandAndSaysOver() throws Exception {
        UUID karen = data.citizen("Karen Jensen", LocalDate.of(year - 75, 5, 1), "ALONE", "VEST");
        data.openOutreachItem(karen, "MOVED_TO_NEW_AREA", today.minusDays(2));
        var rows = new ArrayList<Object[]>();
        for (int i = 0; i < 1_001; i++) {
            rows.add(new Object[] {UUID.randomUUID(), karen, today.minusDays(1)});
        }
        new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("""
                INSERT INTO outreach_item (id, citizen_id, reason, rule_id, reason_date, status, created_at)
                VALUES (?, ?, 'LOST_SPOUSE', (SELECT MAX(id) FROM outreach_rule WHERE reason = 'LOST_SPOUSE'), ?, 'OPEN',
                        CURRENT_TIMESTAMP)
                """, rows);
        String start = mvc.perform(get("/start").with(NURSE)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(start).contains("Nye de sidste 14 dage: mindst 1.001").contains("over 1.000")
                .contains("Mistet ægtefælle/samlever").contains("Flyttet til et nyt område");
    }

    @Autowired javax.sql.DataSource dataSource;

    private String page(String... params) throws Exception {
        var request = get("/hjemmebesog").with(NURSE);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Autowired DueVisits due;

    /** The first 50 citizens of the list from the whole query, which pages the visitor's order and other years. */
    private List<String> wholeQuery(Worklist.Sort sort) {
        var query = new WorklistQuery(due.query(year), year, today, null, Worklist.Holder.ALL, "hjemmebesog");
        var params = new java.util.HashMap<>(query.params());
        params.put("offset", 0L);
        params.put("size", 50);
        return jdbc.sql(query.page(sort)).params(params).query((rs, n) -> rs.getString("citizen_id")).list().stream()
                .distinct().toList();
    }

    /** The citizens' links in the order of the page. */
    private static List<String> citizensIn(String page) {
        var found = new ArrayList<String>();
        var matcher = java.util.regex.Pattern.compile("href=\"/borgere/([0-9a-f-]{36})\"").matcher(page);
        while (matcher.find()) {
            if (!found.contains(matcher.group(1))) {
                found.add(matcher.group(1));
            }
        }
        return found;
    }
}
