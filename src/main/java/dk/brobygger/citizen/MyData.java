package dk.brobygger.citizen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Relations;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.audit.AuditLog;
import dk.brobygger.audit.CitizenAccess;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mine data: what a logged-in citizen sees and does with their own record. Need-to-know is for
 * staff; a citizen always reaches their own record and nobody else's, and every read, withdrawal
 * and download is audited as the citizen's own access.
 */
@Service
class MyData {

    /** The citizen's own page: record, current network and every consent, withdrawn ones too. */
    public record Overview(Citizen citizen, List<NetworkMember> network, List<Consent> consents) {
    }

    /**
     * Everything Brobygger holds about the citizen, for "download mine data": the record, network, consents,
     * relations and access report, and every other module's part ({@link CitizenContribution#export}: visits,
     * offers, scores, hospital events, outreach, tasks …).
     */
    public record Export(Instant madeAt, Citizen citizen, List<NetworkMember> network, List<Consent> consents,
            List<Relations.Relation> relations, List<CitizenAccess> accesses, List<CitizenContribution.ExportPart> parts) {

        public Export {
            parts = List.copyOf(parts);
        }
    }

    /** The citizen module's own kinds: the export has them in its own fields (network, consents, relations). */
    private static final java.util.Set<String> OWN_KINDS = java.util.Set.of("citizen.network", "citizen.consent",
            "citizen.relation");

    private final Users users;
    private final Citizens citizens;
    private final JdbcClient jdbc;
    private final Relations relations;
    private final AuditLog auditLog;
    private final CitizenAudit audit;
    private final Clock clock;
    private final List<CitizenContribution> contributions;

    MyData(Users users, Citizens citizens, JdbcClient jdbc, Relations relations, AuditLog auditLog,
            CitizenAudit audit, Clock clock, List<CitizenContribution> contributions) {
        this.contributions = contributions.stream().filter(contribution -> !OWN_KINDS.contains(contribution.kind()))
                .sorted(java.util.Comparator.comparing(CitizenContribution::kind)).toList();
        this.users = users;
        this.citizens = citizens;
        this.jdbc = jdbc;
        this.relations = relations;
        this.auditLog = auditLog;
        this.audit = audit;
        this.clock = clock;
    }

    /** The own record, network and consents; empty when the login is linked to no citizen. */
    @Transactional
    public Optional<Overview> overview() {
        return own().map(citizen -> {
            var overview = new Overview(citizen, network(citizen.id()), consents(citizen.id()));
            audit.granted(citizen.id().value(), AuditAction.READ, "Borgeren så sine egne oplysninger, sit netværk og sine samtykker");
            return overview;
        });
    }

    /** "Hvem har set mine oplysninger": every granted access to the own record, newest first. */
    @Transactional(readOnly = true)
    public List<CitizenAccess> accesses() {
        return auditLog.accessesTo(ownId().value());
    }

    /** One of the citizen's own consents, e.g. to ask "are you sure?" before withdrawing it. */
    @Transactional
    public Consent consent(UUID consentId) {
        CitizenId own = ownId();
        var consent = find(consentId).filter(found -> found.citizen().equals(own));
        if (consent.isEmpty()) {
            refuseIfSomeoneElses(consentId, AuditAction.READ, "Borger forsøgte at se et samtykke, der ikke er borgerens eget");
            throw new NotFoundException("consent");
        }
        audit.granted(own.value(), AuditAction.READ, "Borgeren så et af sine samtykker");
        return consent.get();
    }

    /**
     * The citizen withdraws one of their own consents: sharing stops now, and the consent stays in
     * the history marked withdrawn by the citizen. Another citizen's consent looks as if it did not
     * exist, and the attempt is audited as refused.
     */
    @Transactional
    public Consent withdraw(UUID consentId) {
        CitizenId own = ownId();
        var consent = find(consentId).filter(found -> found.citizen().equals(own));
        if (consent.isEmpty()) {
            refuseIfSomeoneElses(consentId, AuditAction.UPDATE, "Borger forsøgte at trække et samtykke tilbage, der ikke er borgerens eget");
            throw new NotFoundException("consent");
        }
        if (consent.get().withdrawnAt() != null) {
            throw new DomainException("mydata.consent.alreadyWithdrawn");
        }
        jdbc.sql("""
                UPDATE consent SET withdrawn_at = :at, withdrawn_by = :by
                 WHERE id = :id AND citizen_id = :citizen AND withdrawn_at IS NULL
                """).param("at", Timestamp.from(clock.instant())).param("by", citizenUser().username())
                .param("id", consentId).param("citizen", own.value()).update();
        audit.granted(own.value(), AuditAction.UPDATE,
                "Borgeren trak sit samtykke til deling med " + consent.get().party().danishName() + " tilbage");
        return find(consentId).orElseThrow();
    }

    /**
     * Everything Brobygger holds about the citizen: record, network, consents with their history, who
     * works with them and the access report. Audited as an export, in the named format.
     */
    @Transactional
    public Export export(String format) {
        Citizen citizen = own().orElseThrow(NoOwnRecordException::new);
        CitizenId id = citizen.id();
        var export = new Export(clock.instant(), citizen, network(id), consents(id), relations.relationsTo(id.value()),
                auditLog.accessesTo(id.value()),
                contributions.stream().map(contribution -> contribution.export(id)).toList());
        audit.granted(id.value(), AuditAction.EXPORT, "Borgeren hentede en kopi af alle sine oplysninger (" + format + ")");
        return export;
    }

    private List<NetworkMember> network(CitizenId citizen) {
        return jdbc.sql("""
                SELECT * FROM network_member WHERE citizen_id = :citizen AND removed_at IS NULL
                 ORDER BY closeness, kind, name, id
                """).param("citizen", citizen.value()).query(Networks::member).list();
    }

    private List<Consent> consents(CitizenId citizen) {
        return jdbc.sql("SELECT * FROM consent WHERE citizen_id = :citizen ORDER BY recorded_at DESC, id")
                .param("citizen", citizen.value()).query(Consents::consent).list();
    }

    private Optional<Consent> find(UUID consentId) {
        return jdbc.sql("SELECT * FROM consent WHERE id = :id").param("id", consentId).query(Consents::consent).optional();
    }

    /** A citizen who tries another citizen's consent is refused; the owner's audit log shows the attempt. */
    private void refuseIfSomeoneElses(UUID consentId, AuditAction action, String purpose) {
        find(consentId).ifPresent(other -> audit.refused(other.citizen().value(), action, purpose));
    }

    private Optional<Citizen> own() {
        return users.citizenOf(citizenUser().username()).flatMap(id -> citizens.find(new CitizenId(id)));
    }

    /** The logged-in citizen's own id; refused for anybody but a citizen. */
    CitizenId ownId() {
        return own().map(Citizen::id).orElseThrow(NoOwnRecordException::new);
    }

    private BrobyggerUser citizenUser() {
        var user = users.currentOrFail();
        if (!user.has(Role.CITIZEN)) {
            throw new AccessDeniedException("Only citizens have their own record");
        }
        return user;
    }

    /** The citizen's login is linked to no record in Brobygger. */
    public static class NoOwnRecordException extends RuntimeException {
        NoOwnRecordException() {
            super("mydata.none");
        }
    }
}
