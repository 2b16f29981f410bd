package dk.brobygger.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.TestCitizens;
import dk.brobygger.shared.WorkRef;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/** The one task list: tasks of any kind, each shown and completed as its source says. */
@BrobyggerTest
class TaskListTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TaskList taskList;
    @Autowired Tasks tasks;
    @Autowired ReferralReminders reminders;
    @Autowired TaskContribution contribution;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;
    @Autowired Clock clock;

    CitizenId karen;
    UUID referral;
    Task task;
    LocalDate today;

    @BeforeEach
    void karensReferralHasGoneUnanswered() {
        jdbc.sql("DELETE FROM followup_task").update();
        citizens.reset();
        reminders.completed.clear();
        today = LocalDate.now(clock.withZone(dk.brobygger.shared.DanishTime.ZONE));
        karen = new CitizenId(citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog"));
        referral = UUID.randomUUID();
        task = transaction.execute(status -> taskList.open(WorkRef.of(ReferralReminders.KIND, referral), karen,
                "hjemmebesog", today.plusDays(2)));
    }

    @Test
    void aTaskOfANewKindIsShownWithItsSourcesTitleLinkAndChoicesAndItsSourceHearsItCompleted() throws Exception {
        mvc.perform(get("/opgaver").with(NURSE)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Karen Jensen")))
                .andExpect(content().string(containsString("Henvisning ubesvaret i 14 dage")))
                .andExpect(content().string(containsString("href=\"/henvisninger/" + referral + "\"")));
        mvc.perform(get("/opgaver/{id}", task.id()).with(NURSE)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Henvisning ubesvaret i 14 dage: Karen Jensen")))
                .andExpect(content().string(containsString("value=\"ANSWERED\"")))
                .andExpect(content().string(containsString("value=\"GIVEN_UP\"")))
                .andExpect(content().string(containsString("name=\"detalje-GIVEN_UP\"")));

        mvc.perform(post("/opgaver/{id}", task.id()).with(NURSE).with(csrf()).param("version", "0")
                        .param("dato", today.toString()).param("udfald", "GIVEN_UP"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vælg hvordan det gik.")));
        mvc.perform(post("/opgaver/{id}", task.id()).with(NURSE).with(csrf()).param("version", "0")
                        .param("dato", today.toString()).param("udfald", "GIVEN_UP")
                        .param("detalje-GIVEN_UP", "Tilbuddet er lukket"))
                .andExpect(status().is3xxRedirection());

        assertThat(reminders.completed).singleElement().satisfies(completed -> {
            assertThat(completed.source()).isEqualTo(WorkRef.of(ReferralReminders.KIND, referral));
            assertThat(completed.outcome()).isEqualTo("GIVEN_UP");
            assertThat(completed.detail()).isEqualTo("Tilbuddet er lukket");
            assertThat(completed.doneBy()).isEqualTo("hjemmebesog");
        });
        mvc.perform(get("/opgaver").with(NURSE))
                .andExpect(content().string(containsString("Du har ingen åbne opgaver.")))
                .andExpect(content().string(containsString("Tilbuddet er lukket")));
    }

    @Test
    void theTaskStandsOnTheCitizensTimelineWithItsSourcesTitleAndInTheDownload() throws Exception {
        mvc.perform(get("/borgere/{id}/tidslinje", karen.value()).with(NURSE)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Henvisning ubesvaret i 14 dage")))
                .andExpect(content().string(containsString("href=\"/opgaver/" + task.id() + "\"")));

        var part = contribution.export(karen);
        assertThat(part.records()).singleElement().satisfies(record -> {
            assertThat(record.get("kind")).isEqualTo(ReferralReminders.KIND);
            assertThat(record.get("status")).isEqualTo("OPEN");
            assertThat(record.get("dueOn")).isEqualTo(today.plusDays(2));
        });
    }

    @Test
    void aChoiceTheSourceDoesNotOfferIsRefused() throws Exception {
        mvc.perform(post("/opgaver/{id}", task.id()).with(NURSE).with(csrf()).param("version", "0")
                        .param("dato", today.toString()).param("udfald", "JOINED_COMMUNITY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vælg et af de viste udfald.")));
        assertThat(tasks.findById(task.id()).orElseThrow().isOpen()).isTrue();
    }

    @Test
    void completingADoneTaskAgainIsRefusedInDanishAndChangesNothing() throws Exception {
        mvc.perform(post("/opgaver/{id}", task.id()).with(NURSE).with(csrf()).param("version", "0")
                .param("dato", today.toString()).param("udfald", "ANSWERED")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/opgaver/{id}", task.id()).with(NURSE).with(csrf()).param("version", "1")
                        .param("dato", today.toString()).param("udfald", "GIVEN_UP").param("detalje-GIVEN_UP", "Nej"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Opgaven er allerede løst.")));
        assertThat(tasks.findById(task.id()).orElseThrow().outcome()).isEqualTo("ANSWERED");
        assertThat(reminders.completed).hasSize(1);
    }

    @Test
    void theSecondOfTwoPeopleCompletingTheSameTaskGetsTheConflictAndOverwritesNothing() throws Exception {
        // Both opened the form at version 0; the first to save wins.
        mvc.perform(post("/opgaver/{id}", task.id()).with(NURSE).with(csrf()).param("version", "0")
                .param("dato", today.toString()).param("udfald", "ANSWERED")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/opgaver/{id}", task.id()).with(NURSE).with(csrf()).param("version", "0")
                        .param("dato", today.toString()).param("udfald", "GIVEN_UP").param("detalje-GIVEN_UP", "Nej"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Opgaven er ændret af en anden i mellemtiden.")));
        assertThat(tasks.findById(task.id()).orElseThrow().outcome()).isEqualTo("ANSWERED");
    }

    @Test
    void twoCompletionsOfTheSameLoadedTaskMeetTheVersionAndOnlyTheFirstIsSaved() {
        var first = tasks.findById(task.id()).orElseThrow();
        var second = tasks.findById(task.id()).orElseThrow();
        var choices = reminders.choices(ReferralReminders.KIND);
        first.complete(new Task.Completion(today, "ANSWERED", null, null), choices, "hjemmebesog", today,
                clock.instant());
        second.complete(new Task.Completion(today, "GIVEN_UP", "Lukket", null), choices, "faellesteam", today,
                clock.instant());
        transaction.executeWithoutResult(status -> tasks.save(first));

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> tasks.save(second)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(tasks.findById(task.id()).orElseThrow().doneBy()).isEqualTo("hjemmebesog");
    }

    @Test
    void theSameWorkOpensOneTaskAndAgreeingAnotherDayMovesIt() {
        var again = transaction.execute(status -> taskList.open(WorkRef.of(ReferralReminders.KIND, referral), karen,
                "hjemmebesog", today.plusDays(5)));
        assertThat(again.id()).isEqualTo(task.id());
        assertThat(again.dueOn()).isEqualTo(today.plusDays(5));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM followup_task").query(Long.class).single()).isEqualTo(1);
    }
}
