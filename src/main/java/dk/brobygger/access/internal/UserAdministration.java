package dk.brobygger.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brugeradministration: administrators create users, change their name, roles and teams, disable
 * and enable them and set a new password. Every change is kept in {@code app_user_change} with who
 * and when; team memberships keep their history through {@link Teams}. Edits carry the version the
 * administrator saw, so one administrator never silently overwrites another's change.
 */
@Service
class UserAdministration {

    static final int PAGE_SIZE = 25;
    static final int HISTORY_PAGE_SIZE = 25;

    /** How the user list is sorted; the SQL comes from this fixed list, never from the request. */
    enum Sort {
        NAME("navn", "LOWER(u.display_name), u.username"),
        NAME_DESCENDING("navn-omvendt", "LOWER(u.display_name) DESC, u.username"),
        USERNAME("brugernavn", "u.username"),
        DISABLED_FIRST("spaerrede-foerst", "u.enabled, LOWER(u.display_name), u.username");

        final String parameter;
        final String orderBy;

        Sort(String parameter, String orderBy) {
            this.parameter = parameter;
            this.orderBy = orderBy;
        }

        public String parameter() {
            return parameter;
        }

        static Sort of(@Nullable String parameter) {
            for (Sort sort : values()) {
                if (sort.parameter.equals(parameter)) {
                    return sort;
                }
            }
            return NAME;
        }
    }

    /** One row of the user list. */
    record UserRow(String username, String displayName, boolean enabled, List<Role> roles, List<String> teams) {
    }

    record UserPage(List<UserRow> rows, long total, int page, int pages) {
    }

    /** A user as the administrator sees them. */
    record AdministeredUser(String username, String displayName, boolean enabled, Set<Role> roles,
            List<String> teams, boolean hasPassword, @Nullable UUID citizenId, @Nullable UUID organizationId,
            long version) {
    }

    /** What happened to a user. Team events come from the team membership history. */
    enum ChangeKind {
        CREATED, ROLES, DISPLAY_NAME, DISABLED, ENABLED, PASSWORD_SET, TEAM_JOINED, TEAM_LEFT
    }

    record Change(Instant at, String by, ChangeKind kind, @Nullable String from, @Nullable String to) {
    }

    record HistoryPage(List<Change> changes, int page, boolean hasNext) {
    }

    private final JdbcClient jdbc;
    private final Teams teams;
    private final JdbcUsers users;
    private final Clock clock;

    UserAdministration(JdbcClient jdbc, Teams teams, JdbcUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.teams = teams;
        this.clock = clock;
    }

