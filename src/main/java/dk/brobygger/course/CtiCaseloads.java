package dk.brobygger.course;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * CTI caseload: a CTI worker holds about 20 citizens at most (Socialstyrelsen, DOMAIN.md §5). A worker's open CTI
 * courses are counted so that starting one more past the limit ({@code brobygger.course.cti-caseload-warning},
 * default 20) warns, never refuses: the team decides. The CTI type is the one with code
 * {@code brobygger.course.cti-type} (default {@code cti}).
 */
@Service
public class CtiCaseloads {

    /** A worker's open CTI courses against the limit the municipality set. */
    public record Caseload(String worker, long open, int limit) implements java.io.Serializable {

        /** Does the worker hold more than the limit? */
        public boolean over() {
            return open > limit;
        }

        /** Would one more course take the worker past the limit? */
        public boolean oneMoreIsOver() {
            return open + 1 > limit;
        }
    }

    private static final List<String> OPEN = List.of(CourseStatus.PLANNED.name(), CourseStatus.WAITLIST.name(),
            CourseStatus.ACTIVE.name(), CourseStatus.ONHOLD.name());

    private final JdbcClient jdbc;
    private final int limit;
    private final String ctiType;

    CtiCaseloads(JdbcClient jdbc, @Value("${brobygger.course.cti-caseload-warning:20}") int limit,
            @Value("${brobygger.course.cti-type:cti}") String ctiType) {
        this.jdbc = jdbc;
        this.limit = limit;
        this.ctiType = ctiType;
    }

    /** Is this the CTI type? */
    public boolean isCti(CourseType type) {
        return ctiType.equals(type.code());
    }

    /** The worker's open CTI courses (a count over an index, no rows read). */
    public Caseload of(String worker) {
        long open = jdbc.sql("""
                SELECT COUNT(*) FROM course
                 WHERE responsible = :worker AND status IN (:open)
                   AND type_id = (SELECT id FROM course_type WHERE code = :code)
                """).param("worker", worker).param("open", OPEN).param("code", ctiType).query(Long.class).single();
        return new Caseload(worker, open, limit);
    }
}
