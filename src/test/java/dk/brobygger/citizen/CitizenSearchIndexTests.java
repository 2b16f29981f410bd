package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.stream.Collectors;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.TestDatabaseProfiles;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Name search on PostgreSQL: the trigram index (V91) serves the name condition of a user who sees many
 * citizens, and not that of a user who sees few (at a million citizens the primary key serves it then).
 * Checked on the plan, with sequential scans off, so that a table of test size uses an index at all.
 */
@BrobyggerTest
class CitizenSearchIndexTests {

    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    @BeforeEach
    void onPostgreSqlOnly() {
        assumeTrue(TestDatabaseProfiles.postgres(), "the trigram index exists on PostgreSQL only");
    }

    static final String NAME_BY_TRIGRAMS = "Index Cond: (lower((name)::text) ~~";

    @Test
    void aUserWhoSeesManyCitizensIsServedByTheTrigramIndex() {
        assertThat(plan(CitizenSearch.TRIGRAM_FROM)).contains("on citizen_name_trgm").contains(NAME_BY_TRIGRAMS);
    }

    @Test
    void forAUserWhoSeesFewCitizensTheNameIsNotLookedUpByTrigrams() {
        assertThat(plan(CitizenSearch.TRIGRAM_FROM - 1)).doesNotContain(NAME_BY_TRIGRAMS);
    }

    private String plan(int visible) {
        List<String> lines = new TransactionTemplate(transactions).execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            // Nor a walk along the primary key filtering every name, which the planner may prefer on a small test
            // table whose statistics are stale (the full suite on one database): the question is only whether the
            // name condition can use the trigram index.
            jdbc.sql("SET LOCAL enable_indexscan = off").update();
            return jdbc.sql("EXPLAIN SELECT COUNT(*) FROM citizen WHERE "
                            + CitizenSearch.matches(visible, "SELECT c.id FROM citizen c"))
                    .param("pattern", "%jensen%").query(String.class).list();
        });
        // Only the scans and their index conditions; the filter lines list every visible id.
        return lines.stream().filter(line -> line.contains("Scan on") || line.contains("Index Cond: (lower"))
                .collect(Collectors.joining("\n"));
    }
}
