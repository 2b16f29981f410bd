package dk.brobygger.referral;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, volunteers who stopped more than the configured time ago are anonymised
 * ({@link Volunteers#anonymiseStopped}, {@code brobygger.referral.volunteer-retention-days}): their own data follow a
 * retention rule as staff's and citizens' do. Runs on one node ({@link ClusterJobs}, lock {@value #JOB}).
 */
@Component
class VolunteerRetention {

    static final String JOB = "referral-volunteers-retention";

    private final Volunteers volunteers;
    private final ClusterJobs jobs;

    VolunteerRetention(Volunteers volunteers, ClusterJobs jobs) {
        this.volunteers = volunteers;
        this.jobs = jobs;
    }

    @Scheduled(cron = "${brobygger.referral.volunteers-retention-cron:0 45 1 * * *}", zone = DanishTime.NAME)
    void everyNight() {
        jobs.scheduled(JOB, this::anonymiseNow);
    }

    int anonymiseNow() {
        return volunteers.anonymiseStopped();
    }
}
