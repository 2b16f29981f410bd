package dk.brobygger.course;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections to what was recorded on a course: a contact's kind, time, length, who and note corrected, or the
 * contact removed as entered in error (kept and marked, with a reason, so planned-against-actual counts only real
 * contacts); a relative's involvement changed. Each correction is kept field by field with who, when and why, and
 * each line carries the version it was shown with: a correction made from an old version answers a conflict.
 */
@Service
public class CourseEntries {

    /** What a correction was made to. */
    public enum EntryKind { CONTACT, RELATIVE, COURSE }

    /** One corrected field: the value before and after (null after when removed), as codes and ISO times. */
    public record EntryChange(EntryKind kind, UUID entry, String field, @Nullable String before,
            @Nullable String after, @Nullable String reason, String changedBy, Instant changedAt) {

        /** A time value (a contact's time) read back, for the page to format. */
        public @Nullable Instant beforeTime() {
            return time(before);
        }

        public @Nullable Instant afterTime() {
            return time(after);
        }

        private static @Nullable Instant time(@Nullable String value) {
            return value == null ? null : Instant.parse(value);
        }
    }

    /** A contact as corrected. */
    public record ContactCorrection(@Nullable ContactKind kind, @Nullable String who,
            @Nullable LocalDateTime at, @Nullable Integer minutes, @Nullable String note) {
    }

    private final CourseRepository courses;
    private final CourseTypes types;
    private final java.util.Set<String> networkGroupTypes;
    private final CitizenRecords records;
    private final Users users;
    private final JdbcClient jdbc;
    private final Clock clock;

