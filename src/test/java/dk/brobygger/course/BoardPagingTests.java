package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The host's board in pages of 50 (issue 16): today's and every open inquiry, newest or oldest first, no row on
 * two pages, the figures counted over all of them (not only the page), and a view of those waiting for contact.
 */
@BrobyggerTest
class BoardPagingTests {

    private static final Pattern ROW = Pattern.compile("/indgang/henvendelser/([0-9a-f-]{36})\"");

    @Autowired MockMvc mvc;
    @Autowired TestCourses courses;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @BeforeEach
    void aBusyBoard() {
        courses.reset();
        Instant now = clock.instant();
        // 30 today (10 contacted), 400 open from the last weeks (all waiting, every tenth urgent), 100 closed ones.
        for (int i = 0; i < 530; i++) {
            boolean today = i < 30;
            boolean closed = i >= 430;
            Instant at = today ? now.minus(Duration.ofMinutes(i + 1)) : now.minus(Duration.ofHours(30 + i));
            jdbc.sql("""
                    INSERT INTO course_inquiry (id, received_at, channel, source, wish, urgency, citizen_knows, young,
                                                contacted_at, contacted_by, outcome, closed_at, version)
                    VALUES (:id, :at, 'PHONE', 'RELATIVE', :wish, :urgency, 'UNKNOWN', FALSE, :contacted, :by, :outcome,
                            :closed, 0)
                    """).param("id", UUID.randomUUID()).param("at", Timestamp.from(at)).param("wish", "Ønske " + i)
                    .param("urgency", i % 10 == 5 ? "TODAY" : "THIS_WEEK")
                    .param("contacted", today && i < 10 ? Timestamp.from(now) : null).param("by", today && i < 10 ? "vaert" : null)
                    .param("outcome", closed ? "ADVICE_GIVEN" : null).param("closed", closed ? Timestamp.from(at.plusSeconds(60)) : null)
                    .update();
        }
    }

    List<String> rows(String query) throws Exception {
        String html = mvc.perform(get("/indgang" + query).with(CourseTests.HOST)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        var ids = new ArrayList<String>();
        var matcher = ROW.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    @Test
    void theBoardShowsFiftyRowsAPageAndEveryOpenInquiryOnExactlyOnePage() throws Exception {
        assertThat(Inquiries.BOARD_PAGE).isEqualTo(50);
        mvc.perform(get("/indgang").with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("30 henvendelser i dag")))
                .andExpect(content().string(containsString("420 venter på kontakt")))
                .andExpect(content().string(containsString("Side 1 af 9 (430 henvendelser)")))
                .andExpect(content().string(containsString("Næste side")))
                .andExpect(content().string(not(containsString("Forrige side"))));
        var seen = new HashSet<String>();
        var first = rows("");
        for (int page = 1; page <= 9; page++) {
            var rows = rows("?side=" + page);
            assertThat(rows).as("page " + page).hasSize(page < 9 ? 50 : 30);
            seen.addAll(rows);
        }
        assertThat(seen).hasSize(430);
        assertThat(rows("?side=10")).isEmpty();
        assertThat(rows("?side=abc")).isEqualTo(first);
    }

    @Test
    void theOldestFirstAndOnlyThoseWaitingForContact() throws Exception {
        String oldestOpen = jdbc.sql("""
                SELECT id FROM course_inquiry WHERE closed_at IS NULL ORDER BY received_at LIMIT 1
                """).query(UUID.class).single().toString();
        assertThat(rows("?sortering=aeldste").getFirst()).isEqualTo(oldestOpen);
        mvc.perform(get("/indgang").param("vis", "venter").with(CourseTests.HOST)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Side 1 af 9 (420 henvendelser)")))
                .andExpect(content().string(containsString("42 haster i dag")));
        var waiting = new HashSet<String>();
        for (int page = 1; page <= 9; page++) {
            waiting.addAll(rows("?vis=venter&side=" + page));
        }
        assertThat(waiting).hasSize(420);
        assertThat(rows("?vis=venter&side=9")).hasSize(20);
    }
}
