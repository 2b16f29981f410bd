package dk.brobygger.outreach;

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
 * Who may see the outreach list and import register extracts. The list is personal data chosen by a
 * rule, not by a relation, so it is limited to those whose task outreach is: current members of the
 * outreach teams ({@code brobygger.outreach.teams}, default "Forebyggende hjemmebesøg" and "Fællesteam")
 * and managers. Every listing is audited ({@link AuditAction#LIST}), every refusal too.
 */
@Component
class OutreachAccess {

    private final Users users;
    private final Teams teams;
    private final AuditLog log;
    private final List<String> outreachTeams;
    private final CitizenAccess citizens;

    OutreachAccess(Users users, Teams teams, AuditLog log,
            CitizenAccess citizens,
            @Value("${brobygger.outreach.teams:forebyggende-hjemmebesoeg,faellesteam}") List<String> outreachTeams) {
        this.users = users;
        this.citizens = citizens;
        this.teams = teams;
        this.log = log;
        this.outreachTeams = List.copyOf(outreachTeams);
    }

    /** May the user see the outreach list? */
    boolean mayList(BrobyggerUser user) {
        return user.has(Role.MANAGER) || outreachTeam(user).isPresent();
    }

    /** The current user, if they may see the lists; a refusal is audited before it is thrown. */
    BrobyggerUser checkMayList(String purpose) {
        var user = users.currentOrFail();
        if (!mayList(user)) {
            var entry = entry(user, null, AuditAction.LIST, purpose).refused();
            log.record(entry);
            throw new AccessDeniedException("Only the outreach teams and managers see the outreach list");
        }
        return user;
    }

    /** The outreach team the user is in. */
    Optional<String> outreachTeam(BrobyggerUser user) {
        if (!user.has(Role.STAFF)) {
            return Optional.empty();
        }
        var own = teams.of(user.username());
        return outreachTeams.stream().filter(own::contains).findFirst();
    }

    /** Members of the outreach teams. */
    List<String> visitors() {
        return outreachTeams.stream().flatMap(team -> teams.history(team).stream())
                .filter(Teams.Membership::isActive).map(Teams.Membership::username).distinct().sorted().toList();
    }

    /** Writes one audit record for a listing (committed before the list is shown; see AuditLog). */
    void listed(String purpose) {
        log.record(entry(users.currentOrFail(), null, AuditAction.LIST, purpose));
    }

    void changed(UUID citizen, String purpose) {
        log.record(entry(users.currentOrFail(), citizen, AuditAction.UPDATE, purpose));
    }

    void read(UUID citizen, String purpose) {
        log.record(entry(users.currentOrFail(), citizen, AuditAction.READ, purpose));
    }

    void created(UUID citizen, String purpose) {
        log.record(entry(users.currentOrFail(), citizen, AuditAction.CREATE, purpose));
    }

    /** One audit record per citizen, written together (an import). */
    void createdAll(List<UUID> citizens, String purpose) {
        var user = users.currentOrFail();
        log.recordAll(citizens.stream().map(citizen -> entry(user, citizen, AuditAction.CREATE, purpose)).toList());
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
        return AuditEntry.granted(user.username(), role, outreachTeam(user).orElse(null), citizen, action, purpose,
                clientAddress());
    }

    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }
}
