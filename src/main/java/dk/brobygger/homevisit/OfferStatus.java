package dk.brobygger.homevisit;

import java.util.Locale;

/** Where the year's offer of a visit stands. */
public enum OfferStatus {
    /** Not offered yet. */
    NOT_OFFERED,
    /** Offered, no answer yet. */
    OFFERED,
    ACCEPTED,
    DECLINED,
    /** The visit was held. */
    HELD;

    public String messageKey() {
        return "homevisit.offerStatus." + name().toLowerCase(Locale.ROOT);
    }
}
