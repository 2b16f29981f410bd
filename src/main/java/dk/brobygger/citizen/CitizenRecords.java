package dk.brobygger.citizen;

import dk.brobygger.audit.AuditAction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate for other modules' records about a citizen (visits, scores, hospital events …): the
 * same need-to-know check as the citizen record itself, and the access audited with its purpose in
 * the caller's transaction, so an access that cannot be audited does not happen. Refusals are
 * audited too, then passed on as {@link org.springframework.security.access.AccessDeniedException}.
 */
@Service
public class CitizenRecords {

    private final CitizenRegister register;
    private final CitizenAudit audit;

    CitizenRecords(CitizenRegister register, CitizenAudit audit) {
        this.register = register;
        this.audit = audit;
    }

    /** Before showing a record about the citizen; {@code purpose} is plain Danish for the citizen's report. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void read(CitizenId citizen, String purpose) {
        register.checkMaySee(citizen);
        audit.granted(citizen.value(), AuditAction.READ, purpose);
    }

    /** Before creating or changing a record about the citizen. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void change(CitizenId citizen, AuditAction action, String purpose) {
        register.checkMayChange(citizen);
        audit.granted(citizen.value(), action, purpose);
    }
}
