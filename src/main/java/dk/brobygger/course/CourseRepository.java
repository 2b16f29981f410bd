package dk.brobygger.course;

import static dk.brobygger.course.InquiryRepository.instant;
import static dk.brobygger.course.InquiryRepository.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where courses are kept, with their history. Saving a changed course writes it only if nobody saved it since it
 * was read (its version), else {@link CourseConflictException}; the history is appended, never rewritten.
 */
@Repository
class CourseRepository {

    private final JdbcClient jdbc;

    CourseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Course> find(CourseId id) {
        var history = history(id.value());
        return jdbc.sql("SELECT * FROM course WHERE id = :id").param("id", id.value())
                .query((rs, n) -> course(rs, history)).optional();
    }

    /** The citizen's courses, newest first (without their history). */
    List<Course> ofCitizen(CitizenId citizen) {
        return jdbc.sql("SELECT * FROM course WHERE citizen_id = :citizen ORDER BY started_at DESC, id")
                .param("citizen", citizen.value()).query((rs, n) -> course(rs, List.of())).list();
    }

    /** The day the citizen's latest course ended (by exit or cancellation), if one has. */
    Optional<LocalDate> lastEnded(CitizenId citizen) {
        return jdbc.sql("""
                SELECT exit_on, ended_at FROM course WHERE citizen_id = :citizen AND ended_at IS NOT NULL
                 ORDER BY ended_at DESC LIMIT 1
                """).param("citizen", citizen.value())
                .query((rs, n) -> rs.getObject("exit_on", LocalDate.class) != null
                        ? rs.getObject("exit_on", LocalDate.class)
                        : rs.getTimestamp("ended_at").toInstant().atZone(dk.brobygger.shared.DanishTime.ZONE).toLocalDate())
                .optional();
    }

    /** Inserts a new course or updates a read one, {@code by} whom and when. */
    void save(Course course, String by, java.time.Instant at) {
        var exit = course.exit();
        var planned = course.plannedExit();
        var statement = course.version() < 0 ? jdbc.sql("""
                INSERT INTO course (id, citizen_id, inquiry_id, inquiry_received_at, type_id, team, responsible,
                       peer_host, status, phase, phase_started_on, started_at, returned_after_days, planned_exit,
                       planned_exit_to, planned_exit_on, exit_kind, exit_to, exit_on, exit_citizen_agrees, exit_note,
                       shared_analysis, own_goals, ended_at, support_need, follow_up_result, version, created_by,
                       created_at, updated_by, updated_at)
                VALUES (:id, :citizen, :inquiry, :inquiryReceivedAt, :type, :team, :responsible, :peerHost, :status,
                       :phase, :phaseStartedOn, :startedAt, :returnedAfterDays, :plannedExit, :plannedExitTo,
                       :plannedExitOn, :exitKind, :exitTo, :exitOn, :exitAgrees, :exitNote, :analysis, :goals, :endedAt,
                       :need, :result, 0, :by, :at, :by, :at)
                """) : jdbc.sql("""
                UPDATE course SET responsible = :responsible, peer_host = :peerHost, status = :status, phase = :phase,
                       phase_started_on = :phaseStartedOn, planned_exit = :plannedExit, planned_exit_to = :plannedExitTo,
                       planned_exit_on = :plannedExitOn, exit_kind = :exitKind, exit_to = :exitTo, exit_on = :exitOn,
                       exit_citizen_agrees = :exitAgrees, exit_note = :exitNote, shared_analysis = :analysis,
                       own_goals = :goals, ended_at = :endedAt, support_need = :need, follow_up_result = :result,
                       version = version + 1, updated_by = :by, updated_at = :at
                 WHERE id = :id AND version = :version
                """).param("version", course.version());
        int written = statement.param("id", course.id().value()).param("citizen", course.citizen().value())
                .param("inquiry", course.inquiry() == null ? null : course.inquiry().value())
                .param("inquiryReceivedAt", ts(course.inquiryReceivedAt())).param("type", course.typeId())
                .param("team", course.team()).param("responsible", course.responsible())
                .param("peerHost", course.peerHost()).param("status", course.status().name())
                .param("phase", course.phase()).param("phaseStartedOn", course.phaseStartedOn())
                .param("startedAt", ts(course.startedAt())).param("returnedAfterDays", course.returnedAfterDays())
                .param("plannedExit", planned.kind().name()).param("plannedExitTo", planned.to())
                .param("plannedExitOn", planned.on())
                .param("exitKind", exit == null ? null : exit.kind().name()).param("exitTo", exit == null ? null : exit.to())
                .param("exitOn", exit == null ? null : exit.on()).param("exitAgrees", course.exitCitizenAgrees())
                .param("exitNote", course.exitNote()).param("analysis", course.sharedAnalysis())
                .param("goals", course.ownGoals()).param("endedAt", ts(course.endedAt()))
                .param("need", course.supportNeed() == null ? null : course.supportNeed().name())
                .param("result", course.followUpResult() == null ? null : course.followUpResult().name())
                .param("by", by).param("at", ts(at)).update();
        if (written == 0) {
            throw new CourseConflictException("course.stale");
        }
        int position = course.storedChanges();
        for (Course.Change change : course.newChanges()) {
            jdbc.sql("""
                    INSERT INTO course_change (course_id, position, changed_at, changed_by, from_status, to_status,
                                               from_phase, to_phase, reason)
                    VALUES (:course, :position, :at, :by, :fromStatus, :toStatus, :fromPhase, :toPhase, :reason)
                    """).param("course", course.id().value()).param("position", position++)
                    .param("at", ts(change.changedAt())).param("by", change.changedBy())
                    .param("fromStatus", change.fromStatus() == null ? null : change.fromStatus().name())
                    .param("toStatus", change.toStatus().name()).param("fromPhase", change.fromPhase())
                    .param("toPhase", change.toPhase()).param("reason", change.reason()).update();
        }
    }

