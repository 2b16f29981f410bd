package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notifications in Brobygger itself: kept in {@code referral_notification} for the recipient's start page and
 * written to the log (ids and message keys only). The default; {@code brobygger.referral.notifications=log} logs
 * only ({@link LoggingNotifications}).
 */
@Component
@ConditionalOnProperty(name = "brobygger.referral.notifications", havingValue = "in-app", matchIfMissing = true)
class InAppNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(InAppNotifications.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    InAppNotifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void toUser(String username, ReferralId referral, String messageKey) {
        insert(username, null, referral, messageKey);
        log.info("Referral notification {} to user {} about referral {}", messageKey, username, referral);
    }

    @Override
    public void toOrganization(UUID organizationId, ReferralId referral, String messageKey) {
        insert(null, organizationId, referral, messageKey);
        log.info("Referral notification {} to organisation {} about referral {}", messageKey, organizationId, referral);
    }

    private void insert(@org.jspecify.annotations.Nullable String username, @org.jspecify.annotations.Nullable UUID organization, ReferralId referral, String messageKey) {
        jdbc.sql("""
                INSERT INTO referral_notification (id, recipient, organization_id, referral_id, message_key, created_at)
                VALUES (:id, :recipient, :organization, :referral, :key, :now)
                """).param("id", UUID.randomUUID()).param("recipient", username).param("organization", organization)
                .param("referral", referral.value()).param("key", messageKey)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
