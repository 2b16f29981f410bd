package dk.brobygger.followup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link TaskSource}s of all modules by the kinds of task they make. */
@Component
class TaskSources {

    /** A task whose kind no module claims (its module was removed): shown, never completed. */
    static final TaskSource UNKNOWN = new TaskSource() {

        @Override
        public Set<String> kinds() {
            return Set.of();
        }

        @Override
        public Text title(Task task) {
            return Text.of("task.kind.unknown", task.kind());
        }

        @Override
        public @Nullable Link link(Task task) {
            return null;
        }

        @Override
        public List<Choice> choices(String kind) {
            return List.of();
        }
    };

    // The sources are asked for when first needed: a source may itself open tasks through the task list.
    private final ObjectProvider<TaskSource> provider;
    private volatile @Nullable Map<String, TaskSource> byKind;

    TaskSources(ObjectProvider<TaskSource> provider) {
        this.provider = provider;
    }

    private Map<String, TaskSource> byKind() {
        var known = byKind;
        if (known == null) {
            known = new HashMap<>();
            for (var source : provider.orderedStream().toList()) {
                for (String kind : source.kinds()) {
                    var before = known.putIfAbsent(kind, source);
                    if (before != null) {
                        throw new IllegalStateException("Two task sources make tasks of kind " + kind + ": "
                                + before.getClass().getName() + " and " + source.getClass().getName());
                    }
                }
            }
            byKind = known;
        }
        return known;
    }

    TaskSource of(String kind) {
        return byKind().getOrDefault(kind, UNKNOWN);
    }

    /** The task with what its source says about it, for pages. */
    Shown show(Task task) {
        var source = of(task.kind());
        var choices = source.choices(task.kind());
        var chosen = choices.stream().filter(c -> c.code().equals(task.outcome())).findFirst().orElse(null);
        return new Shown(task, source.title(task), source.link(task), choices, chosen);
    }

    /**
     * A task as the pages show it.
     *
     * @param chosen the choice it was completed with, if done
     */
    record Shown(Task task, TaskSource.Text title, TaskSource.@Nullable Link link, List<TaskSource.Choice> choices,
            TaskSource.@Nullable Choice chosen) {
    }
}
