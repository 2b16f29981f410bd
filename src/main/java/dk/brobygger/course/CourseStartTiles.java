package dk.brobygger.course;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Én indgang tiles: for a host, today's inquiries and those still waiting for contact (the longest waiting
 * first, by source and how long, no name); for staff, the open courses they are responsible for and how many are due
 * their planned exit. Counts on indexes; no citizen is named.
 */
@Component
class CourseStartTiles implements StartTiles {

    private final JdbcClient jdbc;
    private final Inquiries inquiries;
    private final MessageSource messages;
    private final Clock clock;

    CourseStartTiles(JdbcClient jdbc, Inquiries inquiries, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.inquiries = inquiries;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public List<StartTile> tiles(BrobyggerUser user) {
        var tiles = new ArrayList<StartTile>();
        if (inquiries.isHost(user) && user.has(Role.STAFF)) {
            tiles.add(board());
        }
        if (user.has(Role.STAFF)) {
            tiles.add(mine(user));
        }
        return tiles;
    }

    private StartTile board() {
        var today = LocalDate.now(clock.withZone(DanishTime.ZONE)).atStartOfDay(DanishTime.ZONE).toInstant();
        long arrived = jdbc.sql("SELECT COUNT(*) FROM course_inquiry WHERE received_at >= :today")
                .param("today", Timestamp.from(today)).query(Long.class).single();
        long waiting = jdbc.sql("SELECT COUNT(*) FROM course_inquiry WHERE closed_at IS NULL AND contacted_at IS NULL")
                .query(Long.class).single();
        var locale = LocaleContextHolder.getLocale();
        var now = clock.instant();
        var lines = jdbc.sql("""
                SELECT id, source, received_at FROM course_inquiry WHERE closed_at IS NULL AND contacted_at IS NULL
                 ORDER BY received_at LIMIT 5
                """).query((rs, n) -> new StartTile.Line(
                        messages.getMessage("course.source." + rs.getString("source"), null, locale),
                        messages.getMessage("course.waited", new Object[] {
                                Duration.between(rs.getTimestamp("received_at").toInstant(), now).toHours()}, locale),
                        "/indgang/henvendelser/" + rs.getObject("id", java.util.UUID.class), null)).list();
        return new StartTile("en-indgang", "start.course.board.title", "/indgang", "start.course.board.link",
                List.of(new StartTile.Figure("start.course.board.today", arrived, "/indgang", false),
                        new StartTile.Figure("start.course.board.waiting", waiting, "/indgang", waiting > 0)),
                lines, "start.course.board.none", 5);
    }

    private StartTile mine(BrobyggerUser user) {
        long open = jdbc.sql("""
                SELECT COUNT(*) FROM course WHERE responsible = :me AND status IN ('PLANNED', 'WAITLIST', 'ACTIVE', 'ONHOLD')
                """).param("me", user.username()).query(Long.class).single();
        long due = jdbc.sql("""
                SELECT COUNT(*) FROM course WHERE responsible = :me AND status IN ('PLANNED', 'WAITLIST', 'ACTIVE', 'ONHOLD')
                   AND planned_exit_on <= :day
                """).param("me", user.username())
                .param("day", LocalDate.now(clock.withZone(DanishTime.ZONE)).plusDays(7)).query(Long.class).single();
        return new StartTile("mine-forloeb", "start.course.mine.title", "/opgaver", "start.course.mine.link",
                List.of(new StartTile.Figure("start.course.mine.open", open, "/opgaver", false),
                        new StartTile.Figure("start.course.mine.exitDue", due, "/opgaver", due > 0)),
                List.of(), "start.course.mine.none", 36);
    }
}
