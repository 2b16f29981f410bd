package dk.brobygger.course;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.outcome.Instrument;
import dk.brobygger.outcome.Instruments;
import dk.brobygger.outcome.Score;
import dk.brobygger.outcome.Scores;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Baselinemåling and opfølgningsmåling: the course type's instrument (module outcome) asked at the start and again at
 * the planned exit. The answers are recorded through outcome's {@link Scores} (which audits and keeps the score with
 * its instrument version); the course keeps which score was which, so the two are shown side by side.
 */
@Service
public class CourseMeasurements {

    /** When in the course the instrument was asked. */
    public enum Moment {
        BASELINE, FOLLOW_UP;

        public String messageKey() {
            return "course.measure." + name();
        }

        /** The moment as the address names it. */
        public String slug() {
            return this == BASELINE ? "baseline" : "opfoelgning";
        }

        static @Nullable Moment of(@Nullable String slug) {
            for (Moment moment : values()) {
                if (moment.slug().equals(slug)) {
                    return moment;
                }
            }
            return null;
        }
    }

    /** The course's baseline and follow-up, the change between them (follow-up minus baseline) when both exist. */
    public record Results(Instrument instrument, @Nullable Score baseline, @Nullable Score followUp) {

        public java.math.@Nullable BigDecimal change() {
            return baseline == null || followUp == null
                    || !baseline.instrumentVersion().equals(followUp.instrumentVersion()) ? null
                    : followUp.score().subtract(baseline.score());
        }

        /** Which may be asked now: a baseline first, then a follow-up. */
        public @Nullable Moment next() {
            return baseline == null ? Moment.BASELINE : followUp == null ? Moment.FOLLOW_UP : null;
        }
    }

    private final CourseRepository courses;
    private final CourseTypes types;
    private final Instruments instruments;
    private final Scores scores;
    private final Users users;
    private final JdbcClient jdbc;
    private final Clock clock;

    CourseMeasurements(CourseRepository courses, CourseTypes types, Instruments instruments, Scores scores,
            Users users, JdbcClient jdbc, Clock clock) {
        this.courses = courses;
        this.types = types;
        this.instruments = instruments;
        this.scores = scores;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The course's results, or null for a type without an instrument. The citizen's scores are read (and audited)
     * only when the course has one.
     */
    @Transactional
    public @Nullable Results results(Course course, CourseType type) {
        if (type.instrumentCode() == null) {
            return null;
        }
        var ids = recorded(course.id());
        Map<Moment, Score> found = new EnumMap<>(Moment.class);
        if (!ids.isEmpty()) {
            scores.of(course.citizen()).forEach(score -> ids.forEach((moment, id) -> {
                if (score.id().equals(id)) {
                    found.put(moment, score);
                }
            }));
        }
        return new Results(instruments.current(type.instrumentCode()), found.get(Moment.BASELINE),
                found.get(Moment.FOLLOW_UP));
    }

    /** The instrument to ask on this course (its current version). */
    public Instrument instrument(CourseType type) {
        if (type.instrumentCode() == null) {
            throw new DomainException("course.measure.noInstrument");
        }
        return instruments.current(type.instrumentCode());
    }

    /** Records the answers as the course's baseline or follow-up (each once; the follow-up after the baseline). */
    @Transactional
    public Score record(CourseId id, @Nullable Moment moment, @Nullable String version,
            @Nullable Map<String, Integer> answers, @Nullable LocalDate answeredOn) {
        var user = users.current().filter(u -> u.has(Role.STAFF) || u.has(Role.MANAGER))
                .orElseThrow(() -> new AccessDeniedException("Only staff work with courses"));
        var course = courses.find(id).orElseThrow(() -> new NotFoundException("course"));
        var type = types.get(course.typeId());
        if (moment == null) {
            throw new NotFoundException("moment");
        }
        course.requireOpen();
        if (type.instrumentCode() == null) {
            throw new DomainException("course.measure.noInstrument");
        }
        var done = recorded(id);
        if (done.containsKey(moment)) {
            throw new DomainException("course.measure.done");
        }
        if (moment == Moment.FOLLOW_UP && !done.containsKey(Moment.BASELINE)) {
            throw new DomainException("course.measure.baselineFirst");
        }
        String context = Inquiries.PURPOSE + ": " + type.name();
        context = (context.length() > 180 ? context.substring(0, 179) + "…" : context)
                + (moment == Moment.BASELINE ? " – baseline" : " – opfølgning");
        var score = scores.record(course.citizen(), type.instrumentCode(), version, answers, answeredOn, context);
        jdbc.sql("""
                INSERT INTO course_measurement (course_id, moment, score_id, recorded_by, recorded_at)
                VALUES (:course, :moment, :score, :by, :at)
                """).param("course", id.value()).param("moment", moment.name()).param("score", score.id())
                .param("by", user.username()).param("at", Timestamp.from(clock.instant())).update();
        return score;
    }

    private Map<Moment, UUID> recorded(CourseId id) {
        Map<Moment, UUID> ids = new EnumMap<>(Moment.class);
        jdbc.sql("SELECT moment, score_id FROM course_measurement WHERE course_id = :course").param("course", id.value())
                .query((rs, n) -> Map.entry(Moment.valueOf(rs.getString(1)), rs.getObject(2, UUID.class))).list()
                .forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
        return ids;
    }

    static @Nullable Moment moment(@Nullable String slug) {
        return Moment.of(slug);
    }
}
