package dk.brobygger.followup;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/** The tasks, one aggregate each. */
interface Tasks extends Repository<Task, TaskId> {

    Task save(Task task);

    Optional<Task> findById(TaskId id);

    Optional<Task> findBySourceKindAndSourceId(String sourceKind, UUID sourceId);

    List<Task> findByCitizenIdOrderByCreatedAtDesc(UUID citizenId);

    /** The person's tasks and their teams' tasks no one has taken ({@code teams} never empty). */
    @Query("""
            SELECT * FROM followup_task
             WHERE (assignee = :assignee OR (assignee IS NULL AND team IN (:teams)))
               AND (status = 'OPEN' OR done_on >= :since)
             ORDER BY CASE WHEN status = 'OPEN' THEN 0 ELSE 1 END, due_on NULLS LAST, created_at, id
            """)
    List<Task> onListOf(String assignee, java.util.Collection<String> teams, java.time.LocalDate since);
}
