package dk.brobygger.referral;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Notifications only written to the log (ids and message keys, no personal data): for a deployment whose mail or
 * SMS gateway reads the log, and the pattern for such a gateway's own implementation.
 */
@Component
@ConditionalOnProperty(name = "brobygger.referral.notifications", havingValue = "log")
class LoggingNotifications implements Notifications {

    private static final Logger log = LoggerFactory.getLogger(LoggingNotifications.class);

    @Override
    public void toUser(String username, ReferralId referral, String messageKey) {
        log.info("Referral notification {} to user {} about referral {}", messageKey, username, referral);
    }

    @Override
    public void toOrganization(UUID organizationId, ReferralId referral, String messageKey) {
        log.info("Referral notification {} to organisation {} about referral {}", messageKey, organizationId, referral);
    }
}
