package dk.brobygger.directory.demo;

import java.time.Clock;
import java.time.LocalDate;

import dk.brobygger.access.Users;
import dk.brobygger.directory.search.SearchIndexUpdater;

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
 * Fills an empty directory with the demo municipality on first start of the embedded default.
 * Never with PostgreSQL in production; the benchmark asks for it explicitly (profile {@code bench-data}).
 */
@Component
@Profile("(demo-data & !postgres) | bench-data")
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final long SEED = 20_231_001L;
    static final String ASSOCIATION_EDITOR = "forening";
    static final String ASSOCIATION_EDITORS_ORGANIZATION = "Strikkeklubben Maske for Maske";

    private final DemoDirectoryWriter writer;
    private final SearchIndexUpdater index;
    private final JdbcClient jdbc;
    private final Users users;
    private final Clock clock;
    private final int offers;

    DemoData(DemoDirectoryWriter writer, SearchIndexUpdater index, JdbcClient jdbc, Users users, Clock clock,
            @Value("${brobygger.demo.offers:320}") int offers) {
        this.writer = writer;
        this.index = index;
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
        this.offers = offers;
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = jdbc.sql("SELECT COUNT(*) FROM offer").query(Long.class).single();
        if (existing == 0) {
            long start = System.nanoTime();
            var municipality = DemoDirectoryGenerator.generate(SEED, offers, LocalDate.now(clock));
            writer.write(municipality);
            log.info("Demo municipality created: {} offers from {} organisations in {} ms", municipality.offers().size(),
                    municipality.organizations().size(), (System.nanoTime() - start) / 1_000_000);
            index.rebuild();
        }
        linkAssociationEditor();
    }

    private void linkAssociationEditor() {
        if (users.find(ASSOCIATION_EDITOR).isEmpty()) {
            return;
        }
        jdbc.sql("SELECT id FROM organization WHERE name = :name").param("name", ASSOCIATION_EDITORS_ORGANIZATION)
                .query(java.util.UUID.class).optional()
                .ifPresent(organization -> users.assignOrganization(ASSOCIATION_EDITOR, organization));
    }
}
