package dk.brobygger.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.audit.AuditAction;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate for other modules' records about a citizen (visits, scores, hospital events …): the
 * same need-to-know check as the citizen record itself, and the access audited with its purpose before
 * it happens (the record is committed first, see {@link dk.brobygger.audit.AuditLog}; if it cannot be
 * written the call throws and the caller's transaction rolls back), so an access that cannot be audited
 * does not happen. Refusals are audited too, then passed on as
 * {@link org.springframework.security.access.AccessDeniedException}.
 */
@Service
public class CitizenRecords {

    /** What a worklist or calendar shows of a citizen. */
    public record Summary(CitizenId id, String name, @Nullable District district, int age) {
    }

    private final CitizenRegister register;
    private final CitizenAudit audit;
    private final CitizenAccess access;
    private final JdbcClient jdbc;
    private final Clock clock;

    CitizenRecords(CitizenRegister register, CitizenAudit audit, CitizenAccess access, JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Names for a worklist or a calendar: only the citizens the user may see now are returned (the
     * others are left out, never refused one by one), and each one shown is audited with the purpose.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<CitizenId, Summary> summaries(Collection<CitizenId> wanted, String purpose) {
        var visible = access.visibleCitizensQuery();
        if (wanted.isEmpty() || visible.isEmpty()) {
            return Map.of();
        }
        var today = LocalDate.now(clock);
        var ids = new ArrayList<>(new LinkedHashSet<>(wanted.stream().map(CitizenId::value).toList()));
        Map<UUID, Summary> found = new HashMap<>();
        // Need-to-know in the query (one round trip per thousand ids, not one per citizen).
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT id, name, district, birth_date FROM citizen WHERE id IN (:ids) AND id IN ("
                            + visible.get().sql() + ")")
                    .param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
                    .params(visible.get().params())
                    .query((rs, row) -> {
                        var id = new CitizenId(rs.getObject("id", UUID.class));
                        String district = rs.getString("district");
                        return new Summary(id, rs.getString("name"), district == null ? null : new District(district),
                                java.time.Period.between(rs.getObject("birth_date", LocalDate.class), today).getYears());
                    })
                    .list()
                    .forEach(summary -> found.put(summary.id().value(), summary));
        }
        Map<CitizenId, Summary> summaries = new LinkedHashMap<>();
        ids.stream().filter(found::containsKey).forEach(id -> summaries.put(new CitizenId(id), found.get(id)));
        // Each citizen shown is audited, all in one append (one wait for the audit commit).
        audit.grantedEach(summaries.keySet().stream().map(CitizenId::value).toList(), AuditAction.READ, purpose);
        return summaries;
    }

    private static final int CHUNK = 1_000;

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

    /**
     * Need-to-know for a change, asked before the input is looked at, so a refusal tells nothing about it.
     * A refusal is audited with the purpose; a grant is not, the change itself passes {@link #change}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkMayChange(CitizenId citizen, String purpose) {
        try {
            access.checkMayChange(citizen);
        } catch (org.springframework.security.access.AccessDeniedException e) {
            audit.refused(citizen.value(), AuditAction.UPDATE, purpose);
            throw e;
        }
    }
}
