package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dk.brobygger.BrobyggerTest;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Jobs run once across nodes: the lock lives in the shared database (ShedLock), so what holds here holds for every
 * node on the same database; {@code SeveralNodesTests} shows it with two running instances.
 */
@BrobyggerTest
class ClusterJobsTests {

    @Autowired ClusterJobs jobs;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    void aNightlyRunKeepsItsLockForAMinuteSoTheSameScheduleOnAnotherNodeSkipsIt() {
        String job = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        var runs = new AtomicInteger();

        assertThat(jobs.scheduled(job, runs::incrementAndGet)).isTrue();
        assertThat(jobs.scheduled(job, runs::incrementAndGet)).as("a second node, a few seconds later").isFalse();

        assertThat(runs).hasValue(1);
    }

    @Test
    void aJobWhoseNodeDiedMidRunIsTakenOverOnceItsLockHasExpired() {
        String job = "probe-" + UUID.randomUUID().toString().substring(0, 8);
        // A node took the lock for at most 2 seconds and died (ShedLock keeps lock times in UTC).
        var now = LocalDateTime.now(ZoneOffset.UTC);
        jdbc.sql("INSERT INTO shedlock (name, lock_until, locked_at, locked_by) VALUES (:name, :until, :at, 'dead-node')")
                .param("name", job).param("until", Timestamp.valueOf(now.plusSeconds(2)))
                .param("at", Timestamp.valueOf(now)).update();
        var runs = new AtomicInteger();

        assertThat(jobs.scheduled(job, Duration.ofMinutes(10), Duration.ZERO, runs::incrementAndGet)).isFalse();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.scheduled(job, Duration.ofMinutes(10), Duration.ZERO, runs::incrementAndGet));

        assertThat(runs).hasValue(1);
    }

    @Test
    void retentionStartedByHandWhileItRunsIsRefusedInDanish() throws Exception {
        whileRunning("citizen-retention", () -> {
            mvc.perform(post("/admin/opbevaring/koer").with(httpBasic("admin", "demo")).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("alreadyRunning", true))
                    .andExpect(flash().attributeCount(1));
            // The page then says so in Danish: SeveralNodesTests follows the redirect over HTTP on two nodes.
        });
    }

    @Test
    void theOutreachEvaluationStartedWhileItRunsAnswersConflict() throws Exception {
        whileRunning("outreach-evaluation", () -> mvc.perform(post("/api/outreach/evaluation")
                        .with(httpBasic("admin", "demo")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("allerede i gang"))));
    }

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    /** Holds the job's lock, as a run on some node does, while the check runs. */
    private void whileRunning(String job, Check check) throws Exception {
        var started = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        var running = Thread.ofVirtual().start(() -> jobs.byHand(job, () -> {
            started.countDown();
            try {
                return finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        try {
            check.run();
        } finally {
            finish.countDown();
            running.join();
        }
    }
}
