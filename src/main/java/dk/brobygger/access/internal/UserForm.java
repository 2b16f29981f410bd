package dk.brobygger.access.internal;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dk.brobygger.access.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/** The user form as the administrator filled it in; the rules say what a user name and name may be. */
public class UserForm {

    static final int USERNAME_MIN = 2;
    static final int USERNAME_MAX = 60;
    static final int DISPLAY_NAME_MAX = 200;
    static final int PASSWORD_MIN = 12;
    /** BCrypt reads at most 72 bytes; longer passwords would be cut without a word. */
    static final int PASSWORD_MAX_BYTES = 72;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]+");
    /** Words in the administration's own addresses, e.g. {@code /admin/brugere/ny}. */
    private static final Set<String> RESERVED = Set.of("ny");

    private @Nullable String username;
    private @Nullable String displayName;
    private Set<Role> roles = EnumSet.noneOf(Role.class);
    private Set<String> teams = new LinkedHashSet<>();
    private @Nullable String password;
    private long version;

    static UserForm of(UserAdministration.AdministeredUser user) {
        var form = new UserForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.roles = user.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(user.roles());
        form.teams = new LinkedHashSet<>(user.teams());
        form.version = user.version();
        return form;
    }

    /** User names are kept in small letters, as most identity providers send them. */
    String normalizedUsername() {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    String normalizedDisplayName() {
        return displayName == null ? "" : displayName.strip();
    }

    void validateUsername(Errors errors) {
        String name = normalizedUsername();
        if (name.isEmpty()) {
            errors.rejectValue("username", "users.username.required");
        } else if (name.length() < USERNAME_MIN || name.length() > USERNAME_MAX) {
            errors.rejectValue("username", "users.username.length",
                    new Object[] {USERNAME_MIN, USERNAME_MAX, name.length()}, null);
        } else if (!USERNAME.matcher(name).matches()) {
            errors.rejectValue("username", "users.username.invalid");
        } else if (RESERVED.contains(name)) {
            errors.rejectValue("username", "users.username.taken", new Object[] {name}, null);
        }
    }

    /** Name, roles and teams: the same rules when creating and editing. */
    void validateDetails(Errors errors, Set<String> knownTeams) {
        String name = normalizedDisplayName();
        if (name.isEmpty()) {
            errors.rejectValue("displayName", "users.displayName.required");
        } else if (name.length() > DISPLAY_NAME_MAX) {
            errors.rejectValue("displayName", "users.displayName.tooLong",
                    new Object[] {DISPLAY_NAME_MAX, name.length()}, null);
        }
        if (roles.isEmpty()) {
            errors.rejectValue("roles", "users.roles.required");
        }
        if (!knownTeams.containsAll(teams)) {
            errors.rejectValue("teams", "users.teams.unknown");
        }
    }

    /** An empty password is allowed when creating: the user then logs in only through the identity provider. */
    void validatePassword(Errors errors, boolean required) {
        String value = password == null ? "" : password;
        if (value.isEmpty()) {
            if (required) {
                errors.rejectValue("password", "users.password.required");
            }
        } else if (value.length() < PASSWORD_MIN) {
            errors.rejectValue("password", "users.password.tooShort", new Object[] {PASSWORD_MIN}, null);
        } else if (value.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            errors.rejectValue("password", "users.password.tooLong", new Object[] {PASSWORD_MAX_BYTES}, null);
        }
    }

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    String password() {
        return password == null ? "" : password;
    }

    public @Nullable String getUsername() { return username; }
    public void setUsername(@Nullable String username) { this.username = username; }
    public @Nullable String getDisplayName() { return displayName; }
    public void setDisplayName(@Nullable String displayName) { this.displayName = displayName; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(@Nullable Set<Role> roles) {
        // An empty box a browser sends binds as no role, not as a hole in the set.
        this.roles = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(Objects::nonNull).forEach(this.roles::add);
        }
    }
    public Set<String> getTeams() { return teams; }
    public void setTeams(@Nullable Set<String> teams) { this.teams = teams == null ? new LinkedHashSet<>() : teams; }
    /** Never shown again once typed: the form is rendered without it. */
    public @Nullable String getPassword() { return null; }
    public void setPassword(@Nullable String password) { this.password = password; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
}
