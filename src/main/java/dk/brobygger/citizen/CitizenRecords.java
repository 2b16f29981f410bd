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
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one gate for every module's records about a citizen (visits, outreach items, scores, hospital events,
 * tasks, and later referrals, courses, meetings, crisis contacts): the same need-to-know check as the citizen
 * record itself, and the access audited with its purpose before it happens (the record is committed first, see
 * {@link dk.brobygger.audit.AuditLog}; if it cannot be written the call throws and the caller's transaction rolls
 * back), so an access that cannot be audited does not happen. Refusals are audited too, with the caller's
 * purpose, then passed on as {@link org.springframework.security.access.AccessDeniedException}.
 *
 * <p>Sharing with a party outside the municipality's staff ({@link #share}) also asks the citizen's
 * {@link Consents}. Records about someone without identity ({@link AnonymousSubject}) pass the same gate
 * without ever touching the register or a citizen's audit trail.
 */
@Service
public class CitizenRecords {

    /** What a worklist or calendar shows of a citizen. */
    public record Summary(CitizenId id, String name, @Nullable District district, int age,
            @Nullable String address) {

        static @Nullable String address(@Nullable String street, @Nullable String postcode) {
            String line = street == null ? "" : street.strip();
            String code = postcode == null ? "" : postcode.strip();
            String both = line.isEmpty() ? code : code.isEmpty() ? line : line + ", " + code;
            return both.isEmpty() ? null : both;
        }
    }

    private final CitizenRegister register;
    private final CitizenAudit audit;
    private final CitizenAccess access;
    private final Citizens citizens;
    private final Consents consents;
    private final dk.brobygger.access.Users users;
    private final JdbcClient jdbc;
    private final Clock clock;

