package dk.brobygger.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import dk.brobygger.access.BreakTheGlass;
import dk.brobygger.access.Relations;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * Borgerregister: registers, finds and changes citizens on behalf of the logged-in user, always
 * through {@link CitizenAccess}.
 */
@Service
@Transactional
public class CitizenRegister {

    /** What is known about a citizen when they are first registered. */
    public record NewCitizen(CprNumber cpr, String name, Address address, @Nullable District district,
            Contact contact, Circumstances circumstances) {

        /** A citizen registered before anyone knows how to reach them. */
        public NewCitizen(CprNumber cpr, String name, Address address, @Nullable District district,
                Circumstances circumstances) {
            this(cpr, name, address, district, Contact.none(), circumstances);
        }
    }

    /** The whole editable record, as a form or the API sends it back. */
    public record Revision(String name, Address address, @Nullable District district, Contact contact,
            Circumstances circumstances) {
    }

    private final Citizens citizens;
    private final CitizenAccess access;
    private final Users users;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Relations relations;
    private final BreakTheGlass glass;
    private final CitizenAudit audit;

    CitizenRegister(Citizens citizens, CitizenAccess access, Users users, JdbcClient jdbc, Clock clock,
            Relations relations, BreakTheGlass glass, CitizenAudit audit) {
        this.relations = relations;
        this.glass = glass;
        this.audit = audit;
        this.citizens = citizens;
        this.access = access;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Registers a citizen; a CPR number may be registered only once. Whoever registers the citizen
     * is working with them, so the registration starts their need-to-know relation.
     */
    @Transactional
    public CitizenId register(NewCitizen citizen) {
        audit.refusedUnless(access::checkMayRegister, null, AuditAction.CREATE, "Forsøgte at registrere en borger");
        citizen.cpr().requireBornBy(LocalDate.now(clock));
        requireKnown(citizen.district());
        if (citizens.findByCpr(citizen.cpr()).isPresent()) {
            throw new CprAlreadyRegisteredException();
        }
        try {
            String by = currentUser();
            CitizenId id = citizens.save(Citizen.register(citizen.cpr(), citizen.name(), citizen.address(),
                    citizen.district(), citizen.contact(), citizen.circumstances(), by, clock.instant())).id();
            relations.open(id.value(), Relations.Holder.user(by), null, null, "Registrerede borgeren", by);
            audit.granted(id.value(), AuditAction.CREATE, "Registrerede borgeren");
            return id;
        } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
            // Two registrations of one CPR number at once: PostgreSQL lets the second wait and reports the
            // duplicate key, H2 refuses the second at once as a concurrent update of the same unique key. A new
            // citizen's row conflicts with nothing but its CPR number, so both mean "registered already".
            throw new CprAlreadyRegisteredException();
        }
    }

    /** The citizen's record; the read is audited (read-write transaction: the audit record is written with it). */
    @Transactional
    public Citizen get(CitizenId id) {
        checkMaySee(id, AuditAction.READ, READ_PURPOSE);
        var citizen = citizens.find(id).orElseThrow(() -> new NotFoundException("citizen"));
        audit.granted(id.value(), AuditAction.READ, READ_PURPOSE);
        return citizen;
    }

    static final String READ_PURPOSE = "Åbnede borgerens oplysninger";

    /**
     * The citizen with this CPR number, if the user may see them; the search is audited. No transaction of its
     * own: it only reads, and the audit record is committed on its own before the answer (one round trip less).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<Citizen> findByCpr(CprNumber cpr) {
        try {
            access.checkMaySearch();
        } catch (AccessDeniedException e) {
            // Named by the citizen the number belongs to, so the attempt shows in their "who has seen my data".
            audit.refused(citizens.findByCpr(cpr).map(c -> c.id().value()).orElse(null), AuditAction.SEARCH,
                    "Forsøgte at søge en borger frem på CPR-nummer");
            throw e;
        }
        cpr.requireBornBy(LocalDate.now(clock));
        var found = citizens.findByCpr(cpr);
        if (found.isEmpty()) {
            audit.granted(null, AuditAction.SEARCH, "Søgte på et CPR-nummer uden resultat");
            return found;
        }
        try {
            checkMaySee(found.get().id(), AuditAction.SEARCH, "Søgte borgeren frem på CPR-nummer");
        } catch (AccessDeniedException e) {
            throw new NotRelatedException(found.get().id());
        }
        audit.granted(found.get().id().value(), AuditAction.SEARCH, "Søgte borgeren frem på CPR-nummer");
        return found;
    }

    /**
     * Which citizen a message from another system is about (the MedCom intake identifies the patient by CPR
     * number). Only for a user with {@code Role.SYSTEM}: a system has no need-to-know relations, because the
     * message is addressed to the municipality and not to a person, so it gets the citizen's id and never the
     * record. The look-up is audited in the system's name, with the purpose the caller gives.
     */
    @Transactional
    public Optional<CitizenId> identify(CprNumber cpr, String purpose) {
        audit.refusedUnless(access::checkMayIdentify, null, AuditAction.SEARCH, purpose);
        var found = citizens.findByCpr(cpr).map(Citizen::id);
        audit.granted(found.map(CitizenId::value).orElse(null), AuditAction.SEARCH,
                found.isPresent() ? purpose : purpose + " (ukendt CPR-nummer)");
        return found;
    }

