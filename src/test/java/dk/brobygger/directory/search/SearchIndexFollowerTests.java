package dk.brobygger.directory.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.Offer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search index follows the directory's change log, so a change committed by another node (here: written to the
 * database as {@code DirectoryChanges} on another node writes it, with no event on this node) becomes searchable
 * here, also when its position commits after a higher one.
 */
@BrobyggerTest
class SearchIndexFollowerTests {

    @Autowired TestDirectory directory;
    @Autowired OfferSearch search;
    @Autowired JdbcClient jdbc;
    @Autowired SearchIndexFollower follower;
    @Autowired MockMvc mvc;
    @Autowired TransactionTemplate transactions;

    Offer knitting;
    Offer walks;

    @BeforeEach
    void municipality() {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        var centrum = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        knitting = directory.offer(centrum, "Strikkeklubben").save();
        walks = directory.offer(centrum, "Gåture langs fjorden").save();
    }

    @Test
    void aChangeCommittedOnAnotherNodeIsSearchableHereWithinTwoSeconds() {
        transactions.executeWithoutResult(status -> changedElsewhere(knitting.id(), "Kaffeklubben"));

        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> names("kaffeklub").contains("Kaffeklubben"));
        assertThat(names("strik")).isEmpty();
    }

    @Test
    void aChangeWhoseTransactionCommitsAfterALaterOneIsNotSkipped() throws Exception {
        var written = new CountDownLatch(1);
        var commit = new CountDownLatch(1);
        var slow = Thread.ofVirtual().start(() -> transactions.executeWithoutResult(status -> {
            changedElsewhere(knitting.id(), "Hækleklubben");
            written.countDown();
            try {
                commit.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        // A later position commits first (another node's transaction began after, but was quicker) and is read ...
        transactions.executeWithoutResult(status -> changedElsewhere(walks.id(), "Vandreture langs fjorden"));
        await().atMost(Duration.ofSeconds(2)).until(() -> names("vandretur").contains("Vandreture langs fjorden"));

        // ... and the earlier one, read past already, still reaches the index when it commits.
        commit.countDown();
        slow.join();
        await().atMost(Duration.ofSeconds(2)).until(() -> names("hækleklub").contains("Hækleklubben"));
    }

    @Test
    void theNodeIsReadyOnlyWithItsIndexCaughtUp() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        assertThat(follower.started()).isTrue();
        assertThat(follower.caughtUpAt()).isAfter(Instant.now().minusSeconds(10));
    }

    /** What DirectoryChanges on another node commits: the offer and its change log row, and no event here. */
    private void changedElsewhere(UUID offer, String name) {
        jdbc.sql("UPDATE offer SET name = :name, version = version + 1 WHERE id = :id").param("name", name)
                .param("id", offer).update();
        jdbc.sql("INSERT INTO directory_change (offer_id, changed_at) VALUES (:offer, :at)")
                .param("offer", offer).param("at", Timestamp.from(Instant.now())).update();
    }

    private java.util.List<String> names(String text) {
        return search.search(OfferQuery.text(text)).hits().stream().map(hit -> hit.name()).toList();
    }
}
