package dk.brobygger.citizen;

import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.audit.AuditEntry;
import dk.brobygger.audit.AuditLog;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes every read, change and refused attempt on a citizen to the audit log. A granted access
 * is recorded in the same transaction as the access, so if the record cannot be written the
 * access fails too; a refusal is recorded in a transaction of its own, because the refused
 * request itself rolls back.
 */
@Component
class CitizenAudit {

    private final AuditLog log;
    private final Users users;
    private final TransactionTemplate separately;

    CitizenAudit(AuditLog log, Users users, PlatformTransactionManager transactions) {
        this.log = log;
        this.users = users;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void granted(@Nullable UUID citizenId, AuditAction action, String purpose) {
        log.record(entry(citizenId, action, purpose));
    }

    void refused(@Nullable UUID citizenId, AuditAction action, String purpose) {
        var entry = entry(citizenId, action, purpose).refused();
        separately.executeWithoutResult(status -> log.record(entry));
    }

    private AuditEntry entry(@Nullable UUID citizenId, AuditAction action, String purpose) {
        BrobyggerUser user = users.currentOrFail();
        return AuditEntry.granted(user.username(), role(user), null, citizenId, action, purpose, clientAddress());
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
