package dk.brobygger.outreach;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ægtefælle/samlever: which two registered citizens are married or live together. The citizen
 * module's network names people in words, not as citizens, so this link is kept here; it is what
 * turns one citizen's death (MORS) into "mistet ægtefælle" for the other. Linking needs need-to-know
 * to both citizens and is audited on both.
 */
@Service
class Partners {

    private final JdbcClient jdbc;
    private final CitizenRecords records;
    private final Users users;
    private final Clock clock;

    Partners(JdbcClient jdbc, CitizenRecords records, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    /** Need-to-know to the citizen, before anything else is looked at. */
    @Transactional
    public void checkMayChange(CitizenId citizen) {
        records.checkMayChange(citizen, "Registrerede borgerens ægtefælle/samlever");
    }

    @Transactional
    public void link(CitizenId citizen, CitizenId partner) {
        if (citizen.equals(partner)) {
            throw new DomainException("outreach.partner.self");
        }
        records.checkMayChange(citizen, "Registrerede borgerens ægtefælle/samlever");
        records.checkMayChange(partner, "Registrerede borgerens ægtefælle/samlever");
        if (partnersOf(citizen.value()).contains(partner.value())) {
            throw new DomainException("outreach.partner.exists");
        }
        jdbc.sql("""
                INSERT INTO outreach_partner (id, citizen_id, partner_id, recorded_by, recorded_at)
                VALUES (:id, :citizen, :partner, :by, :at)
                """).param("id", UUID.randomUUID()).param("citizen", citizen.value()).param("partner", partner.value())
                .param("by", users.currentOrFail().username()).param("at", Timestamp.from(clock.instant())).update();
        records.change(citizen, AuditAction.UPDATE, "Registrerede borgerens ægtefælle/samlever");
        records.change(partner, AuditAction.UPDATE, "Registrerede borgerens ægtefælle/samlever");
    }

    @Transactional
    public void end(CitizenId citizen, CitizenId partner) {
        records.change(citizen, AuditAction.UPDATE, "Afsluttede ægtefælle/samlever");
        int ended = jdbc.sql("""
                UPDATE outreach_partner SET ended_at = :at
                 WHERE ended_at IS NULL AND ((citizen_id = :a AND partner_id = :b) OR (citizen_id = :b AND partner_id = :a))
                """).param("at", Timestamp.from(clock.instant())).param("a", citizen.value())
                .param("b", partner.value()).update();
        if (ended == 0) {
            throw new NotFoundException("partner");
        }
    }

    /** The citizen's current partners, either way round. No access check: the system asks, not a person. */
    List<UUID> partnersOf(UUID citizen) {
        return jdbc.sql("""
                SELECT partner_id FROM outreach_partner WHERE citizen_id = :citizen AND ended_at IS NULL
                UNION
                SELECT citizen_id FROM outreach_partner WHERE partner_id = :citizen AND ended_at IS NULL
                """).param("citizen", citizen).query(UUID.class).list();
    }
}