    /** The course's changes of state and phase, in order. */
    private List<Course.Change> history(UUID course) {
        return jdbc.sql("SELECT * FROM course_change WHERE course_id = :id ORDER BY position").param("id", course)
                .query((rs, n) -> new Course.Change(rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                        rs.getString("from_status") == null ? null : CourseStatus.valueOf(rs.getString("from_status")),
                        CourseStatus.valueOf(rs.getString("to_status")),
                        (Integer) rs.getObject("from_phase", Integer.class), rs.getInt("to_phase"), rs.getString("reason")))
                .list();
    }

    static Course course(ResultSet rs, List<Course.Change> history) throws SQLException {
        UUID inquiry = rs.getObject("inquiry_id", UUID.class);
        String exitKind = rs.getString("exit_kind");
        Integer returned = rs.getObject("returned_after_days", Integer.class);
        Boolean agrees = rs.getObject("exit_citizen_agrees", Boolean.class);
        return new Course(new CourseId(rs.getObject("id", UUID.class)),
                new CitizenId(rs.getObject("citizen_id", UUID.class)), inquiry == null ? null : new InquiryId(inquiry),
                instant(rs, "inquiry_received_at"), rs.getObject("type_id", UUID.class), rs.getString("team"),
                rs.getString("responsible"), rs.getString("peer_host"), CourseStatus.valueOf(rs.getString("status")),
                rs.getInt("phase"), rs.getObject("phase_started_on", LocalDate.class),
                rs.getTimestamp("started_at").toInstant(), returned,
                new Course.Exit(ExitKind.valueOf(rs.getString("planned_exit")), rs.getString("planned_exit_to"),
                        rs.getObject("planned_exit_on", LocalDate.class)),
                exitKind == null ? null : new Course.Exit(ExitKind.valueOf(exitKind), rs.getString("exit_to"),
                        rs.getObject("exit_on", LocalDate.class)),
                agrees, rs.getString("exit_note"), rs.getString("shared_analysis"), rs.getString("own_goals"),
                instant(rs, "ended_at"), rs.getLong("version"), history, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant()).withKlCodes(
                        rs.getString("support_need") == null ? null : SupportNeed.valueOf(rs.getString("support_need")),
                        rs.getString("follow_up_result") == null ? null
                                : FollowUpResult.valueOf(rs.getString("follow_up_result")));
    }
}
