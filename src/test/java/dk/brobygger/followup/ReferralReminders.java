package dk.brobygger.followup;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A kind of task that exists only in the tests, as a module to come would add it (a referral unanswered
 * for 14 days): its own title, link and choices, and its own reaction to completion. Nothing in followup
 * knows it.
 */
@Component
class ReferralReminders implements TaskSource {

    static final String KIND = "test.referral-unanswered";

    final List<TaskCompleted> completed = new CopyOnWriteArrayList<>();

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Text title(Task task) {
        return Text.of("task.text", "Henvisning ubesvaret i 14 dage");
    }

    @Override
    public @Nullable Link link(Task task) {
        return new Link("/henvisninger/" + task.source().id(), Text.of("task.text", "Til henvisningen"));
    }

    @Override
    public List<Choice> choices(String kind) {
        return List.of(Choice.of("ANSWERED", "task.yes"),
                new Choice("GIVEN_UP", "task.no", new Detail("task.notes", "task.outcome.missing")));
    }

    @EventListener
    void on(TaskCompleted event) {
        if (KIND.equals(event.source().kind())) {
            completed.add(event);
        }
    }
}
