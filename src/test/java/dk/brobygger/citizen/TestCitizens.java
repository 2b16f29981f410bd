package dk.brobygger.citizen;

import dk.brobygger.shared.ClusterJobs;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.BreakTheGlass;
import dk.brobygger.access.Relations;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/** Test data for citizens: {@link #reset()} leaves no citizens and the districts ØST and VEST. */
@Component
public class TestCitizens {

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Citizens citizens;
    private final Relations relations;
    private final BreakTheGlass glass;
    private final AuditLog auditLog;
    private final Users users;
    private final Clock clock;
    private final PlatformTransactionManager transactions;
    private final ApplicationEventPublisher events;
    private final List<CitizenContribution> contributions;

    TestCitizens(JdbcClient jdbc, ClusterJobs jobs, Citizens citizens, Relations relations, BreakTheGlass glass, AuditLog auditLog, Users users,
            Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events,
            List<CitizenContribution> contributions) {
        this.contributions = contributions;
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.citizens = citizens;
        this.relations = relations;
        this.glass = glass;
        this.auditLog = auditLog;
        this.users = users;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
    }

    /** A citizen in VEST who lives alone, registered by and related to {@code staff}; for tests outside this package. */
    public UUID registered(String cpr, String name, String staff) {
        var now = java.time.Instant.now();
        var citizen = citizens.save(Citizen.register(dk.brobygger.shared.CprNumber.of(cpr), name,
                new Address("Vestergade 3", "7120"), new District("VEST"), Contact.none(),
                Circumstances.of(LivingSituation.ALONE), staff, now)).id().value();
        jdbc.sql("""
                INSERT INTO citizen_relation (citizen_id, username, reason, created_by, created_at)
                VALUES (:citizen, :staff, 'Registrerede borgeren', :staff, :now)
                """).param("citizen", citizen).param("staff", staff).param("now", Timestamp.from(now)).update();
        return citizen;
    }

    /**
     * Lets the retention period of these citizens run out: their relations are replaced by one that ended
     * six years ago, and the retention job (five years) runs in the given mode, as the nightly job would.
     */
    public CitizenRetention.Outcome expire(CitizenRetention.Mode mode, UUID... expiring) {
        var longAgo = clock.instant().atZone(clock.getZone()).minusYears(6);
        for (UUID citizen : expiring) {
            jdbc.sql("DELETE FROM citizen_relation WHERE citizen_id = :citizen").param("citizen", citizen).update();
            jdbc.sql("""
                    INSERT INTO citizen_relation (citizen_id, username, reason, created_by, created_at, ended_at)
                    VALUES (:citizen, 'hjemmebesog', 'Forebyggende hjemmebesøg', 'hjemmebesog', :from, :until)
                    """).param("citizen", citizen).param("from", Timestamp.from(longAgo.minusYears(1).toInstant()))
                    .param("until", Timestamp.from(longAgo.toInstant())).update();
        }
        return new CitizenRetention(jdbc, jobs, relations, glass, auditLog, users, clock, transactions, events, contributions, Period.ofYears(5),
                mode.name().toLowerCase(Locale.ROOT), "-").apply();
    }

    public void reset() {
        jdbc.sql("DELETE FROM consent").update();
        jdbc.sql("DELETE FROM network_member").update();
        jdbc.sql("DELETE FROM hospital_event").update();
        jdbc.sql("DELETE FROM citizen").update();
        for (var district : List.of(List.of("ØST", "Fjordlund Øst"), List.of("VEST", "Fjordlund Vest"))) {
            if (jdbc.sql("SELECT COUNT(*) FROM district WHERE code = :code").param("code", district.get(0))
                    .query(Long.class).single() == 0) {
                jdbc.sql("INSERT INTO district (code, name) VALUES (:code, :name)").param("code", district.get(0))
                        .param("name", district.get(1)).update();
            }
        }
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM citizen").query(Long.class).single();
    }
}
