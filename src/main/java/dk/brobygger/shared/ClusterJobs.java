package dk.brobygger.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Jobs that run once across all nodes: every scheduled job (the nightly retentions, the outreach evaluation, the
 * reminders, the retry of event publications) and the same job started by hand from an administration page take
 * one lock per job in the shared database, with ShedLock's JDBC provider ({@code shedlock} table, the database's
 * clock). The node that gets the lock runs the job; the others skip that run. A node that dies mid-run holds the
 * lock until {@code atMostFor} has passed; then the next run, on any node, takes over.
 *
 * <p>A scheduled run also keeps the lock for {@code atLeastFor} after it ends, so the same schedule firing on another
 * node a little later (clocks differ by seconds) does not run the job again. A run by hand keeps it no longer than it
 * runs, and is refused with {@link JobAlreadyRunning} while the lock is held, whoever holds it.
 *
 * <p>Every attempt is counted in {@code brobygger.jobs} (tags {@code job} and {@code outcome}: {@code ran},
 * {@code skipped}, {@code failed}), so an operator sees on which node a job ran.
 */
@Component
public class ClusterJobs {

    /** A job name is ShedLock's key: at most 64 characters. */
    private static final int MAX_NAME = 64;
    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final LockingTaskExecutor executor;
    private final MeterRegistry meters;
    private final Duration defaultAtMostFor;
    private final Duration defaultAtLeastFor;

    ClusterJobs(DataSource dataSource, MeterRegistry meters,
            @Value("${brobygger.jobs.lock-at-most-for:PT2H}") Duration defaultAtMostFor,
            @Value("${brobygger.jobs.lock-at-least-for:PT1M}") Duration defaultAtLeastFor) {
        this.defaultAtMostFor = defaultAtMostFor;
        this.defaultAtLeastFor = defaultAtLeastFor;
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder()
                        .withJdbcTemplate(new JdbcTemplate(dataSource))
                        .usingDbTime()
                        .build()));
        this.meters = meters;
    }

    /**
     * A nightly (or other scheduled) run with the default lock times: held at most
     * {@code brobygger.jobs.lock-at-most-for} (default 2 hours, longer than any job runs) and at least
     * {@code brobygger.jobs.lock-at-least-for} (default 1 minute, more than clocks differ).
     *
     * @return whether this node ran it
     */
    public boolean scheduled(String job, Runnable work) {
        return scheduled(job, defaultAtMostFor, defaultAtLeastFor, work);
    }

    /** A run by hand with the default longest lock ({@code brobygger.jobs.lock-at-most-for}). */
    public <T> T byHand(String job, Supplier<T> work) {
        return byHand(job, defaultAtMostFor, work);
    }

    /**
     * A scheduled run: runs the job unless another node runs it now or ran it within {@code atLeastFor}.
     *
     * @return whether this node ran it
     */
    public boolean scheduled(String job, Duration atMostFor, Duration atLeastFor, Runnable work) {
        return run(job, atMostFor, atLeastFor, () -> {
            work.run();
            return Boolean.TRUE;
        }).wasExecuted();
    }

    /**
     * A run somebody started by hand: runs the job now, on this node, with the same lock as its schedule.
     *
     * @throws JobAlreadyRunning when the job runs on some node now (or its scheduled run has just ended)
     */
    public <T> T byHand(String job, Duration atMostFor, Supplier<T> work) {
        var result = run(job, atMostFor, Duration.ZERO, work);
        if (!result.wasExecuted()) {
            throw new JobAlreadyRunning(job);
        }
        return result.getResult();
    }

    private <T> LockingTaskExecutor.TaskResult<T> run(String job, Duration atMostFor, Duration atLeastFor, Supplier<T> work) {
        if (job.isBlank() || job.length() > MAX_NAME) {
            throw new IllegalArgumentException("A job name has 1 to 64 characters: " + job);
        }
        var lock = new LockConfiguration(Instant.now(), job, atMostFor, atLeastFor.compareTo(atMostFor) > 0
                ? atMostFor : atLeastFor);
        LockingTaskExecutor.TaskResult<T> result;
        try {
            result = executor.executeWithLock(work::get, lock);
        } catch (RuntimeException | Error e) {
            count(job, "failed");
            throw e;
        } catch (Throwable e) {
            count(job, "failed");
            throw new IllegalStateException("Job " + job + " failed", e);
        }
        if (!result.wasExecuted()) {
            log.debug("Job {} not run here: it runs (or just ran) on another node", job);
            count(job, "skipped");
        } else {
            count(job, "ran");
        }
        return result;
    }

    private void count(String job, String outcome) {
        meters.counter("brobygger.jobs", "job", job, "outcome", outcome).increment();
    }

    /** A job started by hand while it already runs (on this node or another): nothing was started. */
    public static class JobAlreadyRunning extends DomainException {

        private final String job;

        JobAlreadyRunning(String job) {
            super("job.alreadyRunning");
            this.job = job;
        }

        public String job() {
            return job;
        }
    }
}
