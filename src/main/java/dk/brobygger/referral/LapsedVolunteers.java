package dk.brobygger.referral;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, a volunteer whose required requirement lapsed (a criminal-record certificate, the confidentiality
 * agreement, the peer training) is moved to expired and hands back open assignments ({@link Volunteers#expireLapsed}).
 * Runs on one node ({@link ClusterJobs}, lock {@value #JOB}); the warning 30 days before is on the start tile.
 */
@Component
class LapsedVolunteers {

    static final String JOB = "referral-volunteers-lapsed";

    private final Volunteers volunteers;
    private final ClusterJobs jobs;

    LapsedVolunteers(Volunteers volunteers, ClusterJobs jobs) {
        this.volunteers = volunteers;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${brobygger.referral.volunteers-lapsed-cron:0 30 1 * * *}", zone = DanishTime.NAME)
    void everyNight() {
        jobs.scheduled(JOB, this::expireNow);
    }

    int expireNow() {
        return volunteers.expireLapsed();
    }
}
