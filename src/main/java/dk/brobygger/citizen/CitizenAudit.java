package dk.brobygger.citizen;

import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.audit.AuditEntry;
import dk.brobygger.audit.AuditLog;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes every read, change and refused attempt on a citizen to the audit log. The record is
 * committed before the access goes on (see {@link AuditLog}), so if it cannot be written the access
 * fails too, and a refusal stays in the log although the refused request itself rolls back.
 */
@Component
class CitizenAudit {

    private final AuditLog log;
    private final Users users;

    CitizenAudit(AuditLog log, Users users) {
        this.log = log;
        this.users = users;
    }

    void granted(@Nullable UUID citizenId, AuditAction action, String purpose) {
        log.record(entry(citizenId, action, purpose));
    }

    /** Several granted reads or changes of one citizen at once: one append, one wait for the commit. */
    void grantedAll(UUID citizenId, AuditAction action, java.util.List<String> purposes) {
        log.recordAll(purposes.stream().map(purpose -> entry(citizenId, action, purpose)).toList());
    }

    /** The same read or change of several citizens at once: one append, one wait for the commit. */
    void grantedEach(java.util.List<UUID> citizenIds, AuditAction action, String purpose) {
        log.recordAll(citizenIds.stream().map(citizenId -> entry(citizenId, action, purpose)).toList());
    }

    /**
     * Granted, by the current user, or by the system when no one is logged in (a listener after a commit, a
     * scheduled job): then the record names the user {@link CitizenWork#SYSTEM} in the role SYSTEM.
     */
    void grantedOrSystem(@Nullable UUID citizenId, AuditAction action, String purpose) {
        if (users.current().isPresent()) {
            granted(citizenId, action, purpose);
        } else {
            log.record(AuditEntry.granted(CitizenWork.SYSTEM, Role.SYSTEM, null, citizenId, action, purpose, null));
        }
    }

    /**
     * Runs an access check; a refusal is audited before it is passed on, whoever asked (staff, a citizen, a
     * system), so no refused access to a citizen goes unlogged.
     */
    void refusedUnless(Runnable check, @Nullable UUID citizenId, AuditAction action, String purpose) {
        try {
            check.run();
        } catch (AccessDeniedException e) {
            refused(citizenId, action, purpose);
            throw e;
        }
    }

    void refused(@Nullable UUID citizenId, AuditAction action, String purpose) {
        var entry = entry(citizenId, action, purpose).refused();
        log.record(entry);
    }

    private AuditEntry entry(@Nullable UUID citizenId, AuditAction action, String purpose) {
        return entry(null, citizenId, action, purpose);
    }

    /**
     * Granted on a list chosen by a rule ({@link RuleChosenList}), naming the user's team: one record for each
     * citizen, all in one append, or one record without a citizen (a listing) when none is given.
     */
    void grantedForTeam(@Nullable String team, java.util.Collection<CitizenId> citizens, AuditAction action,
            String purpose) {
        if (citizens.isEmpty()) {
            log.record(entry(team, null, action, purpose));
        } else {
            log.recordAll(citizens.stream().map(citizen -> entry(team, citizen.value(), action, purpose)).toList());
        }
    }

    /** Refused on a list chosen by a rule, naming the user's team if they have one. */
    void refusedForTeam(@Nullable String team, @Nullable UUID citizenId, AuditAction action, String purpose) {
        log.record(entry(team, citizenId, action, purpose).refused());
    }

    private AuditEntry entry(@Nullable String team, @Nullable UUID citizenId, AuditAction action, String purpose) {
        BrobyggerUser user = users.currentOrFail();
        return AuditEntry.granted(user.username(), role(user), team, citizenId, action, purpose, clientAddress());
    }

    /** The role the user acts in; staff work comes before a manager's or an administrator's. */
    private static Role role(BrobyggerUser user) {
        for (Role role : new Role[] {Role.STAFF, Role.MANAGER, Role.ADMIN, Role.EDITOR, Role.CITIZEN}) {
            if (user.has(role)) {
                return role;
            }
        }
        return user.roles().iterator().next();
    }

    private static @Nullable String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr()
                : null;
    }
}
