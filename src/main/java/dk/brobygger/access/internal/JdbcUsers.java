package dk.brobygger.access.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Users and their roles, kept in {@code app_user} and {@code app_user_role}.
 *
 * <p>Logged-in users are read again on every request ({@link SessionUserRefresh}); {@link #findRecent} keeps
 * what it read for {@code brobygger.access.user-refresh} (default five seconds), so someone working through
 * pages costs one query every few seconds instead of one a request. Every change of a user on this instance forgets the
 * user at once, and again when the change commits ({@link #changed}); another instance of the application
 * sees the change within the refresh time. Logging in always reads the user afresh ({@link #find}).
 */
@Service
class JdbcUsers implements Users, UserDetailsService {

    private static final String SELECT = """
            SELECT u.username, u.display_name, u.password_hash, u.enabled, u.organization_id, r.role
              FROM app_user u LEFT JOIN app_user_role r ON r.username = u.username
            """;

    private final JdbcClient jdbc;
    private final Cache<String, Optional<BrobyggerUser>> recent;

    JdbcUsers(JdbcClient jdbc, @Value("${brobygger.access.user-refresh:PT5S}") Duration refresh) {
        this.jdbc = jdbc;
        this.recent = Caffeine.newBuilder().expireAfterWrite(refresh).maximumSize(10_000).build();
    }

    @Override
    public Optional<BrobyggerUser> current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        // Anonymous visitors carry an "authenticated" anonymous token; they are nobody, and
        // looking their name up would cost a query on every public page.
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof BrobyggerUser user) {
            return Optional.of(user);
        }
        return find(authentication.getName());
    }

    @Override
    public Optional<BrobyggerUser> find(String username) {
        return query(SELECT + " WHERE u.username = :username", Map.of("username", username)).stream().findFirst();
    }

    /** The user as read at most {@code brobygger.access.user-refresh} ago (or now), for a logged-in session. */
    Optional<BrobyggerUser> findRecent(String username) {
        return recent.get(username, this::find);
    }

    /**
     * The user has changed (roles, teams, name, enabled, password): forget what {@link #findRecent} kept, now
     * and again when the surrounding transaction ends, so a request in between cannot keep the old user.
     */
    void changed(String username) {
        nowAndAfterTheTransaction(() -> recent.invalidate(username));
    }

    private static void nowAndAfterTheTransaction(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }

    @Override
    public List<BrobyggerUser> editorsOf(UUID organizationId) {
        return query(SELECT + " WHERE u.organization_id = :organization AND u.enabled = TRUE ORDER BY u.username",
                Map.of("organization", organizationId));
    }

    /**
     * A person's login (the login form, HTTP Basic on the pages and APIs). A system user has no such login: it is
     * refused as if it did not exist, so the form answers exactly as for a wrong password.
     */
    @Override
    public BrobyggerUser loadUserByUsername(String username) {
        return find(username).filter(user -> !user.has(Role.SYSTEM))
                .orElseThrow(() -> new UsernameNotFoundException("Ukendt bruger"));
    }

    /** A login at the system endpoints ({@code /fhir}); which roles may do what there is the chain's business. */
    BrobyggerUser loadSystemUser(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("Ukendt bruger"));
    }

    @Override
    @Transactional
    public void save(String username, String displayName, @Nullable String passwordHash, Set<Role> roles,
            @Nullable UUID organizationId) {
        var params = new LinkedHashMap<String, @Nullable Object>();
        params.put("username", username);
        params.put("displayName", displayName);
        params.put("passwordHash", passwordHash);
        params.put("organization", organizationId);
        int updated = jdbc.sql("""
                UPDATE app_user SET display_name = :displayName, password_hash = :passwordHash,
                       organization_id = :organization, version = version + 1
                 WHERE username = :username
                """).params(params).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO app_user (username, display_name, password_hash, enabled, organization_id, version)
                    VALUES (:username, :displayName, :passwordHash, TRUE, :organization, 0)
                    """).params(params).update();
        }
        jdbc.sql("DELETE FROM app_user_role WHERE username = :username").param("username", username).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (:username, :role)")
                    .param("username", username).param("role", role.name()).update();
        }
        changed(username);
    }

    @Override
    public Optional<UUID> citizenOf(String username) {
        return jdbc.sql("SELECT citizen_id FROM app_user WHERE username = :username AND citizen_id IS NOT NULL")
                .param("username", username).query(UUID.class).optional();
    }

    @Override
    @Transactional
    public void linkCitizen(String username, UUID citizenId) {
        jdbc.sql("UPDATE app_user SET citizen_id = :citizen, version = version + 1 WHERE username = :username")
                .param("citizen", citizenId).param("username", username).update();
        changed(username);
    }

    @Override
    @Transactional
    public void forgetCitizen(UUID citizenId, String displayName) {
        // Rare (retention), so everyone is read again rather than asking which login was the citizen's.
        nowAndAfterTheTransaction(recent::invalidateAll);
        jdbc.sql("""
                UPDATE app_user SET display_name = :name, enabled = FALSE, citizen_id = NULL, version = version + 1
                 WHERE citizen_id = :citizen
                """).param("name", displayName).param("citizen", citizenId).update();
    }

    @Override
    @Transactional
    public void assignOrganization(String username, @Nullable UUID organizationId) {
        var params = new LinkedHashMap<String, @Nullable Object>();
        params.put("username", username);
        params.put("organization", organizationId);
        jdbc.sql("UPDATE app_user SET organization_id = :organization, version = version + 1 WHERE username = :username")
                .params(params).update();
        changed(username);
    }

    private List<BrobyggerUser> query(String sql, Map<String, ?> params) {
        Map<String, Row> rows = new LinkedHashMap<>();
        jdbc.sql(sql).params(params).query((rs, n) -> {
            var row = rows.computeIfAbsent(rs.getString("username"), name -> {
                try {
                    return new Row(name, rs.getString("display_name"), rs.getString("password_hash"),
                            rs.getBoolean("enabled"), rs.getObject("organization_id", UUID.class),
                            EnumSet.noneOf(Role.class));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            String role = rs.getString("role");
            if (role != null) {
                row.roles().add(Role.valueOf(role));
            }
            return row;
        }).list();
        return rows.values().stream()
                .map(r -> new BrobyggerUser(r.username(), r.displayName(), r.passwordHash(), r.enabled(), r.roles(),
                        r.organizationId()))
                .toList();
    }

    private record Row(String username, String displayName, @Nullable String passwordHash, boolean enabled,
            @Nullable UUID organizationId, EnumSet<Role> roles) {
    }
}
