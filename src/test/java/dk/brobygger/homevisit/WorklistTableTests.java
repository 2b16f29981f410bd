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
            assertThat(citizensIn(page("sorter", sort))).as(sort)
                    .isEqualTo(citizensIn(wholeQuery(sort)));
        }
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

    private String page(String... params) throws Exception {
        var request = get("/hjemmebesog").with(NURSE);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** The same list from the whole query: the table is left unmade and a year it does not keep is not asked. */
    private String wholeQuery(String sort) throws Exception {
        // 'Mine' and 'nobody' come from the whole query too; with nothing taken, 'nobody' is everyone's list.
        return page("sorter", sort, "vis", "NOBODY");
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
