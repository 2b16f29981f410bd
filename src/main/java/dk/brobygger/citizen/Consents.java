package dk.brobygger.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one consent service every module asks before it shares: {@link #require} refuses with a
 * Danish message naming the missing consent. Recording, reading and withdrawing consents pass the
 * need-to-know policy and are audited like any other access to the citizen.
 */
@Service
class Consents {

    /** A consent as it is given. */
    public record Grant(@Nullable ConsentParty party, @Nullable String partyName, String scope, LocalDate givenOn,
            @Nullable LocalDate validUntil) {
    }

    private final JdbcClient jdbc;
    private final CitizenRegister register;
    private final CitizenAudit audit;
    private final Users users;
    private final ApplicationEventPublisher announcements;
    private final Clock clock;

    Consents(JdbcClient jdbc, CitizenRegister register, CitizenAudit audit, Users users,
            ApplicationEventPublisher announcements, Clock clock) {
        this.announcements = announcements;
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public Consent record(CitizenId citizen, Grant grant) {
        register.checkMayChange(citizen);
        ConsentParty party = grant.party();
        if (party == null) {
            throw new DomainException("consent.party.unknown");
        }
        String scope = Texts.required(grant.scope(), 1000, "consent.scope.missing", "consent.scope.tooLong");
        String partyName = Texts.optional(grant.partyName(), 200, "consent.partyName.tooLong");
        if (party == ConsentParty.ASSOCIATION && partyName == null) {
            throw new DomainException("consent.partyName.association");
        }
        if (grant.validUntil() != null && grant.validUntil().isBefore(grant.givenOn())) {
            throw new DomainException("consent.validUntil.beforeGiven");
        }
        if (grant.givenOn().isAfter(LocalDate.now(clock))) {
            throw new DomainException("consent.givenOn.future");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO consent (id, citizen_id, party, party_name, scope, given_on, valid_until, recorded_by,
                                     recorded_at)
                VALUES (:id, :citizen, :party, :partyName, :scope, :givenOn, :validUntil, :by, :at)
                """).param("id", id).param("citizen", citizen.value()).param("party", party.name())
                .param("partyName", partyName).param("scope", scope).param("givenOn", grant.givenOn())
                .param("validUntil", grant.validUntil()).param("by", users.currentOrFail().username())
                .param("at", Timestamp.from(clock.instant())).update();
        audit.granted(citizen.value(), AuditAction.CREATE, "Registrerede samtykke til deling med " + party.danishName());
        return find(id);
    }

    /** Every consent the citizen has given, withdrawn ones too (the history), newest first. */
    @Transactional
    public List<Consent> of(CitizenId citizen) {
        register.checkMaySee(citizen);
        audit.granted(citizen.value(), AuditAction.READ, "Så borgerens samtykker");
        return jdbc.sql("SELECT * FROM consent WHERE citizen_id = :citizen ORDER BY recorded_at DESC, id")
                .param("citizen", citizen.value()).query(Consents::consent).list();
    }

    @Transactional
    public Consent withdraw(CitizenId citizen, UUID consentId) {
        register.checkMayChange(citizen);
        int changed = jdbc.sql("""
                UPDATE consent SET withdrawn_at = :at, withdrawn_by = :by
                 WHERE id = :id AND citizen_id = :citizen AND withdrawn_at IS NULL
                """).param("at", Timestamp.from(clock.instant())).param("by", users.currentOrFail().username())
                .param("id", consentId).param("citizen", citizen.value()).update();
        if (changed == 0) {
            throw new NotFoundException("consent");
        }
        audit.granted(citizen.value(), AuditAction.UPDATE, "Registrerede at et samtykke er trukket tilbage");
        var withdrawn = find(consentId);
        announcements.publishEvent(new ConsentWithdrawn(citizen, withdrawn.party(), withdrawn.partyName()));
        return withdrawn;
    }

    /**
     * Refuses sharing with {@code party} (a named one, if given) unless a consent is in force today.
     * The refusal names the missing consent in Danish. Modules share through {@link CitizenRecords#share},
     * which asks this, audits, and checks who is sharing.
     */
    void require(CitizenId citizen, ConsentParty party, @Nullable String partyName) {
        LocalDate today = LocalDate.now(clock);
        boolean given = jdbc.sql("SELECT * FROM consent WHERE citizen_id = :citizen AND party = :party")
                .param("citizen", citizen.value()).param("party", party.name()).query(Consents::consent).list()
                .stream().anyMatch(consent -> consent.isInForceOn(today) && consent.covers(party, partyName));
        if (!given) {
            throw new ConsentMissingException(party, partyName == null ? "" : partyName);
        }
    }

    /**
     * Of {@code citizens}, those with a consent to share with {@code party} (a named one, if given) in force today:
     * the same rule as {@link #require}, for a page of citizens in one query.
     */
    java.util.Set<CitizenId> inForce(java.util.Collection<CitizenId> citizens, ConsentParty party,
            @Nullable String partyName) {
        if (citizens.isEmpty()) {
            return java.util.Set.of();
        }
        LocalDate today = LocalDate.now(clock);
        var allowed = new java.util.HashSet<CitizenId>();
        jdbc.sql("SELECT * FROM consent WHERE citizen_id IN (:citizens) AND party = :party")
                .param("citizens", citizens.stream().map(CitizenId::value).distinct().toList())
                .param("party", party.name()).query(Consents::consent).list().stream()
                .filter(consent -> consent.isInForceOn(today) && consent.covers(party, partyName))
                .forEach(consent -> allowed.add(consent.citizen()));
        return allowed;
    }

    private Consent find(UUID id) {
        return jdbc.sql("SELECT * FROM consent WHERE id = :id").param("id", id).query(Consents::consent).single();
    }

    static Consent consent(ResultSet rs, int row) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        var validUntil = rs.getDate("valid_until");
        return new Consent(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                ConsentParty.valueOf(rs.getString("party")), rs.getString("party_name"), rs.getString("scope"),
                rs.getDate("given_on").toLocalDate(), validUntil == null ? null : validUntil.toLocalDate(),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
                withdrawn == null ? null : withdrawn.toInstant(), rs.getString("withdrawn_by"));
    }
}
