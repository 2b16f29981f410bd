package dk.brobygger.access;

import java.util.Optional;
import java.util.UUID;

import dk.brobygger.shared.CprNumber;

/**
 * Borgerlogin: finds the citizen a CPR number from a verified login (MitID) belongs to. The citizen
 * module implements it, so the login knows whom a citizen is without knowing the citizen register.
 */
public interface CitizenIdentities {

    /** The citizen with this CPR number, if Brobygger holds a record about them. */
    Optional<Identity> withCpr(CprNumber cpr);

    /** Who the login belongs to: the citizen's record and the name to greet them by. */
    record Identity(UUID citizenId, String name) {
    }
}
