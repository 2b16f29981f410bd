package dk.brobygger.homevisit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.audit.AuditEntry;
import dk.brobygger.audit.AuditLog;
import dk.brobygger.citizen.CitizenAccess;
import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who may see the due list and the worklist. The list is personal data chosen by a rule, not by a
 * relation to each citizen, so it is limited to those whose task it is: current members of the home
 * visitors' team(s) ({@code brobygger.homevisit.teams}, default "Forebyggende hjemmebesøg") and managers,
 * who plan the work. Administrators change the rules and see counts only. Every listing is audited
 * ({@link AuditAction#LIST}), every refusal too.
 */
@Component
class HomeVisitAccess {

    private final Users users;
    private final Teams teams;
    private final AuditLog log;
    private final List<String> visitorTeams;
    private final CitizenAccess citizens;

    HomeVisitAccess(Users users, Teams teams, AuditLog log,
            CitizenAccess citizens,
            @Value("${brobygger.homevisit.teams:forebyggende-hjemmebesoeg}") List<String> visitorTeams) {
        this.users = users;
        this.citizens = citizens;
        this.teams = teams;
        this.log = log;
        this.visitorTeams = List.copyOf(visitorTeams);
    }

    /** May the user see the due list and the worklist? */
    boolean mayList(BrobyggerUser user) {
        return user.has(Role.MANAGER) || visitorTeam(user).isPresent();
    }

    /** The current user, if they may see the lists; a refusal is audited before it is thrown. */
    BrobyggerUser checkMayList(String purpose) {
        var user = users.currentOrFail();
        if (!mayList(user)) {
            var entry = entry(user, null, AuditAction.LIST, purpose).refused();
            log.record(entry);
            throw new AccessDeniedException("Only the home visitors' team and managers see the due list");
        }
        return user;
    }

    /** The home visitors' team the user is in, which takes on the work. */
    Optional<String> visitorTeam(BrobyggerUser user) {
        if (!user.has(Role.STAFF)) {
            return Optional.empty();
        }
        var own = teams.of(user.username());
        return visitorTeams.stream().filter(own::contains).findFirst();
    }

    /** The home visitors' team of a user by name, if they are in one. */
    Optional<String> visitorTeam(String username) {
        var own = teams.of(username);
        return visitorTeams.stream().filter(own::contains).findFirst();
    }

    /** Members of the home visitors' teams: whom work may be assigned to. */
    List<String> visitors() {
        return visitorTeams.stream().flatMap(team -> teams.history(team).stream())
                .filter(Teams.Membership::isActive).map(Teams.Membership::username).distinct().sorted().toList();
    }

    /** Writes one audit record for a listing, in the caller's transaction. */
    void listed(String purpose) {
        log.record(entry(users.currentOrFail(), null, AuditAction.LIST, purpose));
    }

    void changed(UUID citizen, String purpose) {
        log.record(entry(users.currentOrFail(), citizen, AuditAction.UPDATE, purpose));
    }

    void read(UUID citizen, String purpose) {
        log.record(entry(users.currentOrFail(), citizen, AuditAction.READ, purpose));
    }

    /** Need-to-know for one citizen, through the citizen module's policy; a refusal is audited. */
    void checkMayChange(CitizenId citizen, String purpose) {
        try {
            citizens.checkMayChange(citizen);
        } catch (AccessDeniedException e) {
            var entry = entry(users.currentOrFail(), citizen.value(), AuditAction.UPDATE, purpose).refused();
            log.record(entry);
            throw e;
        }
    }

    void checkMaySee(CitizenId citizen, String purpose) {
        try {
            citizens.checkMaySee(citizen);
        } catch (AccessDeniedException e) {
            var entry = entry(users.currentOrFail(), citizen.value(), AuditAction.READ, purpose).refused();
            log.record(entry);
            throw e;
        }
    }

    private AuditEntry entry(BrobyggerUser user, @Nullable UUID citizen, AuditAction action, String purpose) {
        Role role = user.has(Role.STAFF) ? Role.STAFF : user.has(Role.MANAGER) ? Role.MANAGER
                : user.roles().stream().findFirst().orElse(Role.STAFF);
        return AuditEntry.granted(user.username(), role, visitorTeam(user).orElse(null), citizen, action, purpose,
                clientAddress());
    }

    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }
}
