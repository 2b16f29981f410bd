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
 * names are on the worklist, where the listing is audited); each reason's count is read on the status, reason and
 * creation time index up to {@link #CAP}, however long the list is.
 */
@Component
class OutreachStartTiles implements StartTiles {

    static final Duration NEW = Duration.ofDays(14);

    /** Each reason's new items are counted up to this; more are told as "over 1,000". */
    static final int CAP = 1_000;

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
        var since = Timestamp.from(clock.instant().minus(NEW));
        var byReason = new java.util.ArrayList<ByReason>();
        for (RiskReason reason : RiskReason.values()) {
            // Up to the cap, by the (status, reason, created_at) index: a first evaluation makes hundreds of
            // thousands at once, and the tile needs to say "many", not count them every time it is drawn.
            // The newest items of the reason, then those of them that are new: the inner statement has no
            // parameter, so its plan is the same backward walk of the index however PostgreSQL caches it (with the
            // day as a parameter its generic plan did not stop at the cap: 10-25 ms instead of 0.6 ms). The
            // reason and the cap are an enum's name and a constant.
            long count = jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT created_at FROM outreach_item
                                           WHERE status = 'OPEN' AND reason = '%s'
                                           ORDER BY created_at DESC FETCH FIRST %d ROWS ONLY) n
                     WHERE n.created_at >= :since
                    """.formatted(reason.name(), CAP + 1)).param("since", since).query(Long.class).single();
            if (count > 0) {
                byReason.add(new ByReason(reason, count));
            }
        }
        byReason.sort(java.util.Comparator.comparingLong(ByReason::count).reversed()
                .thenComparing(reason -> reason.reason().name()));
        boolean capped = byReason.stream().anyMatch(reason -> reason.count() > CAP);
        long total = byReason.stream().mapToLong(reason -> Math.min(CAP, reason.count())).sum();
        var locale = LocaleContextHolder.getLocale();
        String worklist = "/hjemmebesog?vis=NOBODY&sorter=REASON_DATE";
        var lines = byReason.stream().map(reason -> new StartTile.Line(
                messages.getMessage(reason.reason().messageKey(), null, locale), reason.count() > CAP
                        ? messages.getMessage("start.outreach.overCap", new Object[] {CAP}, locale)
                        : String.valueOf(reason.count()),
                worklist, null)).toList();
        return List.of(new StartTile("opsporing", "start.outreach.title", worklist, "start.outreach.link",
                List.of(new StartTile.Figure(capped ? "start.outreach.newAtLeast" : "start.outreach.new", total,
                        worklist, false)), lines, "start.outreach.none", 30));
    }
}
