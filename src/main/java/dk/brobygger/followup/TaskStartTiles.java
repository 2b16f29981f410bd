package dk.brobygger.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tile of the user's task list: overdue tasks and those due within a week (the follow-up calls among them),
 * counted on the assignee's index (and the team index for the user's teams' tasks no one has taken), and the
 * first few by due date.
 */
@Component
class TaskStartTiles implements StartTiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final TaskSources sources;
    private final CitizenRecords records;
    private final MessageSource messages;
    private final Clock clock;
    private final Teams teams;

    TaskStartTiles(JdbcClient jdbc, Tasks tasks, TaskSources sources, CitizenRecords records,
            MessageSource messages, Clock clock, Teams teams) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.sources = sources;
        this.records = records;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<StartTile> tiles(BrobyggerUser user) {
        if (!user.has(Role.STAFF)) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        LocalDate week = today.plusDays(7);
        var mine = teams.of(user.username());
        var teamsOf = mine.isEmpty() ? List.of("") : mine;
        var counts = jdbc.sql("""
                SELECT SUM(CASE WHEN due_on < :today THEN 1 ELSE 0 END) AS overdue, COUNT(*) AS due
                  FROM followup_task
                 WHERE (assignee = :assignee OR (assignee IS NULL AND team IN (:teams)))
                   AND status = 'OPEN' AND due_on <= :week
                """).param("assignee", user.username()).param("teams", teamsOf).param("today", today).param("week", week)
                .query((rs, row) -> new long[] {rs.getLong("overdue"), rs.getLong("due")}).single();
        var first = jdbc.sql("""
                SELECT id FROM followup_task
                 WHERE (assignee = :assignee OR (assignee IS NULL AND team IN (:teams)))
                   AND status = 'OPEN' AND due_on <= :week
                 ORDER BY due_on, created_at, id
                 FETCH FIRST :limit ROWS ONLY
                """).param("assignee", user.username()).param("teams", teamsOf).param("week", week).param("limit", StartTile.LINES)
                .query(java.util.UUID.class).list().stream()
                .flatMap(id -> tasks.findById(TaskId.of(id)).stream()).toList();
        var names = first.isEmpty() ? java.util.Map.<dk.brobygger.citizen.CitizenId, CitizenRecords.Summary>of()
                : records.summaries(first.stream().map(Task::citizen).distinct().toList(), "Så borgeren på sin startside");
        var locale = LocaleContextHolder.getLocale();
        var lines = first.stream().map(task -> {
            var title = sources.show(task).title();
            String what = messages.getMessage(title.key(), title.arguments().toArray(), locale);
            var citizen = names.get(task.citizen());
            String text = citizen == null ? messages.getMessage("task.noAccess", null, locale) : citizen.name();
            String detail = task.dueOn() == null ? what
                    : messages.getMessage("start.tasks.line", new Object[] {what, DAY.format(task.dueOn())}, locale);
            return new StartTile.Line(text, detail, "/opgaver/" + task.id().id(), null);
        }).toList();
        return List.of(new StartTile("opgaver", "start.tasks.title", "/opgaver", "start.tasks.link",
                List.of(new StartTile.Figure("start.tasks.overdue", counts[0], "/opgaver", true),
                        new StartTile.Figure("start.tasks.due", counts[1] - counts[0], "/opgaver", false)),
                lines, "start.tasks.none", 20));
    }
}
