package dk.brobygger.access;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The users of Brobygger, and who is logged in now. */
public interface Users {

    /** The user of the current request, if logged in. */
    Optional<BrobyggerUser> current();

    /** The user of the current request; fails if nobody is logged in. */
    default BrobyggerUser currentOrFail() {
        return current().orElseThrow(() -> new IllegalStateException("Ingen bruger er logget ind"));
    }

    Optional<BrobyggerUser> find(String username);

    /** Users who keep the given organisation's offers current. */
    List<BrobyggerUser> editorsOf(UUID organizationId);

    /** Creates or replaces a user (used by demo data and administration). */
    void save(String username, String displayName, @Nullable String passwordHash, Set<Role> roles,
            @Nullable UUID organizationId);

    /** The citizen a citizen login belongs to, if any. */
    Optional<UUID> citizenOf(String username);

    /** Links a citizen login to the citizen's record. */
    void linkCitizen(String username, UUID citizenId);

    /**
     * The citizen's record has expired (retention): their citizen login, if they have one, is switched
     * off, unlinked and renamed {@code displayName}. The user stays, as the audit log names it.
     */
    void forgetCitizen(UUID citizenId, String displayName);

    /** Links an association editor to the organisation they edit. */
    void assignOrganization(String username, @Nullable UUID organizationId);
}
