package dk.brobygger.citizen;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Test data for citizens: {@link #reset()} leaves no citizens and the districts ØST and VEST. */
@Component
public class TestCitizens {

    private final JdbcClient jdbc;
    private final Citizens citizens;

    TestCitizens(JdbcClient jdbc, Citizens citizens) {
        this.jdbc = jdbc;
        this.citizens = citizens;
    }

    /** A citizen in VEST who lives alone, registered by and related to {@code staff}; for tests outside this package. */
    public java.util.UUID registered(String cpr, String name, String staff) {
        var now = java.time.Instant.now();
        var citizen = citizens.save(Citizen.register(dk.brobygger.shared.CprNumber.of(cpr), name,
                new Address("Vestergade 3", "7120"), new District("VEST"), Contact.none(),
                Circumstances.of(LivingSituation.ALONE), staff, now)).id().value();
        jdbc.sql("""
                INSERT INTO citizen_relation (citizen_id, username, reason, created_by, created_at)
                VALUES (:citizen, :staff, 'Registrerede borgeren', :staff, :now)
                """).param("citizen", citizen).param("staff", staff).param("now", java.sql.Timestamp.from(now)).update();
        return citizen;
    }

    public void reset() {
        jdbc.sql("DELETE FROM consent").update();
        jdbc.sql("DELETE FROM network_member").update();
        jdbc.sql("DELETE FROM hospital_event").update();
        jdbc.sql("DELETE FROM citizen").update();
        for (String district : List.of("ØST", "VEST")) {
            if (jdbc.sql("SELECT COUNT(*) FROM district WHERE code = :code").param("code", district)
                    .query(Long.class).single() == 0) {
                jdbc.sql("INSERT INTO district (code, name) VALUES (:code, :code)").param("code", district).update();
            }
        }
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM citizen").query(Long.class).single();
    }
}
