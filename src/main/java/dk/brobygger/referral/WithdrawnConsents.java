package dk.brobygger.referral;

import dk.brobygger.citizen.ConsentParty;
import dk.brobygger.citizen.ConsentWithdrawn;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A consent to share with associations withdrawn: the referrals that shared under it stop (see {@link Referrals}). */
@Component
class WithdrawnConsents {

    private final Referrals referrals;

    WithdrawnConsents(Referrals referrals) {
        this.referrals = referrals;
    }

    @ApplicationModuleListener
    void on(ConsentWithdrawn withdrawn) {
        if (withdrawn.party() == ConsentParty.ASSOCIATION) {
            referrals.consentWithdrawn(withdrawn.citizen(), withdrawn.partyName());
        }
    }
}
