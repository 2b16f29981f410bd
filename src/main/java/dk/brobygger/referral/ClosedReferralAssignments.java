package dk.brobygger.referral;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A referral closed (completed, failed, cancelled, declined): its volunteers' open assignments end in the same
 * transaction, so nobody goes along to a referral that stopped and the volunteer sees nothing more of the citizen.
 */
@Component
class ClosedReferralAssignments {

    private final Volunteers volunteers;

    ClosedReferralAssignments(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    @EventListener
    void on(ReferralClosed closed) {
        volunteers.endSharing(closed.referral(), "Henvisningen er afsluttet.");
    }
}
