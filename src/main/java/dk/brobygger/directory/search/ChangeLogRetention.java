package dk.brobygger.directory.search;

import java.time.Duration;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, on one node, the directory's change log loses the rows older than
 * {@code brobygger.search.change-log-retention} (default 7 days): a node that was down longer than that rebuilds its
 * index at start instead of reading on. The newest row is always kept.
 */
@Component
class ChangeLogRetention {

    static final String JOB = "directory-change-log-retention";
    private static final Logger log = LoggerFactory.getLogger(ChangeLogRetention.class);

    private final SearchIndexFollower follower;
    private final ClusterJobs jobs;
    private final Duration retention;

    ChangeLogRetention(SearchIndexFollower follower, ClusterJobs jobs,
            @Value("${brobygger.search.change-log-retention:P7D}") Duration retention) {
        this.follower = follower;
        this.jobs = jobs;
        this.retention = retention;
    }

    @Scheduled(cron = "${brobygger.search.change-log-retention-cron:0 50 2 * * *}", zone = DanishTime.NAME)
    void nightly() {
        jobs.scheduled(JOB, () -> log.info("Directory change log: {} rows older than {} removed",
                follower.removeOlderThan(retention), retention));
    }
}
