package dk.brobygger.referral;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import dk.brobygger.shared.DanishTime;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's calendar of first visits with accompaniment (iCalendar, RFC 5545, written with ical4j): for a
 * volunteer the assignments they accepted, for a member of staff those on the referrals they made. Each event
 * carries no more than the citizen's first name (only when the citizen agreed to share it) and the meeting place,
 * lasts an hour, and reminds the day before. An assignment handed back or ended (the consent withdrawn) leaves the
 * feed at the next fetch.
 */
@Component
class CalendarFeed {

    static final Duration LENGTH = Duration.ofHours(1);

    private final JdbcClient jdbc;

    CalendarFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One first visit on the calendar. */
    record Visit(UUID id, LocalDateTime at, @Nullable String firstName, @Nullable String place) {
    }

    /** The feed of {@code username}, volunteer or referrer, as iCalendar text. */
    String of(String username, Instant now) {
        var calendar = new Calendar().withProdId("-//Brobygger//Følgeskab//DA").withDefaults().getFluentTarget();
        for (var visit : visits(username)) {
            String who = visit.firstName() == null ? "borgeren" : visit.firstName();
            var event = new VEvent(visit.at().atZone(DanishTime.ZONE).toInstant(), LENGTH, "Følgeskab med " + who);
            event.add(new Uid(visit.id() + "@brobygger"));
            event.replace(new DtStamp(now));
            if (visit.place() != null) {
                event.add(new Location(visit.place()));
            }
            var reminder = new VAlarm(Duration.ofDays(-1));
            reminder.add(ImmutableAction.DISPLAY);
            reminder.add(new Description("I morgen: følgeskab med " + who));
            event.add(reminder);
            calendar.add(event);
        }
        var text = new StringWriter();
        try {
            new CalendarOutputter().output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private List<Visit> visits(String username) {
        return jdbc.sql("""
                SELECT a.id, a.meeting_at, a.meeting_place, r.first_name, r.shared_fields
                  FROM volunteer_assignment a
                  JOIN referral r ON r.id = a.referral_id
                  LEFT JOIN volunteer v ON v.id = a.volunteer_id
                 WHERE a.status = 'ACCEPTED' AND a.meeting_at IS NOT NULL
                   AND r.status IN ('ACCEPTED', 'IN_PROGRESS')
                   AND (v.username = :user OR r.referrer = :user)
                 ORDER BY a.meeting_at, a.id
                """).param("user", username)
                .query((rs, n) -> new Visit(rs.getObject("id", UUID.class),
                        rs.getTimestamp("meeting_at").toLocalDateTime(),
                        rs.getString("shared_fields").contains("FIRST_NAME") ? rs.getString("first_name") : null,
                        rs.getString("meeting_place")))
                .list();
    }
}