    UserPage list(String text, @Nullable Role role, Sort sort, int page) {
        String pattern = "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        String where = """
                 WHERE (LOWER(u.username) LIKE :pattern ESCAPE '\\' OR LOWER(u.display_name) LIKE :pattern ESCAPE '\\')
                """ + (role == null ? "" : """
                   AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.username = u.username AND r.role = :role)
                """);
        var params = new LinkedHashMap<String, Object>();
        params.put("pattern", pattern);
        if (role != null) {
            params.put("role", role.name());
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM app_user u" + where).params(params).query(Long.class).single();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        params.put("limit", PAGE_SIZE);
        params.put("offset", (long) (current - 1) * PAGE_SIZE);
        record Found(String username, String displayName, boolean enabled) {
        }
        List<Found> found = jdbc.sql("SELECT u.username, u.display_name, u.enabled FROM app_user u" + where
                + " ORDER BY " + sort.orderBy + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> new Found(rs.getString("username"), rs.getString("display_name"),
                        rs.getBoolean("enabled")))
                .list();
        if (found.isEmpty()) {
            return new UserPage(List.of(), total, current, pages);
        }
        var usernames = found.stream().map(Found::username).toList();
        Map<String, Set<Role>> roles = rolesOf(usernames);
        Map<String, List<String>> teamNames = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT m.username, t.name FROM team_membership m JOIN team t ON t.code = m.team
                 WHERE m.left_at IS NULL AND m.username IN (:usernames) ORDER BY t.name
                """).param("usernames", usernames)
                .query((rs, n) -> teamNames.computeIfAbsent(rs.getString("username"), u -> new ArrayList<>())
                        .add(rs.getString("name")))
                .list();
        var rows = found.stream()
                .map(f -> new UserRow(f.username(), f.displayName(), f.enabled(),
                        List.copyOf(roles.getOrDefault(f.username(), Set.of())),
                        teamNames.getOrDefault(f.username(), List.of())))
                .toList();
        return new UserPage(rows, total, current, pages);
    }

    Optional<AdministeredUser> find(String username) {
        record Found(String displayName, boolean enabled, boolean hasPassword, @Nullable UUID citizenId,
                @Nullable UUID organizationId, long version) {
        }
        return jdbc.sql("""
                SELECT display_name, enabled, password_hash, citizen_id, organization_id, version
                  FROM app_user WHERE username = :username
                """).param("username", username)
                .query((rs, n) -> new Found(rs.getString("display_name"), rs.getBoolean("enabled"),
                        rs.getString("password_hash") != null, rs.getObject("citizen_id", UUID.class),
                        rs.getObject("organization_id", UUID.class), rs.getLong("version")))
                .optional()
                .map(f -> new AdministeredUser(username, f.displayName(), f.enabled(),
                        rolesOf(List.of(username)).getOrDefault(username, Set.of()), teams.of(username),
                        f.hasPassword(), f.citizenId(), f.organizationId(), f.version()));
    }

    /** Is the name taken, whatever the case of its letters? */
    boolean exists(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(username) = :username")
                .param("username", username.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    @Transactional
    void create(String username, String displayName, Set<Role> roles, Set<String> teamCodes,
            @Nullable String passwordHash, String by) {
        if (exists(username)) {
            throw new DomainException("users.username.taken", username);
        }
        var params = new LinkedHashMap<String, @Nullable Object>();
        params.put("username", username);
        params.put("displayName", displayName);
        params.put("passwordHash", passwordHash);
        jdbc.sql("""
                INSERT INTO app_user (username, display_name, password_hash, enabled, version)
                VALUES (:username, :displayName, :passwordHash, TRUE, 0)
                """).params(params).update();
        replaceRoles(username, roles);
        users.changed(username);
        record(username, by, ChangeKind.CREATED, null, names(roles));
        if (passwordHash != null) {
            record(username, by, ChangeKind.PASSWORD_SET, null, null);
        }
        for (String team : new TreeSet<>(teamCodes)) {
            teams.join(team, username, by);
        }
    }

    /**
     * Changes name, roles and teams as one edit. Fails with {@link OptimisticLockingFailureException}
     * when someone else changed the user after {@code version}; then nothing is changed.
     */
    @Transactional
    void update(String username, long version, String displayName, Set<Role> roles, Set<String> teamCodes,
            String by) {
        var current = lockForChange(username, version);
        if (username.equals(by) && current.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
            throw new DomainException("users.self.adminRole");
        }
        jdbc.sql("UPDATE app_user SET display_name = :displayName WHERE username = :username")
                .param("displayName", displayName).param("username", username).update();
        if (!current.displayName().equals(displayName)) {
            record(username, by, ChangeKind.DISPLAY_NAME, current.displayName(), displayName);
        }
        if (!current.roles().equals(roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles))) {
            replaceRoles(username, roles);
            record(username, by, ChangeKind.ROLES, names(current.roles()), names(roles));
        }
        for (String team : new TreeSet<>(current.teams())) {
            if (!teamCodes.contains(team)) {
                teams.leave(team, username, by);
            }
        }
        for (String team : new TreeSet<>(teamCodes)) {
            if (!current.teams().contains(team)) {
                teams.join(team, username, by);
            }
        }
    }

    /** A disabled user cannot log in, and a session they already have stops working at the next request. */
    @Transactional
    void setEnabled(String username, long version, boolean enabled, String by) {
        var current = lockForChange(username, version);
        if (!enabled && username.equals(by)) {
            throw new DomainException("users.self.disable");
        }
        if (current.enabled() == enabled) {
            return;
        }
        jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE username = :username")
                .param("enabled", enabled).param("username", username).update();
        record(username, by, enabled ? ChangeKind.ENABLED : ChangeKind.DISABLED, null, null);
    }

    @Transactional
    void setPassword(String username, long version, String passwordHash, String by) {
        lockForChange(username, version);
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :username")
                .param("hash", passwordHash).param("username", username).update();
        record(username, by, ChangeKind.PASSWORD_SET, null, null);
    }

    /** The user's changes and team joins and leaves, newest first. */
    HistoryPage history(String username, int page) {
        int current = Math.max(1, page);
        // Within the same instant a user is created before anything else happens to them.
        List<Change> changes = jdbc.sql("""
                SELECT at, by_user, kind, from_value, to_value FROM (
                    SELECT c.changed_at AS at, c.changed_by AS by_user, c.kind, c.from_value, c.to_value,
                           CASE WHEN c.kind = 'CREATED' THEN 0 ELSE 1 END AS rank, c.id AS seq
                      FROM app_user_change c WHERE c.username = :username
                    UNION ALL
                    SELECT m.joined_at, m.joined_by, 'TEAM_JOINED', CAST(NULL AS VARCHAR(400)), t.name, 1, m.id
                      FROM team_membership m JOIN team t ON t.code = m.team WHERE m.username = :username
                    UNION ALL
                    SELECT m.left_at, m.left_by, 'TEAM_LEFT', t.name, CAST(NULL AS VARCHAR(400)), 2, m.id
                      FROM team_membership m JOIN team t ON t.code = m.team
                     WHERE m.username = :username AND m.left_at IS NOT NULL
                ) h
                ORDER BY at DESC, rank DESC, seq DESC
                LIMIT :limit OFFSET :offset
                """).param("username", username).param("limit", HISTORY_PAGE_SIZE + 1)
                .param("offset", (long) (current - 1) * HISTORY_PAGE_SIZE)
                .query((rs, n) -> new Change(rs.getTimestamp("at").toInstant(), rs.getString("by_user"),
                        ChangeKind.valueOf(rs.getString("kind")), rs.getString("from_value"),
                        rs.getString("to_value")))
                .list();
        boolean hasNext = changes.size() > HISTORY_PAGE_SIZE;
        return new HistoryPage(hasNext ? changes.subList(0, HISTORY_PAGE_SIZE) : changes, current, hasNext);
    }

    /**
     * Takes the user at the version the administrator saw and moves it on, which also holds the row
     * until the transaction ends; a different version means someone else got there first.
     */
    private AdministeredUser lockForChange(String username, long version) {
        var current = find(username).orElseThrow(() -> new NotFoundException("user " + username));
        int updated = jdbc.sql("UPDATE app_user SET version = version + 1 WHERE username = :username AND version = :version")
                .param("username", username).param("version", version).update();
        if (updated == 0 || current.version() != version) {
            throw new OptimisticLockingFailureException("user " + username + " changed after version " + version);
        }
        users.changed(username);
        return current;
    }

    private void replaceRoles(String username, Set<Role> roles) {
        jdbc.sql("DELETE FROM app_user_role WHERE username = :username").param("username", username).update();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (username, role) VALUES (:username, :role)")
                    .param("username", username).param("role", role.name()).update();
        }
    }

    private Map<String, Set<Role>> rolesOf(List<String> usernames) {
        Map<String, Set<Role>> roles = new LinkedHashMap<>();
        jdbc.sql("SELECT username, role FROM app_user_role WHERE username IN (:usernames)")
                .param("usernames", usernames)
                .query((rs, n) -> roles.computeIfAbsent(rs.getString("username"), u -> EnumSet.noneOf(Role.class))
                        .add(Role.valueOf(rs.getString("role"))))
                .list();
        return roles;
    }

    private void record(String username, String by, ChangeKind kind, @Nullable String from, @Nullable String to) {
        var params = new LinkedHashMap<String, @Nullable Object>();
        params.put("username", username);
        params.put("at", Timestamp.from(clock.instant()));
        params.put("by", by);
        params.put("kind", kind.name());
        params.put("from", from);
        params.put("to", to);
        jdbc.sql("""
                INSERT INTO app_user_change (username, changed_at, changed_by, kind, from_value, to_value)
                VALUES (:username, :at, :by, :kind, :from, :to)
                """).params(params).update();
    }

    /** Roles kept in history as their names in a fixed order, e.g. {@code ADMIN,STAFF}. */
    private static String names(Set<Role> roles) {
        return (roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles)).stream().map(Role::name)
                .collect(Collectors.joining(","));
    }
}
