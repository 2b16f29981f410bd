package dk.brobygger.referral;

import org.jspecify.annotations.Nullable;

/** Where a referral was made, for the funnel: "henvist fra". */
public enum ReferralContext {
    /** A preventive home visit's suggested offers. */
    HOME_VISIT,
    /** An outreach item (opsporing). */
    OUTREACH,
    /** The Fællesteam's hand-held bridging. */
    FAELLESTEAM,
    /** Én indgang: a course's exit to a community (module course). */
    COURSE,
    /** The citizen's page, without one of the above. */
    CITIZEN_PAGE;

    public String messageKey() {
        return "referral.context." + name();
    }

    /** The context a link named ({@code fra=...}); null for none or an unknown one. */
    static @Nullable ReferralContext named(@Nullable String value) {
        return Codes.named(ReferralContext.class, value);
    }
}
