package dk.brobygger.directory;

import java.util.Optional;
import java.util.UUID;

/**
 * How an offer usually answers referrals, for the portal's offer page, so nobody refers blind: the usual number of
 * days to an answer and the share accepted. Known to the module that keeps referrals, which implements this; the
 * directory only shows it. Given only once an offer has enough answered referrals, and rounded, so that no single
 * referral can be read from it.
 */
public interface OfferAnswers {

    /**
     * @param typicalDays     the median days from referral to answer, rounded to whole days
     * @param acceptedPercent the share of answered referrals accepted, rounded to the nearest ten per cent
     */
    record Figures(int typicalDays, int acceptedPercent) {
    }

    /** The offer's figures; empty while it has too few answered referrals. */
    Optional<Figures> of(UUID offerId);
}
