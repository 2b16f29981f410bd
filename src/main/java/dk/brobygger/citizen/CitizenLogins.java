package dk.brobygger.citizen;

import java.util.Optional;

import dk.brobygger.access.CitizenIdentities;
import dk.brobygger.shared.CprNumber;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the login which citizen a verified CPR number belongs to. Nobody sees a record here: the
 * citizen's own pages read it afterwards, audited, through {@link MyData}.
 */
@Component
class CitizenLogins implements CitizenIdentities {

    private final Citizens citizens;

    CitizenLogins(Citizens citizens) {
        this.citizens = citizens;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Identity> withCpr(CprNumber cpr) {
        return citizens.findByCpr(cpr).map(citizen -> new Identity(citizen.id().value(), citizen.name()));
    }
}
