package dk.brobygger.citizen;

import java.time.Clock;

import dk.brobygger.access.Relations;
import dk.brobygger.access.Users;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Fills an empty citizen table with synthetic citizens on first start of the embedded default,
 * after the directory's demo data (which creates the districts ØST and VEST). Never with PostgreSQL.
 */
@Component
@Profile("demo-data & !postgres")
@Order(20)
class DemoCitizens implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCitizens.class);
    static final long SEED = 20_260_501L;

    private final DemoCitizenWriter writer;
    private final JdbcClient jdbc;
    private final int citizens;

    private final Relations relations;
    private final Users users;
    private final Clock clock;

    DemoCitizens(DemoCitizenWriter writer, JdbcClient jdbc, Relations relations, Users users, Clock clock,
            @Value("${brobygger.demo.citizens:3000}") int citizens) {
        this.relations = relations;
        this.users = users;
        this.clock = clock;
        this.writer = writer;
        this.jdbc = jdbc;
        this.citizens = citizens;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM citizen").query(Long.class).single() > 0) {
            return;
        }
        long start = System.nanoTime();
        int written = writer.write(SEED, citizens);
        log.info("Demo citizens created: {} in {} ms", written, (System.nanoTime() - start) / 1_000_000);
        relateDemoStaff();
        linkDemoCitizenLogin();
    }

    /**
     * The demo login "borger" is a citizen of a plausible age for a citizen who logs in: one who
     * turns 80 this year and lives alone in VEST (so is due a preventive home visit), not the
     * oldest citizen in the municipality. The home-visit nurse works with them too, so their
     * access report has content.
     */
    private void linkDemoCitizenLogin() {
        if (users.find("borger").isEmpty()) {
            return;
        }
        int year = java.time.LocalDate.now(clock).getYear();
        jdbc.sql("""
                SELECT id FROM citizen WHERE district = 'VEST' AND living_situation = 'ALONE'
                   AND birth_date BETWEEN :from AND :to ORDER BY id FETCH FIRST 1 ROWS ONLY
                """).param("from", java.time.LocalDate.of(year - DEMO_CITIZEN_TURNS, 1, 1))
                .param("to", java.time.LocalDate.of(year - DEMO_CITIZEN_TURNS, 12, 31))
                .query(java.util.UUID.class).optional().ifPresent(citizen -> {
                    users.linkCitizen("borger", citizen);
                    if (users.find("hjemmebesog").isPresent()) {
                        relations.open(citizen, Relations.Holder.user("hjemmebesog"), null, null, "Demodata", "demo");
                    }
                });
    }

    /** The age the demo citizen {@code borger} reaches this year. */
    static final int DEMO_CITIZEN_TURNS = 80;

    /**
     * Need-to-know would otherwise show demo staff nobody: the home-visit nurse works with some of
     * the oldest in VEST, the Fællesteam with some who live alone in ØST.
     */
    private void relateDemoStaff() {
        relate("hjemmebesog", """
                SELECT id FROM citizen WHERE district = 'VEST' AND birth_date <= :born ORDER BY birth_date, id
                 FETCH FIRST 25 ROWS ONLY
                """, 75);
        relate("faellesteam", """
                SELECT id FROM citizen WHERE district = 'ØST' AND living_situation = 'ALONE' AND birth_date <= :born
                 ORDER BY name, id FETCH FIRST 15 ROWS ONLY
                """, 65);
    }

    private void relate(String username, String sql, int minimumAge) {
        if (users.find(username).isEmpty()) {
            return;
        }
        var born = java.time.LocalDate.now(clock).minusYears(minimumAge);
        for (var id : jdbc.sql(sql).param("born", born).query(java.util.UUID.class).list()) {
            relations.open(id, Relations.Holder.user(username), null, null, "Demodata", "demo");
        }
    }
}
