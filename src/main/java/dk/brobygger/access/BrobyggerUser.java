package dk.brobygger.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A logged-in user as the rest of the application sees them.
 *
 * @param organizationId for an association editor: the organisation whose offers they keep current
 */
public record BrobyggerUser(
        String username,
        String displayName,
        @Nullable String passwordHash,
        boolean enabled,
        Set<Role> roles,
        @Nullable UUID organizationId) implements UserDetails {

    public BrobyggerUser {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Municipal editors and administrators change the directory directly. */
    public boolean isMunicipalEditor() {
        return has(Role.EDITOR) || has(Role.ADMIN);
    }

    /** Municipal staff work in Brobygger; everyone else uses the public portal. */
    public boolean isStaff() {
        return has(Role.STAFF) || has(Role.MANAGER) || has(Role.ADMIN) || has(Role.EDITOR);
    }

    /** May this user propose or make changes to the given organisation's offers? */
    public boolean mayEdit(UUID organization) {
        return isMunicipalEditor() || (has(Role.ASSOCIATION_EDITOR) && organization.equals(organizationId));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** Credentials never leave the security layer. */
    @Override
    public String toString() {
        return "BrobyggerUser[" + username + ", " + roles + "]";
    }
}
