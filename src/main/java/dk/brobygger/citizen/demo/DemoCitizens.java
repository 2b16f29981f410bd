package dk.brobygger.citizen.demo;

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

    DemoCitizens(DemoCitizenWriter writer, JdbcClient jdbc, @Value("${brobygger.demo.citizens:3000}") int citizens) {
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
    }
}
