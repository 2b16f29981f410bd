package dk.brobygger.referral;

import java.util.Locale;

/**
 * Where a referral stands, the states of FHIR Task (DOMAIN.md §8): draft → requested → accepted | rejected →
 * in-progress ⇄ on-hold → completed | failed; cancelled by either side; entered-in-error by the referrer.
 */
public enum ReferralStatus {
    DRAFT, REQUESTED, ACCEPTED, REJECTED, IN_PROGRESS, ON_HOLD, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR;

    /** Still being worked on: the referrer's team keeps its need-to-know relation. */
    public boolean isOpen() {
        return switch (this) {
            case DRAFT, REQUESTED, ACCEPTED, IN_PROGRESS, ON_HOLD -> true;
            case REJECTED, COMPLETED, FAILED, CANCELLED, ENTERED_IN_ERROR -> false;
        };
    }

    /** The FHIR Task.status code. */
    public String fhirCode() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "referral.status." + name();
    }
}
