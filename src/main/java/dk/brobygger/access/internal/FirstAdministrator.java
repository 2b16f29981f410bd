package dk.brobygger.access.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

import dk.brobygger.access.Role;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Den første administrator: production has no demo users, so an operator names the first administrator in the
 * environment ({@code BROBYGGER_BOOTSTRAP_ADMIN_USERNAME}, and {@code BROBYGGER_BOOTSTRAP_ADMIN_PASSWORD_HASH}
 * for the login form; with OpenID Connect the name alone, as the provider's {@code preferred_username}). At
 * start, and only while no enabled user has the role ADMIN, that user is created with the role ADMIN, kept in
 * the user's history as created by {@value #BY}. An existing user of that name is never changed, and once an
 * administrator exists the settings do nothing, so they may stay set.
 */
@Component
@Order(1)
class FirstAdministrator implements ApplicationRunner {

    static final String BY = "system (BROBYGGER_BOOTSTRAP_ADMIN_USERNAME)";

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    /** A hash as Spring Security stores it: the encoder's id in braces, then the hash. */
    private static final Pattern PASSWORD_HASH = Pattern.compile("\\{[A-Za-z0-9_-]+}\\S+");

    private final String username;
    private final @Nullable String passwordHash;
    private final String displayName;
    private final UserAdministration administration;
    private final JdbcClient jdbc;

    FirstAdministrator(@Value("${brobygger.bootstrap-admin.username:}") String username,
            @Value("${brobygger.bootstrap-admin.password-hash:}") String passwordHash,
            @Value("${brobygger.bootstrap-admin.display-name:Administrator}") String displayName,
            UserAdministration administration, JdbcClient jdbc) {
        this.username = username.strip();
        this.passwordHash = passwordHash.isBlank() ? null : passwordHash.strip();
        this.displayName = displayName;
        this.administration = administration;
        this.jdbc = jdbc;
        if (this.passwordHash != null && !PASSWORD_HASH.matcher(this.passwordHash).matches()) {
            throw new IllegalStateException("BROBYGGER_BOOTSTRAP_ADMIN_PASSWORD_HASH is not a password hash as Spring "
                    + "Security stores it, e.g. {bcrypt}$2a$10$...");
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!username.isEmpty()) {
            createIfNoAdministrator();
        }
    }

    /** Creates the configured administrator unless an enabled administrator or a user of that name exists. */
    void createIfNoAdministrator() {
        if (activeAdministrators() > 0) {
            log.debug("An administrator exists; the bootstrap administrator {} is not created", username);
            return;
        }
        if (administration.exists(username)) {
            log.warn("No enabled administrator, but the user {} exists already: it is not changed. Name a new user in "
                    + "BROBYGGER_BOOTSTRAP_ADMIN_USERNAME, or enable an administrator", username);
            return;
        }
        try {
            administration.create(username, displayName, EnumSet.of(Role.ADMIN), Set.of(), passwordHash, BY);
            log.warn("First administrator {} created from BROBYGGER_BOOTSTRAP_ADMIN_USERNAME ({})", username,
                    passwordHash == null ? "no password: logs in with OpenID Connect" : "with the given password hash");
        } catch (DuplicateKeyException | DomainException e) {
            // Another node starting at the same moment created it first.
            log.info("The bootstrap administrator {} was created by another node", username);
        }
    }

    private long activeAdministrators() {
        return jdbc.sql("""
                SELECT COUNT(*) FROM app_user u JOIN app_user_role r ON r.username = u.username
                 WHERE r.role = 'ADMIN' AND u.enabled = TRUE
                """).query(Long.class).single();
    }
}
