package dk.brobygger.access.internal;

import java.util.Collection;
import java.util.Optional;

import dk.brobygger.shared.CprNumber;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Reads what the MitID broker vouches for: the NSIS level of assurance and the CPR number. A login
 * below Substantial, or without a CPR number, is refused ({@link CitizenLoginRefusal}).
 */
final class CitizenClaims {

    private final CitizenLoginProperties properties;

    CitizenClaims(CitizenLoginProperties properties) {
        this.properties = properties;
    }

    /** The level of assurance of this login, if it is one the citizen may log in with; refuses any other. */
    String requireSufficientAssurance(OidcUser user) {
        var level = first(user, properties.assuranceClaims());
        if (level.isEmpty() || !properties.acceptedAssurance().contains(level.get())) {
            throw CitizenLoginRefusal.ASSURANCE_TOO_LOW.exception(
                    "Level of assurance " + level.orElse("(none)") + " is not one of " + properties.acceptedAssurance());
        }
        return level.get();
    }

    /** The citizen's CPR number; refuses a login without a valid one. */
    CprNumber cpr(OidcUser user) {
        var value = first(user, properties.cprClaims());
        if (value.isEmpty() || !CprNumber.isValid(value.get())) {
            // The claim's value is never written anywhere: it is a CPR number, or something like one.
            throw CitizenLoginRefusal.NO_CPR.exception("No valid CPR number in " + properties.cprClaims());
        }
        return CprNumber.of(value.get());
    }

    private static Optional<String> first(OidcUser user, Collection<String> names) {
        for (String name : names) {
            String value = text(user.getClaims().get(name));
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** A claim is a string, or (from some brokers) a list holding one. */
    private static @Nullable String text(@Nullable Object claim) {
        Object value = claim instanceof Collection<?> values && values.size() == 1 ? values.iterator().next() : claim;
        if (value instanceof String text && !text.isBlank()) {
            return text.strip();
        }
        return null;
    }
}