    CitizenRecords(CitizenRegister register, CitizenAudit audit, CitizenAccess access, Citizens citizens,
            Consents consents, dk.brobygger.access.Users users, JdbcClient jdbc, Clock clock) {
        this.users = users;
        this.citizens = citizens;
        this.consents = consents;
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
        // Need-to-know in the query (one round trip per thousand ids, not one per citizen). The ids go inside the
        // policy's subquery, so that PostgreSQL looks up these citizens' relations instead of listing every citizen
        // a large team sees (Én indgang's host team: 100,000; issue 16's benchmark).
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT id, name, district, birth_date, address, postcode FROM citizen WHERE id IN ("
                            + "SELECT ntk_v.citizen_id FROM (" + visible.get().sql() + ") ntk_v"
                            + " WHERE ntk_v.citizen_id IN (:ids))")
                    .param("ids", ids.subList(from, Math.min(from + CHUNK, ids.size())))
                    .params(visible.get().params())
                    .query((rs, row) -> {
                        var id = new CitizenId(rs.getObject("id", UUID.class));
                        String district = rs.getString("district");
                        return new Summary(id, rs.getString("name"), district == null ? null : new District(district),
                                java.time.Period.between(rs.getObject("birth_date", LocalDate.class), today).getYears(),
                                Summary.address(rs.getString("address"), rs.getString("postcode")));
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
        register.checkMaySee(citizen, AuditAction.READ, purpose);
        audit.granted(citizen.value(), AuditAction.READ, purpose);
    }

    /**
     * Before showing a module's page about the citizen: the same as {@link #read(CitizenId, String)}, and the
     * citizen's record for the page's heading (one audit record, with the module's purpose).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Citizen readWithHeading(CitizenId citizen, String purpose) {
        read(citizen, purpose);
        return citizens.find(citizen).orElseThrow(() -> new NotFoundException("citizen"));
    }

    /**
     * The logged-in citizen's own record, before a module shows or changes what it keeps about them in
     * {@code /mig}: a citizen always reaches their own record and nobody else's, and the access is audited as the
     * citizen's own with {@code purpose}. Refused for anybody but a citizen; empty when the login is linked to no
     * record.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Optional<Citizen> own(AuditAction action, String purpose) {
        var user = users.currentOrFail();
        if (!user.has(dk.brobygger.access.Role.CITIZEN)) {
            throw new AccessDeniedException("Only citizens have their own record");
        }
        var citizen = users.citizenOf(user.username()).flatMap(id -> citizens.find(new CitizenId(id)));
        citizen.ifPresent(own -> audit.granted(own.id().value(), action, purpose));
        return citizen;
    }

    /**
     * A citizen tried a record that is another citizen's: the other citizen's audit log shows the refused attempt
     * (the caller then answers "not found").
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refusedOwn(CitizenId other, AuditAction action, String purpose) {
        audit.refused(other.value(), action, purpose);
    }

    /** Before creating or changing a record about the citizen. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void change(CitizenId citizen, AuditAction action, String purpose) {
        try {
            access.checkMayChange(citizen);
        } catch (AccessDeniedException e) {
            audit.refused(citizen.value(), action, purpose);
            throw e;
        }
        audit.granted(citizen.value(), action, purpose);
    }

    /**
     * Before a record about someone, with or without identity. A citizen passes {@link #read(CitizenId, String)}
     * or {@link #change}; someone anonymous may be worked with by any member of staff, and the audit record
     * names no citizen (the subject's own id is in the purpose, so the log still shows which record was
     * touched), so nothing of it reaches the register or a citizen's "who has seen my data".
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void access(Subject subject, AuditAction action, String purpose) {
        switch (subject) {
            case CitizenId citizen when action == AuditAction.READ -> read(citizen, purpose);
            case CitizenId citizen -> change(citizen, action, purpose);
            case AnonymousSubject anonymous -> {
                try {
                    access.checkMayRegister();
                } catch (AccessDeniedException e) {
                    audit.refused(null, action, purpose + " (anonym " + anonymous.value() + ")");
                    throw e;
                }
                audit.granted(null, action, purpose + " (anonym " + anonymous.value() + ")");
            }
        }
    }

    /**
     * Before sharing a record about the citizen with a party outside the municipality's staff (an association,
     * a volunteer, a relative, the region, the GP): the current user must be allowed to see the citizen (or be a
     * system acting for the municipality), and the citizen must have a consent in force that covers the party.
     * Without one the sharing is refused with a Danish message naming the missing consent
     * ({@link ConsentMissingException}), and the refusal is audited.
     *
     * @param partyName which association or relative, when it matters; a consent naming another refuses
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void share(CitizenId citizen, ConsentParty party, @Nullable String partyName, String purpose) {
        String what = purpose + " (delt med " + (partyName == null ? party.danishName() : partyName) + ")";
        if (!isSystem()) {
            register.checkMaySee(citizen, AuditAction.SHARE, what);
        }
        try {
            consents.require(citizen, party, partyName);
        } catch (ConsentMissingException e) {
            audit.refused(citizen.value(), AuditAction.SHARE, what + " uden samtykke");
            throw e;
        }
        audit.granted(citizen.value(), AuditAction.SHARE, what);
    }

    /**
     * A party outside the municipality's staff (an association's contact person) reads what was shared with it
     * about citizens (a referral's first name, contact route and the citizen's own words). It has no need-to-know
     * relation; what it may read rests on the citizen's consent alone: only the citizens whose consent to share
     * with that party is in force today are returned, each audited as read, so a withdrawn consent ends the
     * party's view at once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.Set<CitizenId> readAsParty(Collection<CitizenId> wanted, ConsentParty party, String partyName,
            String purpose) {
        // Not shown: those whose consent it was shared under is no longer in force (one query for the page).
        var inForce = consents.inForce(wanted, party, partyName);
        var allowed = new java.util.LinkedHashSet<CitizenId>();
        new LinkedHashSet<>(wanted).stream().filter(inForce::contains).forEach(allowed::add);
        audit.grantedEach(allowed.stream().map(CitizenId::value).toList(), AuditAction.READ,
                purpose + " (" + partyName + ")");
        return allowed;
    }

    /**
     * A system delivering messages about citizens (the MedCom intake, {@code Role.SYSTEM}) writes what the message
     * says into a module's record about the citizen it was identified as ({@link CitizenRegister#identify}). The
     * system sees nothing of the citizen; the change is audited in its name.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeFromSystem(CitizenId citizen, AuditAction action, String purpose) {
        audit.refusedUnless(access::checkMayIdentify, citizen.value(), action, purpose);
        audit.granted(citizen.value(), action, purpose);
    }

    /**
     * Work the system does on its own, with nobody logged in (a listener after another module's commit, a
     * scheduled job), writes a module's record about the citizen: audited in the name {@link CitizenWork#SYSTEM}
     * (should a person be logged in after all, it is that person's change, and passes {@link #change} with its
     * need-to-know check).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeBySystem(CitizenId citizen, AuditAction action, String purpose) {
        if (users.current().isPresent()) {
            change(citizen, action, purpose);
            return;
        }
        audit.grantedOrSystem(citizen.value(), action, purpose);
    }

    /**
     * An administrator reviews a message another system sent about a citizen that could not be applied (an
     * unknown CPR number, a duplicate): administering the intake, not working with the citizen, so it needs no
     * relation, but it is audited on the citizen it names, if any.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void reviewAsAdministrator(@Nullable CitizenId citizen, String purpose) {
        var user = users.current().filter(candidate -> candidate.has(dk.brobygger.access.Role.ADMIN));
        if (user.isEmpty()) {
            audit.refused(citizen == null ? null : citizen.value(), AuditAction.READ, purpose);
            throw new AccessDeniedException("Only administrators review messages that could not be applied");
        }
        audit.granted(citizen == null ? null : citizen.value(), AuditAction.READ, purpose);
    }

    private boolean isSystem() {
        try {
            access.checkMayIdentify();
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
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
