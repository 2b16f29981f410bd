package dk.brobygger.outreach;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outreach teams' tile: open outreach items found in the last 14 days, by reason. It names no citizen (the
 * names are on the worklist, where the listing is audited); the counts are read on the status and creation
 * time index, however long the list is.
 */
@Component
class OutreachStartTiles implements StartTiles {

    static final Duration NEW = Duration.ofDays(14);

    private final OutreachAccess access;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;

    OutreachStartTiles(OutreachAccess access, JdbcClient jdbc, MessageSource messages, Clock clock) {
        this.access = access;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    private record ByReason(RiskReason reason, long count) {
    }

    @Override
    public List<StartTile> tiles(BrobyggerUser user) {
        if (!access.mayList(user)) {
            return List.of();
        }
        var byReason = jdbc.sql("""
                SELECT reason, COUNT(*) AS n FROM outreach_item
                 WHERE status = 'OPEN' AND created_at >= :since
                 GROUP BY reason ORDER BY n DESC, reason
                """).param("since", Timestamp.from(clock.instant().minus(NEW)))
                .query((rs, row) -> new ByReason(RiskReason.valueOf(rs.getString("reason")), rs.getLong("n"))).list();
        long total = byReason.stream().mapToLong(ByReason::count).sum();
        var locale = LocaleContextHolder.getLocale();
        String worklist = "/hjemmebesog?vis=NOBODY&sorter=REASON_DATE";
        var lines = byReason.stream().map(reason -> new StartTile.Line(
                messages.getMessage(reason.reason().messageKey(), null, locale), String.valueOf(reason.count()),
                worklist, null)).toList();
        return List.of(new StartTile("opsporing", "start.outreach.title", worklist, "start.outreach.link",
                List.of(new StartTile.Figure("start.outreach.new", total, worklist, false)), lines,
                "start.outreach.none", 30));
    }
}
