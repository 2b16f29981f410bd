package dk.brobygger.homevisit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.followup.TaskList;
import dk.brobygger.followup.TaskOpened;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.WorkRef;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The flow from a home visit to the task list, as a Spring Modulith {@link Scenario}: documenting a visit
 * with a follow-up call puts the call on the visitor's list, through {@link FollowUpAgreed} and followup's
 * {@link TaskOpened}. A full-context test with {@link EnableScenarios} rather than an
 * {@code @ApplicationModuleTest}: documenting a visit passes the citizen gate, the audit log and the
 * security filter chain, which a module test of homevisit would have to mock away.
 */
@BrobyggerTest
@EnableScenarios
class FollowUpCallFlowTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired TaskList tasks;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    UUID karen;
    LocalDate today;

    @BeforeEach
    void karenIsVisited() {
        jdbc.sql("DELETE FROM followup_task").update();
        citizens.reset();
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
        today = LocalDate.now(clock.withZone(DanishTime.ZONE));
    }

    @Test
    void aVisitDocumentedWithAFollowUpCallPutsTheCallOnTheVisitorsList(Scenario scenario) throws Exception {
        String location = mvc.perform(post("/borgere/{id}/besoeg", karen).with(NURSE).with(csrf())
                        .param("dato", today.toString()).param("tid", "10:00").param("varighed", "60")
                        .param("sted", "HOME"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID visit = UUID.fromString(location.substring("/hjemmebesog/besoeg/".length()));
        long version = jdbc.sql("SELECT version FROM visit WHERE id = :id").param("id", visit).query(Long.class)
                .single();
        LocalDate due = today.plusWeeks(6);

        scenario.stimulate(() -> document(visit, version, due))
                .andWaitForEventOfType(TaskOpened.class)
                .matching(opened -> opened.source().id().equals(visit))
                .toArriveAndVerify(opened -> {
                    assertThat(opened.source()).isEqualTo(WorkRef.of("homevisit.follow-up-call", visit));
                    assertThat(opened.assignee()).isEqualTo("hjemmebesog");
                    assertThat(opened.dueOn()).isEqualTo(due);
                    assertThat(tasks.worklist("hjemmebesog")).singleElement()
                            .satisfies(task -> assertThat(task.id()).isEqualTo(opened.task()));
                });
    }

    void document(UUID visit, long version, LocalDate due) {
        try {
            mvc.perform(post("/hjemmebesog/besoeg/{id}", visit).with(NURSE).with(csrf())
                            .param("version", String.valueOf(version)).param("afholdt", today.toString())
                            .param("tema", "COMMUNITY").param("opfoelgning", due.toString()))
                    .andExpect(status().is3xxRedirection());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
