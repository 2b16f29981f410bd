package dk.brobygger.followup;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.brobygger.access.People;
import dk.brobygger.citizen.CitizenContribution;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRetention;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the task list adds to the citizen: the tasks about them on the timeline with their source's title,
 * the tasks in the citizen's data export, and opbevaring (retention): an expired citizen's tasks keep
 * kind, dates, status and outcome, which statistics count, and lose the free text (the outcome's detail,
 * e.g. the community's name, and the notes).
 */
@Component
class TaskContribution implements CitizenContribution {

    static final String KIND = "followup.task";

    private final Tasks tasks;
    private final TaskSources sources;
    private final People people;
    private final JdbcClient jdbc;

    TaskContribution(Tasks tasks, TaskSources sources, People people, JdbcClient jdbc) {
        this.people = people;
        this.tasks = tasks;
        this.sources = sources;
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String labelKey() {
        return "followup.export";
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        var all = tasks.findByCitizenIdOrderByCreatedAtDesc(citizen.value()).stream()
                .filter(task -> before == null || task.createdAt().isBefore(before)).toList();
        int end = Math.min(limit, all.size());
        while (end > 0 && end < all.size() && all.get(end).createdAt().equals(all.get(end - 1).createdAt())) {
            end++;
        }
        return all.subList(0, end).stream().map(this::entry).toList();
    }

    private TimelineEntry entry(Task task) {
        var shown = sources.show(task);
        var title = new DefaultMessageSourceResolvable(new String[] {shown.title().key()},
                shown.title().arguments().toArray());
        return new TimelineEntry(task.createdAt(), KIND, "followup.timeline.opened", List.of(title, people.name(task.owner())),
                "followup.timeline.citizen", "/opgaver/" + task.id());
    }

    @Override
    @Transactional(readOnly = true)
    public ExportPart export(CitizenId citizen) {
        return new ExportPart(KIND, "followup.export", tasks.findByCitizenIdOrderByCreatedAtDesc(citizen.value())
                .stream().map(TaskContribution::record).toList());
    }

    private static Map<String, @Nullable Object> record(Task task) {
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        values.put("kind", task.kind());
        values.put("created", task.createdAt());
        values.put("assignee", task.assignee());
        values.put("team", task.team());
        values.put("dueOn", task.dueOn());
        values.put("status", task.status().name());
        values.put("outcome", task.outcome());
        values.put("outcomeDetail", task.outcomeDetail());
        values.put("notes", task.notes());
        values.put("doneOn", task.doneOn());
        values.put("doneBy", task.doneBy());
        return values;
    }

    /**
     * Clears the free text in one statement; a new version, so that a task still open in a form cannot
     * write the text back. A deleted citizen's tasks go by ON DELETE CASCADE.
     */
    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        if (mode != CitizenRetention.Mode.ANONYMISE) {
            return;
        }
        jdbc.sql("""
                UPDATE followup_task SET notes = NULL, outcome_detail = NULL, version = version + 1
                 WHERE citizen_id = :citizen AND (notes IS NOT NULL OR outcome_detail IS NOT NULL)
                """).param("citizen", citizen.value()).update();
    }
}