    CourseEntries(CourseRepository courses, CourseTypes types, CitizenRecords records, Users users, JdbcClient jdbc,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${brobygger.course.network-group-types:ungeraadgivning}")
            java.util.Set<String> networkGroupTypes) {
        this.courses = courses;
        this.types = types;
        this.networkGroupTypes = java.util.Set.copyOf(networkGroupTypes);
        this.records = records;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Corrects a contact at the version it was shown with; what changed is kept field by field. */
    @Transactional
    public void correctContact(CourseId id, UUID contactId, long seenVersion, ContactCorrection corrected,
            @Nullable String reason) {
        var user = staff();
        var course = open(id, "rettede en kontakt i forløbet");
        var contact = contact(id, contactId);
        if (contact.removed()) {
            throw new DomainException("course.contact.removedAlready");
        }
        requireVersion(contact.version(), seenVersion, "course.contact.stale");
        if (corrected.kind() == null) {
            throw new DomainException("course.contact.kind.missing");
        }
        int minutes = Courses.minutes(corrected.minutes());
        Instant at = corrected.at() == null ? contact.happenedAt()
                : corrected.at().atZone(DanishTime.ZONE).toInstant();
        Courses.checkTime(course, at, clock.instant());
        String who = Inputs.optional(corrected.who(), 200, "course.contact.who.tooLong");
        String note = Inputs.optional(corrected.note(), 500, "course.contact.note.tooLong");
        String why = Inputs.optional(reason, 500, "course.entry.reason.tooLong");
        who = who == null ? contact.who() : who;
        var changes = new ArrayList<String[]>();
        compare(changes, "kind", contact.kind().name(), corrected.kind().name());
        compare(changes, "at", contact.happenedAt().toString(), at.toString());
        compare(changes, "minutes", String.valueOf(contact.minutes()), String.valueOf(minutes));
        compare(changes, "who", contact.who(), who);
        compare(changes, "note", contact.note(), note);
        if (changes.isEmpty()) {
            throw new DomainException("course.entry.nothingChanged");
        }
        int written = jdbc.sql("""
                UPDATE course_contact SET kind = :kind, happened_at = :at, minutes = :minutes, who = :who, note = :note,
                       version = version + 1
                 WHERE id = :id AND course_id = :course AND version = :version AND removed_at IS NULL
                """).param("kind", corrected.kind().name()).param("at", Timestamp.from(at)).param("minutes", minutes)
                .param("who", who).param("note", note).param("id", contactId).param("course", id.value())
                .param("version", seenVersion).update();
        if (written == 0) {
            throw new CourseConflictException("course.contact.stale");
        }
        keep(id, EntryKind.CONTACT, contactId, changes, why, user.username());
    }

    /** Removes a contact entered in error: kept and marked, with a reason, no longer counted. */
    @Transactional
    public void removeContact(CourseId id, UUID contactId, long seenVersion, @Nullable String reason) {
        var user = staff();
        open(id, "fjernede en fejlregistreret kontakt");
        var contact = contact(id, contactId);
        if (contact.removed()) {
            throw new DomainException("course.contact.removedAlready");
        }
        requireVersion(contact.version(), seenVersion, "course.contact.stale");
        String why = Inputs.required(reason, 500, "course.contact.remove.reasonMissing", "course.entry.reason.tooLong");
        Instant now = clock.instant();
        int written = jdbc.sql("""
                UPDATE course_contact SET removed_at = :now, removed_by = :by, removed_reason = :reason,
                       version = version + 1
                 WHERE id = :id AND course_id = :course AND version = :version AND removed_at IS NULL
                """).param("now", Timestamp.from(now)).param("by", user.username()).param("reason", why)
                .param("id", contactId).param("course", id.value()).param("version", seenVersion).update();
        if (written == 0) {
            throw new CourseConflictException("course.contact.stale");
        }
        var changes = new ArrayList<String[]>();
        changes.add(new String[] {"removed", contact.happenedAt().toString(), null});
        keep(id, EntryKind.CONTACT, contactId, changes, why, user.username());
    }

    /** Changes how a relative takes part; ending the involvement needs a reason. */
    @Transactional
    public void changeInvolvement(CourseId id, UUID relativeId, long seenVersion,
            @Nullable RelativeInvolvement involvement, @Nullable String reason) {
        var user = staff();
        open(id, "ændrede en pårørendes inddragelse");
        if (involvement == null) {
            throw new DomainException("course.relative.involvement.missing");
        }
        var current = jdbc.sql("SELECT involvement, version FROM course_relative WHERE id = :id AND course_id = :course")
                .param("id", relativeId).param("course", id.value())
                .query((rs, n) -> new Object[] {RelativeInvolvement.valueOf(rs.getString(1)), rs.getLong(2)})
                .optional().orElseThrow(() -> new NotFoundException("relative"));
        requireVersion((Long) current[1], seenVersion, "course.relative.stale");
        if (current[0] == involvement) {
            throw new DomainException("course.entry.nothingChanged");
        }
        String why = Inputs.optional(reason, 500, "course.entry.reason.tooLong");
        if (involvement == RelativeInvolvement.ENDED && why == null) {
            throw new DomainException("course.relative.endWithoutReason");
        }
        int written = jdbc.sql("""
                UPDATE course_relative SET involvement = :involvement, version = version + 1
                 WHERE id = :id AND version = :version
                """).param("involvement", involvement.name()).param("id", relativeId).param("version", seenVersion)
                .update();
        if (written == 0) {
            throw new CourseConflictException("course.relative.stale");
        }
        var changes = new ArrayList<String[]>();
        changes.add(new String[] {"involvement", ((RelativeInvolvement) current[0]).name(), involvement.name()});
        keep(id, EntryKind.RELATIVE, relativeId, changes, why, user.username());
    }

    /**
     * Does this type offer relatives a network group ({@code brobygger.course.network-group-types}, default the youth
     * advisory type {@code ungeraadgivning})?
     */
    public boolean offersNetworkGroup(CourseType type) {
        return networkGroupTypes.contains(type.code());
    }

    /** Records that a relative was offered a network group, joined it or declined (kept like every correction). */
    @Transactional
    public void networkGroup(CourseId id, UUID relativeId, long seenVersion, @Nullable NetworkGroup status) {
        var user = staff();
        var course = open(id, "registrerede en pårørendes netværksgruppe");
        if (!offersNetworkGroup(types.get(course.typeId()))) {
            throw new DomainException("course.networkGroup.notThisType");
        }
        if (status == null) {
            throw new DomainException("course.networkGroup.missing");
        }
        var current = jdbc.sql("SELECT network_group, version FROM course_relative WHERE id = :id AND course_id = :course")
                .param("id", relativeId).param("course", id.value())
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .optional().orElseThrow(() -> new NotFoundException("relative"));
        requireVersion((Long) current[1], seenVersion, "course.relative.stale");
        if (status.name().equals(current[0])) {
            throw new DomainException("course.entry.nothingChanged");
        }
        int written = jdbc.sql("""
                UPDATE course_relative SET network_group = :status, version = version + 1
                 WHERE id = :id AND version = :version
                """).param("status", status.name()).param("id", relativeId).param("version", seenVersion).update();
        if (written == 0) {
            throw new CourseConflictException("course.relative.stale");
        }
        var changes = new ArrayList<String[]>();
        changes.add(new String[] {"networkGroup", (String) current[0], status.name()});
        keep(id, EntryKind.RELATIVE, relativeId, changes, null, user.username());
    }

    /** The corrections made on the course, newest first (the caller has passed the gate for the citizen). */
    List<EntryChange> changes(CourseId id) {
        return jdbc.sql("SELECT * FROM course_entry_change WHERE course_id = :course ORDER BY changed_at DESC, id")
                .param("course", id.value())
                .query((rs, n) -> new EntryChange(EntryKind.valueOf(rs.getString("entry_kind")),
                        rs.getObject("entry_id", UUID.class), rs.getString("field"), rs.getString("before_value"),
                        rs.getString("after_value"), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Keeps one row per changed field, all at the same moment. */
    void keep(CourseId course, EntryKind kind, UUID entry, List<String[]> changes, @Nullable String reason,
            String by) {
        Instant now = clock.instant();
        for (String[] change : changes) {
            jdbc.sql("""
                    INSERT INTO course_entry_change (id, course_id, entry_kind, entry_id, field, before_value,
                                                     after_value, reason, changed_by, changed_at)
                    VALUES (:id, :course, :kind, :entry, :field, :before, :after, :reason, :by, :at)
                    """).param("id", UUID.randomUUID()).param("course", course.value()).param("kind", kind.name())
                    .param("entry", entry).param("field", change[0]).param("before", cut(change[1]))
                    .param("after", cut(change[2])).param("reason", reason).param("by", by)
                    .param("at", Timestamp.from(now)).update();
        }
    }

    private static void compare(List<String[]> changes, String field, @Nullable String before, @Nullable String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new String[] {field, before, after});
        }
    }

    private static @Nullable String cut(@Nullable String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 499) + "…";
    }

    private record StoredContact(ContactKind kind, String who, Instant happenedAt, int minutes, @Nullable String note,
            long version, boolean removed) {
    }

    private StoredContact contact(CourseId course, UUID contact) {
        return jdbc.sql("SELECT * FROM course_contact WHERE id = :id AND course_id = :course")
                .param("id", contact).param("course", course.value())
                .query((rs, n) -> new StoredContact(ContactKind.valueOf(rs.getString("kind")), rs.getString("who"),
                        rs.getTimestamp("happened_at").toInstant(), rs.getInt("minutes"), rs.getString("note"),
                        rs.getLong("version"), rs.getTimestamp("removed_at") != null))
                .optional().orElseThrow(() -> new NotFoundException("contact"));
    }

    private Course open(CourseId id, String what) {
        var course = courses.find(id).orElseThrow(() -> new NotFoundException("course"));
        records.change(course.citizen(), AuditAction.UPDATE, Inquiries.PURPOSE + ": " + what);
        course.requireOpen();
        return course;
    }

    private static void requireVersion(long actual, long seen, String staleKey) {
        if (actual != seen) {
            throw new CourseConflictException(staleKey);
        }
    }

    private BrobyggerUser staff() {
        return users.current().filter(user -> user.has(Role.STAFF) || user.has(Role.MANAGER))
                .orElseThrow(() -> new AccessDeniedException("Only staff work with courses"));
    }
}