    /** For the citizen's other records (consents): the same need-to-know check, refusals audited. */
    void checkMaySee(CitizenId id) {
        checkMaySee(id, AuditAction.READ, "Forsøgte at se borgerens oplysninger");
    }

    /**
     * Refuses (and audits the refusal) unless the current user may change the citizen now; forms
     * ask this before they look at what was typed, so a refusal never tells anything about the input.
     */
    public void checkMayChange(CitizenId id) {
        try {
            access.checkMayChange(id);
        } catch (AccessDeniedException e) {
            audit.refused(id.value(), AuditAction.UPDATE, "Forsøgte at rette borgerens oplysninger");
            throw e;
        }
    }

    /** Checks need-to-know; a refusal is audited before it is passed on. */
    void checkMaySee(CitizenId id, AuditAction action, String purpose) {
        try {
            access.checkMaySee(id);
        } catch (AccessDeniedException e) {
            audit.refused(id.value(), action, purpose);
            throw e;
        }
    }

    /**
     * Saves a revision made from the given version. If someone saved in between, nothing is
     * overwritten: {@link StaleCitizenException} carries what is saved now.
     */
    public Citizen revise(CitizenId id, long fromVersion, Revision revision) {
        try {
            access.checkMayChange(id);
        } catch (AccessDeniedException e) {
            audit.refused(id.value(), AuditAction.UPDATE, "Forsøgte at rette borgerens oplysninger");
            throw e;
        }
        var citizen = citizens.find(id).orElseThrow(() -> new NotFoundException("citizen"));
        if (!Objects.equals(citizen.version(), fromVersion)) {
            throw new StaleCitizenException(citizen);
        }
        requireKnown(revision.district());
        String by = currentUser();
        var now = clock.instant();
        if (!citizen.name().equals(revision.name())) {
            citizen.rename(revision.name(), by, now);
        }
        if (!citizen.address().equals(revision.address()) || !Objects.equals(citizen.district(), revision.district())) {
            citizen.moveTo(revision.address(), revision.district(), by, now);
        }
        if (!citizen.contact().equals(revision.contact())) {
            citizen.reachAt(revision.contact(), by, now);
        }
        if (!citizen.circumstances().equals(revision.circumstances())) {
            citizen.describe(revision.circumstances(), by, now);
        }
        audit.granted(id.value(), AuditAction.UPDATE, "Rettede borgerens oplysninger");
        return citizens.save(citizen);
    }

    /**
     * "Tilknyt borger": an administrator or manager starts a user's relation to a citizen. The
     * visit, course, referral and meeting modules will start and end relations themselves.
     */
    @Transactional
    public void relate(CitizenId id, String username) {
        var by = manager(id, "Forsøgte at tilknytte en medarbejder til borgeren");
        citizens.find(id).orElseThrow(() -> new NotFoundException("citizen"));
        relations.open(id.value(), Relations.Holder.user(username), null, null, "Tilknyttet af " + by.displayName(),
                by.username());
        audit.granted(id.value(), AuditAction.UPDATE, "Tilknyttede medarbejderen " + username + " til borgeren");
    }

    /** Relates a whole team to the citizen: every current member of the team may see the citizen. */
    @Transactional
    void relateTeam(CitizenId id, String team) {
        var by = manager(id, "Forsøgte at tilknytte et team til borgeren");
        citizens.find(id).orElseThrow(() -> new NotFoundException("citizen"));
        relations.open(id.value(), Relations.Holder.team(team), null, null, "Tilknyttet af " + by.displayName(),
                by.username());
        audit.granted(id.value(), AuditAction.UPDATE, "Tilknyttede teamet " + team + " til borgeren");
    }

    /** A district citizens may belong to, for forms to choose from. */
    public record DistrictOption(String code, String name) {
    }

    /** The municipality's districts, by code. */
    @Transactional(readOnly = true)
    public java.util.List<DistrictOption> districts() {
        return jdbc.sql("SELECT code, name FROM district ORDER BY code")
                .query((rs, row) -> new DistrictOption(rs.getString("code"), rs.getString("name"))).list();
    }

