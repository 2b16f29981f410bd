package dk.brobygger.course;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.outcome.Instruments;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course types in force and their history. Only administrators change them; each change is a new version of
 * the type (the one before is kept in the history), and a course keeps the phases of its type as they are now.
 */
@Service
public class CourseTypes {

    /** One saved version, for the history. */
    public record Version(UUID typeId, long version, String summary, @Nullable String note, String changedBy,
            Instant changedAt) {
    }

    /** A type as the administrator typed it. */
    public record Draft(@Nullable String code, @Nullable String name, @Nullable String description,
            @Nullable String defaultTeam, @Nullable String instrumentCode, boolean peerHostOffered,
            @Nullable Integer minAge, @Nullable Integer maxAge, boolean sharedAnalysis, boolean ownGoals,
            boolean active, List<PhaseDraft> phases, @Nullable String note) {
    }

    /** A phase as typed; a row with neither name nor weeks is an empty row of the form, left out. */
    public record PhaseDraft(@Nullable String name, @Nullable Integer plannedWeeks, @Nullable Double contactsPerWeek) {

        boolean isEmpty() {
            return (name == null || name.isBlank()) && plannedWeeks == null && contactsPerWeek == null;
        }
    }

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private final JdbcClient jdbc;
    private final Users users;
    private final Teams teams;
    private final Instruments instruments;
    private final Clock clock;

    CourseTypes(JdbcClient jdbc, Users users, Teams teams, Instruments instruments, Clock clock) {
        this.instruments = instruments;
        this.jdbc = jdbc;
        this.users = users;
        this.teams = teams;
        this.clock = clock;
    }

    /** Every type, those in use first, by name. */
    @Transactional(readOnly = true)
    public List<CourseType> all() {
        var types = jdbc.sql("SELECT * FROM course_type ORDER BY active DESC, name").query(this::type).list();
        return types.stream().map(this::withPhases).toList();
    }

    /** The types a host may start a course of now. */
    @Transactional(readOnly = true)
    public List<CourseType> active() {
        return all().stream().filter(CourseType::active).toList();
    }

    @Transactional(readOnly = true)
    public CourseType get(UUID id) {
        return jdbc.sql("SELECT * FROM course_type WHERE id = :id").param("id", id).query(this::type).optional()
                .map(this::withPhases).orElseThrow(() -> new NotFoundException("course type"));
    }

