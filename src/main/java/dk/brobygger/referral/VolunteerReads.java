package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.shared.Paging;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hvem har set dine oplysninger: a volunteer's data follow the insight rules staff's do, so each time someone opens
 * a volunteer's record or photo it is kept, and the volunteer reads it on their own page. Staff and association
 * contacts are named; the citizen who saw the photo of the volunteer going with them is not. The register's lists
 * and the ranked suggestions (name, postcode, district) are not kept one by one, as lists of staff are not.
 */
@Component
class VolunteerReads {

    static final int PAGE_SIZE = 50;

    /** Who read: a member of staff, an association's contact, or the citizen the volunteer goes with. */
    enum Reader {
        STAFF, ASSOCIATION, CITIZEN
    }

    /** What was seen. */
    enum What {
        RECORD, PHOTO
    }

    record Read(Instant at, Reader reader, @Nullable String name, What what) {
    }

    record Page(List<Read> reads, int page, boolean hasNext) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    VolunteerReads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** {@code by} saw the volunteer's record or photo; the volunteer's own looks are not kept. */
    @Transactional(propagation = Propagation.MANDATORY)
    void seen(UUID volunteer, BrobyggerUser by, What what) {
        Reader reader = by.has(Role.CITIZEN) ? Reader.CITIZEN
                : Volunteers.isStaff(by) ? Reader.STAFF : Reader.ASSOCIATION;
        jdbc.sql("""
                INSERT INTO volunteer_read (volunteer_id, read_at, reader_kind, reader, reader_name, what)
                VALUES (:volunteer, :at, :kind, :reader, :name, :what)""")
                .param("volunteer", volunteer).param("at", Timestamp.from(clock.instant()))
                .param("kind", reader.name())
                .param("reader", reader == Reader.CITIZEN ? null : by.username())
                .param("name", reader == Reader.CITIZEN ? null : by.displayName())
                .param("what", what.name()).update();
    }

    /** The volunteer's reads, newest first, a page at a time. */
    @Transactional(readOnly = true)
    Page of(UUID volunteer, int page) {
        var reads = jdbc.sql("""
                SELECT read_at, reader_kind, reader_name, what FROM volunteer_read WHERE volunteer_id = :volunteer
                 ORDER BY read_at DESC LIMIT :limit OFFSET :offset""")
                .param("volunteer", volunteer).param("limit", PAGE_SIZE + 1)
                .param("offset", Paging.offset(page, PAGE_SIZE))
                .query((rs, n) -> new Read(rs.getTimestamp("read_at").toInstant(),
                        Reader.valueOf(rs.getString("reader_kind")), rs.getString("reader_name"),
                        What.valueOf(rs.getString("what"))))
                .list();
        return new Page(reads.subList(0, Math.min(PAGE_SIZE, reads.size())), Paging.page(page),
                reads.size() > PAGE_SIZE);
    }

    /** An anonymised volunteer has nobody left to show the reads to. */
    @Transactional(propagation = Propagation.MANDATORY)
    void forget(UUID volunteer) {
        jdbc.sql("DELETE FROM volunteer_read WHERE volunteer_id = :volunteer").param("volunteer", volunteer).update();
    }
}
