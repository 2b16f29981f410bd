package dk.brobygger.referral;

import dk.brobygger.directory.OfferAnswers;
import dk.brobygger.directory.OfferFacts;
import dk.brobygger.directory.SupportLevel;

import org.jspecify.annotations.Nullable;

/**
 * Før henvisningen: how well an offer fits the citizen, shown before anything is sent so nobody refers blind. The
 * offer's support level against the citizen's need on the ladder of DOMAIN.md §3 (an offer for the self-reliant
 * fits a citizen who needs a person to bridge only when someone goes along), age against the offer's ages,
 * distance from the citizen's address, and capacity (places left, waitlist, full).
 *
 * @param need    the citizen's need as the referrer judges it, null when not chosen yet
 * @param answers how the offer usually answers referrals, null while it has too few answered ones
 */
public record ReferralFit(OfferFacts.Offer offer, @Nullable SupportLevel need, int age, Match support,
        Match ages, Capacity capacity, OfferAnswers.@Nullable Figures answers) {

    /** How one part fits. */
    public enum Match {
        GOOD, WARN, UNKNOWN;

        public String cssClass() {
            return switch (this) {
                case GOOD -> "badge-success";
                case WARN -> "badge-warning";
                case UNKNOWN -> "badge-info";
            };
        }
    }

    /** Room on the offer now. */
    public enum Capacity {
        /** Places left. */
        ROOM,
        /** Not said by the association. */
        UNKNOWN,
        /** Full, but a waitlist: the referral waits there. */
        WAITLIST,
        /** Full and no waitlist: choose a similar offer with room. */
        FULL;

        public String messageKey() {
            return "referral.fit.capacity." + name();
        }
    }

    static ReferralFit of(OfferFacts.Offer offer, @Nullable SupportLevel need, int age,
            OfferAnswers.@Nullable Figures answers) {
        return new ReferralFit(offer, need, age, support(offer, need), ages(offer, age), capacity(offer), answers);
    }

    /** Why the support level fits or not, as a message key. */
    public String supportKey() {
        if (need == null) {
            return "referral.fit.support.unknown";
        }
        if (need == offer.supportLevel()) {
            return "referral.fit.support.same";
        }
        if (need == SupportLevel.ACCOMPANIED && offer.supportLevel() == SupportLevel.SELF_RELIANT) {
            return offer.accompaniment() ? "referral.fit.support.accompaniment" : "referral.fit.support.needsCompanion";
        }
        return need.ordinal() > offer.supportLevel().ordinal() ? "referral.fit.support.tooLittle"
                : "referral.fit.support.tooMuch";
    }

    /** Following the citizen there (følgeskab) is what closes the gap between the two levels. */
    public boolean suggestsAccompaniment() {
        return need != null && need.ordinal() > offer.supportLevel().ordinal();
    }

    private static Match support(OfferFacts.Offer offer, @Nullable SupportLevel need) {
        if (need == null) {
            return Match.UNKNOWN;
        }
        if (need == offer.supportLevel()) {
            return Match.GOOD;
        }
        return need == SupportLevel.ACCOMPANIED && offer.supportLevel() == SupportLevel.SELF_RELIANT
                && offer.accompaniment() ? Match.GOOD : Match.WARN;
    }

    private static Match ages(OfferFacts.Offer offer, int age) {
        if (offer.minAge() == null && offer.maxAge() == null) {
            return Match.UNKNOWN;
        }
        boolean old = offer.minAge() == null || age >= offer.minAge();
        boolean young = offer.maxAge() == null || age <= offer.maxAge();
        return old && young ? Match.GOOD : Match.WARN;
    }

    private static Capacity capacity(OfferFacts.Offer offer) {
        if (offer.placesLeft() == null) {
            return Capacity.UNKNOWN;
        }
        if (offer.placesLeft() > 0) {
            return Capacity.ROOM;
        }
        return offer.waitlist() ? Capacity.WAITLIST : Capacity.FULL;
    }
}
