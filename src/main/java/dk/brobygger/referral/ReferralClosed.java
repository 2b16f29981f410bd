package dk.brobygger.referral;

import dk.brobygger.citizen.CitizenId;

/** A referral left the open states (declined, completed, failed, cancelled, entered in error). */
public record ReferralClosed(ReferralId referral, CitizenId citizen, ReferralStatus status) {
}
