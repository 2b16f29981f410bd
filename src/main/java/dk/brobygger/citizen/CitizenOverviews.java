package dk.brobygger.citizen;

import java.util.List;

import dk.brobygger.audit.AuditAction;
import dk.brobygger.shared.NotFoundException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen overview page's data in one go: one need-to-know check, the record and the network read in
 * one read-only transaction, and both reads audited in one append, so the page waits for one audit commit
 * instead of two. The audit records are the same as {@link CitizenRegister#get} and {@link Networks#of} write.
 */
@Service
class CitizenOverviews {

    private final CitizenRegister register;
    private final Citizens citizens;
    private final Networks networks;
    private final CitizenAudit audit;

    CitizenOverviews(CitizenRegister register, Citizens citizens, Networks networks, CitizenAudit audit) {
        this.register = register;
        this.citizens = citizens;
        this.networks = networks;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public CitizenOverview of(CitizenId id) {
        register.checkMaySee(id, AuditAction.READ, CitizenRegister.READ_PURPOSE);
        var citizen = citizens.find(id).orElseThrow(() -> new NotFoundException("citizen"));
        var network = networks.current(id);
        audit.grantedAll(id.value(), AuditAction.READ, List.of(CitizenRegister.READ_PURPOSE, Networks.READ_PURPOSE));
        return new CitizenOverview(citizen, network);
    }
}
