package dk.brobygger.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import dk.brobygger.audit.AuditAction;

import org.jspecify.annotations.Nullable;

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

    /** What a worklist or calendar shows of a citizen. */
    public record Summary(CitizenId id, String name, @Nullable District district, int age) {
    }

    private final CitizenRegister register;
    private final CitizenAudit audit;
    private final CitizenAccess access;
    private final Citizens citizens;
    private final Clock clock;

    CitizenRecords(CitizenRegister register, CitizenAudit audit, CitizenAccess access, Citizens citizens, Clock clock) {
        this.register = register;
        this.audit = audit;
        this.access = access;
        this.citizens = citizens;
        this.clock = clock;
    }

    /**
     * Names for a worklist or a calendar: only the citizens the user may see now are returned (the
     * others are left out, never refused one by one), and each one shown is audited with the purpose.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<CitizenId, Summary> summaries(Collection<CitizenId> wanted, String purpose) {
        var visible = access.visibleCitizens();
        var today = LocalDate.now(clock);
        Map<CitizenId, Summary> summaries = new LinkedHashMap<>();
        for (CitizenId id : new LinkedHashSet<>(wanted)) {
            if (!visible.contains(id.value())) {
                continue;
            }
            citizens.find(id).ifPresent(citizen -> {
                audit.granted(id.value(), AuditAction.READ, purpose);
                summaries.put(id, new Summary(id, citizen.name(), citizen.district(), citizen.ageOn(today)));
            });
        }
        return summaries;
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
