package dk.brobygger.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.WorkRef;

import org.junit.jupiter.api.Test;

/** A task guards its own state: what may happen to it, and what it tells when it does. */
class TaskTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 12);
    static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");
    static final List<TaskSource.Choice> CHOICES = List.of(TaskSource.Choice.of("REACHED", "r"),
            new TaskSource.Choice("JOINED_COMMUNITY", "j", new TaskSource.Detail("l", "community.missing")));

    final WorkRef call = WorkRef.of("homevisit.follow-up-call", UUID.randomUUID());
    final CitizenId karen = new CitizenId(UUID.randomUUID());

    Task open(LocalDate due) {
        return Task.open(call, karen, "hjemmebesog", due, TODAY, NOW);
    }

    @Test
    void aNewTaskIsOpenForItsWork() {
        var task = open(TODAY.plusWeeks(6));
        assertThat(task.isOpen()).isTrue();
        assertThat(task.source()).isEqualTo(call);
    }

    @Test
    void aNewTaskCannotBeDueBeforeTheWorkBegan() {
        assertThatThrownBy(() -> open(TODAY.minusDays(1))).isInstanceOf(DomainException.class)
                .hasMessage("task.dueOn.past");
        assertThat(Task.open(call, karen, "hjemmebesog", TODAY.minusDays(2), TODAY.minusWeeks(3), NOW).isOverdue(TODAY))
                .as("a visit documented afterwards agreed a call that is already due").isTrue();
    }

    @Test
    void aDoneTaskCannotBeCompletedMovedOrHandedOverAgain() {
        var task = open(TODAY);
        task.complete(new Task.Completion(TODAY, "REACHED", null, null), CHOICES, "hjemmebesog", TODAY, NOW);

        assertThatThrownBy(() -> task.complete(new Task.Completion(TODAY, "REACHED", null, null), CHOICES, "x", TODAY,
                NOW)).hasMessage("task.alreadyDone");
        assertThatThrownBy(() -> task.moveDue(TODAY.plusDays(1), TODAY)).hasMessage("task.alreadyDone");
        assertThatThrownBy(() -> task.reassign("faellesteam")).hasMessage("task.alreadyDone");
        assertThat(task.doneBy()).isEqualTo("hjemmebesog");
    }

    @Test
    void aChoiceThatAsksForADetailIsRefusedWithoutItInTheSourcesWords() {
        var task = open(TODAY);
        assertThatThrownBy(() -> task.complete(new Task.Completion(TODAY, "JOINED_COMMUNITY", " ", null), CHOICES,
                "hjemmebesog", TODAY, NOW)).hasMessage("community.missing");
        assertThat(task.isOpen()).isTrue();
    }

    @Test
    void aDetailIsKeptOnlyForTheChoiceThatAsksForIt() {
        var task = open(TODAY);
        task.complete(new Task.Completion(TODAY, "REACHED", "Strikkeklubben", null), CHOICES, "hjemmebesog", TODAY,
                NOW);
        assertThat(task.outcomeDetail()).isNull();
    }

    @Test
    void aTaskIsNotDoneInTheFutureNorWithoutADayOrAnOutcome() {
        var task = open(TODAY);
        assertThatThrownBy(() -> task.complete(new Task.Completion(TODAY.plusDays(1), "REACHED", null, null), CHOICES,
                "h", TODAY, NOW)).hasMessage("task.doneOn.future");
        assertThatThrownBy(() -> task.complete(new Task.Completion(null, "REACHED", null, null), CHOICES, "h", TODAY,
                NOW)).hasMessage("task.doneOn.missing");
        assertThatThrownBy(() -> task.complete(new Task.Completion(TODAY, null, null, null), CHOICES, "h", TODAY, NOW))
                .hasMessage("task.outcome.missing");
    }
}
