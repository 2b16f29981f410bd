package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.TestDatabaseProfiles;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * No statement runs for ever: PostgreSQL cancels one after 30 seconds (set on every connection when it
 * opens), H2 through the driver's query timeout.
 */
@BrobyggerTest
class StatementTimeoutTests {

    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;

    @Test
    void postgresqlHoldsEveryConnectionToThirtySeconds() {
        assumeTrue(TestDatabaseProfiles.postgres(), "a PostgreSQL setting");
        assertThat(jdbc.sql("SHOW statement_timeout").query(String.class).single()).isEqualTo("30s");
        assertThat(template.getQueryTimeout()).as("no client-side timer per statement").isZero();
    }

    @Test
    void h2HasTheDriversQueryTimeout() {
        assumeTrue(!TestDatabaseProfiles.postgres(), "an H2 setting");
        assertThat(template.getQueryTimeout()).isEqualTo(30);
    }
}
