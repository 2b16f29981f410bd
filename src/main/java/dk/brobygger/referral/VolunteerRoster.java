package dk.brobygger.referral;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.text.CollationKey;
import java.text.Collator;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import dk.brobygger.directory.TimeOfDay;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The onboarded volunteers as {@link VolunteerSuggestions} ranks them, kept in memory: who they are, where they
 * live (their postcode's centroid), their interests, languages and free weekdays and parts of the day. Ranking
 * 10,000 of them in memory takes well under a millisecond, where the same ranking as one SQL statement took the
 * database 15–35 ms of hash joins on every request.
 *
 * <p>Never out of date: every request first reads a token of the register (how many volunteers, the sum of their
 * versions and the newest change), one cheap statement, and the roster is read again when it differs. Every change
 * to a volunteer (a stage, vetting, interests, availability, anonymising) saves the aggregate and so raises its
 * version, on whichever node it was made; a volunteer removed changes the count. The vetting date is kept, not
 * judged here: whether it is still valid is decided for the day asked about. Open assignments (the volunteer's
 * load) change all the time and are read for each ranking, not kept.
 */
@Component
class VolunteerRoster {

    /**
     * An onboarded volunteer, as the ranking needs them: no latitude or longitude for an unknown postcode; the
     * interests and free slots as bits ({@link #interestBits}, {@link #slotBits}); the name as Danish sorts it.
     */
    record Entry(UUID id, String name, boolean peer, String postcode, @Nullable String district,
            @Nullable UUID organizationId, @Nullable String organizationName, @Nullable LocalDate vettedUntil,
            @Nullable Double latitude, @Nullable Double longitude, long interestBits, Set<String> languages,
            long slotBits, CollationKey sortKey) {
    }

    /** One bit for each interest. */
    static long interestBits(Set<Interest> interests) {
        long bits = 0;
        for (var interest : interests) {
            bits |= 1L << interest.ordinal();
        }
        return bits;
    }

    /** One bit for each weekday and part of the day. */
    static long slotBits(Collection<VolunteerSuggestions.Slot> slots) {
        long bits = 0;
        for (var slot : slots) {
            bits |= 1L << (slot.weekday().ordinal() * TimeOfDay.values().length + slot.partOfDay().ordinal());
        }
        return bits;
    }

    private static final Collator DANISH = Collator.getInstance(Locale.forLanguageTag("da"));

    private record Token(long count, long versions, @Nullable Instant changed) {
    }

    private record Roster(Token token, List<Entry> entries) {
    }

    private final JdbcClient jdbc;
    private final ReentrantLock reading = new ReentrantLock();
    private volatile @Nullable Roster roster;

    VolunteerRoster(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The onboarded volunteers as the register has them now (their vetting may have lapsed since). */
    List<Entry> onboarded() {
        var token = token();
        var kept = roster;
        if (kept != null && kept.token().equals(token)) {
            return kept.entries();
        }
        reading.lock();
        try {
            kept = roster;
            if (kept != null && kept.token().equals(token)) {
                return kept.entries();
            }
            // Read after the token: a change committed meanwhile is read now and makes the next token differ, so
            // the roster is read once more then; what is kept is never older than its token.
            var read = new Roster(token, read());
            roster = read;
            return read.entries();
        } finally {
            reading.unlock();
        }
    }

    /** Counted on the index volunteer_roster_token_idx alone (V239), not on the volunteers' rows. */
    private Token token() {
        return jdbc.sql("SELECT COUNT(*) AS n, COALESCE(SUM(version), 0) AS versions, MAX(updated_at) AS changed"
                        + " FROM volunteer")
                .query((rs, n) -> {
                    Timestamp changed = rs.getTimestamp("changed");
                    return new Token(rs.getLong("n"), rs.getLong("versions"),
                            changed == null ? null : changed.toInstant());
                }).single();
    }

    private List<Entry> read() {
        var interests = new HashMap<UUID, Set<Interest>>();
        jdbc.sql("""
                SELECT i.volunteer_id, i.interest FROM volunteer_interest i JOIN volunteer v ON v.id = i.volunteer_id
                 WHERE v.stage = 'ONBOARDED'""")
                .query((ResultSet rs) -> {
                    interests.computeIfAbsent(rs.getObject("volunteer_id", UUID.class),
                            id -> EnumSet.noneOf(Interest.class)).add(Interest.valueOf(rs.getString("interest")));
                });
        var languages = new HashMap<UUID, Set<String>>();
        jdbc.sql("""
                SELECT l.volunteer_id, l.language FROM volunteer_language l JOIN volunteer v ON v.id = l.volunteer_id
                 WHERE v.stage = 'ONBOARDED'""")
                .query((ResultSet rs) -> {
                    languages.computeIfAbsent(rs.getObject("volunteer_id", UUID.class), id -> new HashSet<>())
                            .add(rs.getString("language").strip().toLowerCase(Locale.ROOT));
                });
        var slots = new HashMap<UUID, Set<VolunteerSuggestions.Slot>>();
        jdbc.sql("""
                SELECT a.volunteer_id, a.weekday, a.part_of_day FROM volunteer_availability a
                  JOIN volunteer v ON v.id = a.volunteer_id
                 WHERE v.stage = 'ONBOARDED'""")
                .query((ResultSet rs) -> {
                    slots.computeIfAbsent(rs.getObject("volunteer_id", UUID.class), id -> new HashSet<>())
                            .add(new VolunteerSuggestions.Slot(DayOfWeek.valueOf(rs.getString("weekday")),
                                    TimeOfDay.valueOf(rs.getString("part_of_day"))));
                });
        var entries = new ArrayList<Entry>();
        jdbc.sql("""
                SELECT v.id, v.name, v.peer, v.postcode, v.district, v.organization_id, v.organization_name,
                       v.vetted_until, p.latitude, p.longitude
                  FROM volunteer v LEFT JOIN postcode p ON p.code = v.postcode
                 WHERE v.stage = 'ONBOARDED'""")
                .query((ResultSet rs) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    entries.add(new Entry(id, rs.getString("name"), rs.getBoolean("peer"), rs.getString("postcode"),
                            rs.getString("district"), rs.getObject("organization_id", UUID.class),
                            rs.getString("organization_name"), date(rs, "vetted_until"), number(rs, "latitude"),
                            number(rs, "longitude"), interestBits(interests.getOrDefault(id, Set.of())),
                            languages.getOrDefault(id, Set.of()), slotBits(slots.getOrDefault(id, Set.of())),
                            sortKey(rs.getString("name"))));
                });
        return List.copyOf(entries);
    }

    /** How many open assignments (asked, or said yes) each volunteer has now; none for those without. */
    Map<UUID, Integer> openLoad() {
        var load = new HashMap<UUID, Integer>();
        jdbc.sql("""
                SELECT volunteer_id, COUNT(*) AS n FROM volunteer_assignment
                 WHERE status IN ('PROPOSED', 'ACCEPTED') GROUP BY volunteer_id""")
                .query((ResultSet rs) -> {
                    load.put(rs.getObject("volunteer_id", UUID.class), rs.getInt("n"));
                });
        return load;
    }

    /** Collator is not safe for threads; the key it makes is, and compares as fast as bytes. */
    private static CollationKey sortKey(String name) {
        synchronized (DANISH) {
            return DANISH.getCollationKey(name);
        }
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
