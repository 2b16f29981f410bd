package dk.brobygger.referral;

import java.util.UUID;

/**
 * The one port every referral notification goes through (a new referral to the association, a reminder, the
 * 14-day flag to the referrer, an answer back). The application ships an in-app implementation (shown on the
 * start page and the lists) and a logging one; a municipality's mail or SMS gateway is a third. A notification
 * carries no personal data: the referral's id and what happened, the reader opens the referral to see more.
 */
public interface Notifications {

    /** To one user (the referrer). */
    void toUser(String username, ReferralId referral, String messageKey);

    /** To everyone who answers referrals for the organisation. */
    void toOrganization(UUID organizationId, ReferralId referral, String messageKey);
}
