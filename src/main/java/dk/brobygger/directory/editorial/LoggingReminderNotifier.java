package dk.brobygger.directory.editorial;

import dk.brobygger.access.BrobyggerUser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Writes reminders to the log; there is no mail server yet. An e-mail notifier replaces this one. */
@Component
class LoggingReminderNotifier implements ReminderNotifier {

    private static final Logger log = LoggerFactory.getLogger(LoggingReminderNotifier.class);

    @Override
    public void remind(BrobyggerUser editor, StaleOffers.StaleOffer offer) {
        log.info("Reminder to {}: offer {} ({}) last confirmed {}", editor.username(), offer.id(), offer.name(),
                offer.assuredDate());
    }
}
