package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The referral tiles: for staff "Mine henvisninger" (how many are open, how many have waited longer than the
 * unanswered limit, and the latest notifications about them), for an association's contact the referrals waiting
 * for the association's answer, with the offers they are for. Counts on the referrer and organisation indexes; no
 * citizen is named.
 */
@Component
class ReferralStartTiles implements StartTiles {

    private final JdbcClient jdbc;
    private final UnansweredReferrals unanswered;
    private final MessageSource messages;
    private final Clock clock;

    ReferralStartTiles(JdbcClient jdbc, UnansweredReferrals unanswered, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.unanswered = unanswered;
        this.clock = clock;
    }

    @Override
    public List<StartTile> tiles(BrobyggerUser user) {
        if (user.has(Role.STAFF)) {
            return List.of(mine(user));
        }
        if (user.has(Role.ASSOCIATION_CONTACT) && user.organizationId() != null) {
            return List.of(inbox(user));
        }
        return List.of();
    }

    private StartTile mine(BrobyggerUser user) {
        long open = jdbc.sql("""
                SELECT COUNT(*) FROM referral
                 WHERE referrer = :me AND status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')
                """).param("me", user.username()).query(Long.class).single();
        long late = jdbc.sql("""
                SELECT COUNT(*) FROM referral WHERE referrer = :me AND status = 'REQUESTED' AND requested_at <= :before
                """).param("me", user.username())
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(unanswered.unansweredDays()))))
                .query(Long.class).single();
        String list = "/henvisninger";
        // The user's in-app notifications of the last two weeks (an answer, a flag, an offer closed), newest first.
        var locale = LocaleContextHolder.getLocale();
        var lines = jdbc.sql("""
                SELECT n.message_key, r.id, r.offer_name FROM referral_notification n
                  JOIN referral r ON r.id = n.referral_id
                 WHERE n.recipient = :me AND n.created_at >= :since
                 ORDER BY n.created_at DESC, n.id LIMIT 5
                """).param("me", user.username())
                .param("since", Timestamp.from(clock.instant().minus(Duration.ofDays(14))))
                .query((rs, n) -> new StartTile.Line(messages.getMessage(rs.getString("message_key"), null,
                        rs.getString("message_key"), locale), rs.getString("offer_name"),
                        "/henvisninger/" + rs.getObject("id", java.util.UUID.class), null)).list();
        return new StartTile("henvisninger", "start.referral.mine.title", list, "start.referral.mine.link",
                List.of(new StartTile.Figure("start.referral.mine.open", open, list, false),
                        new StartTile.Figure("start.referral.mine.unanswered", late, list, late > 0)),
                lines, "start.referral.mine.none", 35);
    }

    private StartTile inbox(BrobyggerUser user) {
        String list = "/forening/henvisninger?vis=REQUESTED";
        long waiting = jdbc.sql("""
                SELECT COUNT(*) FROM referral WHERE organization_id = :organization AND status = 'REQUESTED'
                """).param("organization", user.organizationId()).query(Long.class).single();
        var lines = jdbc.sql("""
                SELECT offer_name, COUNT(*) AS n FROM referral
                 WHERE organization_id = :organization AND status = 'REQUESTED'
                 GROUP BY offer_name ORDER BY n DESC, offer_name LIMIT 5
                """).param("organization", user.organizationId())
                .query((rs, n) -> new StartTile.Line(rs.getString("offer_name"), String.valueOf(rs.getLong("n")), list,
                        null)).list();
        return new StartTile("foreningens-henvisninger", "start.referral.inbox.title", list,
                "start.referral.inbox.link", List.of(new StartTile.Figure("start.referral.inbox.waiting", waiting,
                        list, waiting > 0)), lines, "start.referral.inbox.none", 15);
    }
}