    /** Who works with the citizen now, and who did before: seen under need-to-know like the record itself. */
    @Transactional
    public java.util.List<Relations.Relation> relations(CitizenId id) {
        checkMaySee(id, AuditAction.READ, "Så hvem der arbejder med borgeren");
        audit.granted(id.value(), AuditAction.READ, "Så hvem der arbejder med borgeren");
        return relations.relationsTo(id.value());
    }

    /** Refuses, and audits the refusal, unless the current user relates users and teams to citizens. */
    void checkMayRelate(CitizenId id) {
        manager(id, "Forsøgte at tilknytte en medarbejder eller et team til borgeren");
    }

    /** May the current user relate users and teams to citizens ("tilknyt borger")? */
    boolean mayRelate() {
        return users.current().filter(user -> user.has(Role.ADMIN) || user.has(Role.MANAGER)).isPresent();
    }

    /**
     * Ends one relation ("afslut tilknytning"): administrators and managers end any, a member of
     * staff only their own, when the work is done. The history keeps who ended it and when.
     */
    @Transactional
    Relations.Relation endRelation(CitizenId id, long relationId) {
        var user = users.currentOrFail();
        boolean manages = user.has(Role.ADMIN) || user.has(Role.MANAGER);
        if (!manages) {
            checkMayChange(id);
        }
        var relation = relations.relationsTo(id.value()).stream()
                .filter(candidate -> candidate.id() == relationId && candidate.isActive()).findFirst();
        if (relation.isEmpty() || !(manages || user.username().equals(relation.get().username()))) {
            if (relation.isPresent()) {
                audit.refused(id.value(), AuditAction.UPDATE, "Forsøgte at afslutte en andens tilknytning til borgeren");
                throw new AccessDeniedException("Only administrators and managers end other people's relations");
            }
            throw new NotFoundException("relation");
        }
        relations.end(id.value(), relationId, user.username());
        var ended = relation.get();
        audit.granted(id.value(), AuditAction.UPDATE, ended.team() != null
                ? "Afsluttede teamet " + ended.team() + "s tilknytning til borgeren"
                : "Afsluttede " + ended.username() + "s tilknytning til borgeren");
        return ended;
    }

    /** Breaks the glass: time-limited access to a citizen without a relation, with a written reason. */
    @Transactional
    public BreakTheGlass.GlassBroken breakTheGlass(CitizenId id, String reason) {
        audit.refusedUnless(access::checkMaySearch, id.value(), AuditAction.BREAK_THE_GLASS,
                "Forsøgte at bryde glasset til borgeren");
        citizens.find(id).orElseThrow(() -> new NotFoundException("citizen"));
        var broken = glass.breakTheGlass(users.currentOrFail(), id.value(), reason);
        audit.granted(id.value(), AuditAction.BREAK_THE_GLASS, broken.reason());
        return broken;
    }

    /** The current user if they relate users and teams to citizens; a refusal is audited. */
    private dk.brobygger.access.BrobyggerUser manager(CitizenId id, String purpose) {
        var user = users.currentOrFail();
        if (!user.has(Role.ADMIN) && !user.has(Role.MANAGER)) {
            audit.refused(id.value(), AuditAction.UPDATE, purpose);
            throw new AccessDeniedException("Only administrators and managers relate users and teams");
        }
        return user;
    }

    private void requireKnown(@Nullable District district) {
        if (district != null && jdbc.sql("SELECT COUNT(*) FROM district WHERE code = :code")
                .param("code", district.code()).query(Long.class).single() == 0) {
            throw new DomainException("citizen.district.unknown");
        }
    }

    private String currentUser() {
        return users.currentOrFail().username();
    }

    /** The CPR number belongs to a citizen who is already registered. */
    public static class CprAlreadyRegisteredException extends RuntimeException {
        CprAlreadyRegisteredException() {
            super("citizen.cpr.taken");
        }
    }

    /**
     * The CPR number belongs to a citizen the user does not work with. It names the citizen only so the
     * user's own page can offer to break the glass; the API answers a plain refusal.
     */
    public static class NotRelatedException extends AccessDeniedException {
        private final CitizenId citizen;

        NotRelatedException(CitizenId citizen) {
            super("No active relation to the citizen");
            this.citizen = citizen;
        }

        public CitizenId citizen() {
            return citizen;
        }
    }

    /** Someone else saved the citizen after the version the change was made from. */
    public static class StaleCitizenException extends RuntimeException {
        private final transient Citizen current;

        StaleCitizenException(Citizen current) {
            super("citizen.conflict");
            this.current = current;
        }

        public Citizen current() {
            return current;
        }
    }
}
