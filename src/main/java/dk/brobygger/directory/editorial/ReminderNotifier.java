package dk.brobygger.directory.editorial;

import dk.brobygger.access.BrobyggerUser;

/**
 * Tells an editor that an offer needs confirming. The seam for e-mail: today the reminder is
 * logged and shown on the editor's dashboard.
 */
interface ReminderNotifier {

    void remind(BrobyggerUser editor, StaleOffers.StaleOffer offer);
}
