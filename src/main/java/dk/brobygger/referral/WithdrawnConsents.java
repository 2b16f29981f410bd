package dk.brobygger.referral;

import dk.brobygger.citizen.ConsentParty;
import dk.brobygger.citizen.ConsentWithdrawn;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A consent to share with associations withdrawn: the referrals that shared under it stop (see {@link Referrals}),
 * and so do the volunteers' assignments on them ({@link Volunteers#consentWithdrawn}).
 */
@Component
class WithdrawnConsents {

    private final Referrals referrals;
    private final Volunteers volunteers;

    WithdrawnConsents(Referrals referrals, Volunteers volunteers) {
        this.referrals = referrals;
        this.volunteers = volunteers;
    }

    @ApplicationModuleListener
    void on(ConsentWithdrawn withdrawn) {
        if (withdrawn.party() == ConsentParty.ASSOCIATION) {
            referrals.consentWithdrawn(withdrawn.citizen(), withdrawn.partyName());
            volunteers.consentWithdrawn(withdrawn.citizen(), withdrawn.partyName());
        }
    }
}