    /** Every type's name by its id, in one query (lists of courses show only the name). */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, String> names() {
        var names = new java.util.HashMap<UUID, String>();
        jdbc.sql("SELECT id, name FROM course_type")
                .query((java.sql.ResultSet rs) -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    @Transactional(readOnly = true)
    public CourseType byCode(String code) {
        return jdbc.sql("SELECT * FROM course_type WHERE code = :code").param("code", code).query(this::type)
                .optional().map(this::withPhases).orElseThrow(() -> new NotFoundException("course type"));
    }

    /** Every version of every type, newest first. */
    @Transactional(readOnly = true)
    public List<Version> history() {
        return jdbc.sql("SELECT * FROM course_type_version ORDER BY changed_at DESC, type_id, version DESC")
                .query((rs, n) -> new Version(rs.getObject("type_id", UUID.class), rs.getLong("version"),
                        rs.getString("summary"), rs.getString("note"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** A new type (administrators only). */
    @Transactional
    public CourseType create(Draft draft) {
        String by = administrator();
        String code = draft.code() == null ? "" : draft.code().strip().toLowerCase(java.util.Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new DomainException("course.type.code.invalid");
        }
        if (jdbc.sql("SELECT COUNT(*) FROM course_type WHERE code = :code").param("code", code).query(Long.class)
                .single() > 0) {
            throw new DomainException("course.type.code.taken", code);
        }
        var checked = checked(UUID.randomUUID(), code, draft, 0, by);
        jdbc.sql("""
                INSERT INTO course_type (id, code, name, description, default_team, instrument_code, peer_host_offered,
                                         min_age, max_age, shared_analysis, own_goals, active, version, changed_by,
                                         changed_at)
                VALUES (:id, :code, :name, :description, :team, :instrument, :peer, :minAge, :maxAge, :analysis,
                        :goals, :active, 0, :by, :at)
                """).paramSource(params(checked)).update();
        writePhasesAndHistory(checked, draft.note());
        return get(checked.id());
    }

    /**
     * A new version of a type (administrators only), as it was at {@code seenVersion}; when another administrator
     * saved it in between, nothing is written ({@code course.type.stale}).
     */
    @Transactional
    public CourseType change(UUID id, long seenVersion, Draft draft) {
        String by = administrator();
        var current = get(id);
        var checked = checked(id, current.code(), draft, seenVersion + 1, by);
        int changed = jdbc.sql("""
                UPDATE course_type SET name = :name, description = :description, default_team = :team,
                       instrument_code = :instrument, peer_host_offered = :peer, min_age = :minAge, max_age = :maxAge,
                       shared_analysis = :analysis, own_goals = :goals, active = :active, version = version + 1,
                       changed_by = :by, changed_at = :at
                 WHERE id = :id AND version = :seen
                """).paramSource(params(checked).addValue("seen", seenVersion)).update();
        if (changed == 0) {
            throw new CourseConflictException("course.type.stale");
        }
        jdbc.sql("DELETE FROM course_type_phase WHERE type_id = :id").param("id", id).update();
        writePhasesAndHistory(checked, draft.note());
        return get(id);
    }

    private CourseType checked(UUID id, String code, Draft draft, long version, String by) {
        String name = Inputs.required(draft.name(), 200, "course.type.name.missing", "course.type.name.tooLong");
        String description = Inputs.required(draft.description(), 2000, "course.type.description.missing",
                "course.type.description.tooLong");
        String team = Inputs.required(draft.defaultTeam(), 60, "course.type.team.missing", "course.type.team.missing");
        if (teams.all().stream().noneMatch(candidate -> candidate.code().equals(team))) {
            throw new DomainException("course.type.team.unknown", team);
        }
        String instrument = Inputs.optional(draft.instrumentCode(), 60, "course.type.instrument.unknown");
        if (instrument != null && !instruments.names().containsKey(instrument)) {
            throw new DomainException("course.type.instrument.unknown", instrument);
        }
        Integer min = draft.minAge();
        Integer max = draft.maxAge();
        if ((min != null && (min < 0 || min > 120)) || (max != null && (max < 0 || max > 120))
                || (min != null && max != null && min > max)) {
            throw new DomainException("course.type.age.invalid");
        }
        var phases = new ArrayList<CourseType.Phase>();
        for (PhaseDraft phase : draft.phases()) {
            if (phase.isEmpty()) {
                continue;
            }
            String phaseName = Inputs.required(phase.name(), 100, "course.type.phase.name.missing",
                    "course.type.phase.name.tooLong");
            Integer weeks = phase.plannedWeeks();
            if (weeks == null || weeks < 1 || weeks > 156) {
                throw new DomainException("course.type.phase.weeks.invalid", phaseName);
            }
            Double perWeek = phase.contactsPerWeek();
            if (perWeek == null || perWeek.isNaN() || perWeek < 0.1 || perWeek > 14) {
                throw new DomainException("course.type.phase.intensity.invalid", phaseName);
            }
            phases.add(new CourseType.Phase(phases.size(), phaseName, weeks,
                    BigDecimal.valueOf(perWeek).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue()));
        }
        if (phases.isEmpty()) {
            throw new DomainException("course.type.phases.missing");
        }
        if (phases.size() > 12) {
            throw new DomainException("course.type.phases.tooMany");
        }
        return new CourseType(id, code, name, description, team, instrument, draft.peerHostOffered(), min, max,
                draft.sharedAnalysis(), draft.ownGoals(), draft.active(), phases, version, by, clock.instant());
    }

    private void writePhasesAndHistory(CourseType type, @Nullable String note) {
        for (CourseType.Phase phase : type.phases()) {
            jdbc.sql("""
                    INSERT INTO course_type_phase (type_id, position, name, planned_weeks, contacts_per_week)
                    VALUES (:type, :position, :name, :weeks, :perWeek)
                    """).param("type", type.id()).param("position", phase.position()).param("name", phase.name())
                    .param("weeks", phase.plannedWeeks()).param("perWeek", BigDecimal.valueOf(phase.contactsPerWeek()))
                    .update();
        }
        jdbc.sql("""
                INSERT INTO course_type_version (type_id, version, summary, note, changed_by, changed_at)
                VALUES (:type, :version, :summary, :note, :by, :at)
                """).param("type", type.id()).param("version", type.version()).param("summary", type.summary())
                .param("note", Inputs.optional(note, 1000, "course.type.note.tooLong")).param("by", type.changedBy())
                .param("at", Timestamp.from(type.changedAt())).update();
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(CourseType type) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", type.id()).addValue("code", type.code()).addValue("name", type.name())
                .addValue("description", type.description()).addValue("team", type.defaultTeam())
                .addValue("instrument", type.instrumentCode()).addValue("peer", type.peerHostOffered())
                .addValue("minAge", type.minAge()).addValue("maxAge", type.maxAge())
                .addValue("analysis", type.sharedAnalysis()).addValue("goals", type.ownGoals())
                .addValue("active", type.active()).addValue("by", type.changedBy())
                .addValue("at", Timestamp.from(type.changedAt()));
    }

    private String administrator() {
        return users.current().filter(user -> user.has(Role.ADMIN)).map(user -> user.username())
                .orElseThrow(() -> new AccessDeniedException("Only administrators change course types"));
    }

    private CourseType withPhases(CourseType type) {
        var phases = jdbc.sql("SELECT * FROM course_type_phase WHERE type_id = :id ORDER BY position")
                .param("id", type.id())
                .query((rs, n) -> new CourseType.Phase(rs.getInt("position"), rs.getString("name"),
                        rs.getInt("planned_weeks"), rs.getBigDecimal("contacts_per_week").doubleValue()))
                .list();
        return new CourseType(type.id(), type.code(), type.name(), type.description(), type.defaultTeam(),
                type.instrumentCode(), type.peerHostOffered(), type.minAge(), type.maxAge(), type.sharedAnalysis(),
                type.ownGoals(), type.active(), phases, type.version(), type.changedBy(), type.changedAt());
    }

    private CourseType type(ResultSet rs, int row) throws SQLException {
        return new CourseType(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("description"), rs.getString("default_team"), rs.getString("instrument_code"),
                rs.getBoolean("peer_host_offered"), integer(rs, "min_age"), integer(rs, "max_age"),
                rs.getBoolean("shared_analysis"), rs.getBoolean("own_goals"), rs.getBoolean("active"), List.of(),
                rs.getLong("version"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant());
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
