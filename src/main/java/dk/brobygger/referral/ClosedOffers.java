package dk.brobygger.referral;

import java.util.UUID;

import dk.brobygger.directory.OfferChanged;
import dk.brobygger.directory.OfferFacts;
import dk.brobygger.directory.OfferStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an offer with open referrals is deactivated or closed for a while, each referral is flagged to its referrer
 * (once per referral), who can then cancel it or find a similar offer with room: nobody waits on an offer that no
 * longer runs. Heard after the directory's change is committed.
 */
@Component
class ClosedOffers {

    static final String FLAG = "referral.notify.offerClosed";

    private final OfferFacts offers;
    private final JdbcClient jdbc;
    private final Notifications notifications;

    ClosedOffers(OfferFacts offers, JdbcClient jdbc, Notifications notifications) {
        this.offers = offers;
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    private record Open(UUID id, String referrer) {
    }

    @ApplicationModuleListener
    void on(OfferChanged changed) {
        var offer = offers.find(changed.offerId(), null);
        if (offer.isEmpty() || offer.get().status() == OfferStatus.ACTIVE) {
            return;
        }
        jdbc.sql("""
                SELECT r.id, r.referrer FROM referral r
                 WHERE r.offer_id = :offer AND r.status IN ('REQUESTED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD')
                   AND NOT EXISTS (SELECT 1 FROM referral_notification n
                                    WHERE n.referral_id = r.id AND n.message_key = :flag)
                """).param("offer", changed.offerId()).param("flag", FLAG)
                .query((rs, n) -> new Open(rs.getObject("id", UUID.class), rs.getString("referrer"))).list()
                .forEach(open -> notifications.toUser(open.referrer(), new ReferralId(open.id()), FLAG));
    }
}
