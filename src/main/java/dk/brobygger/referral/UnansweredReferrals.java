package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskList;
import dk.brobygger.followup.TaskSource;
import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A referral nobody answers (DOMAIN.md §8): after {@code brobygger.referral.reminder-days} (default 7) the
 * association is reminded, after {@code brobygger.referral.unanswered-days} (default 14) the referral is flagged to
 * the referrer, who gets a task on the one worklist ("Henvisning ubesvaret"), done when the association answers or
 * the referrer closes it. Runs every morning on one node ({@link ClusterJobs}, lock {@value #JOB}).
 */
@Component
class UnansweredReferrals implements TaskSource {

    static final String KIND = "referral.unanswered";
    static final String JOB = "referral-unanswered";
    static final String ANSWERED = "ANSWERED";
    static final String CALLED = "CALLED";

    private final JdbcClient jdbc;
    private final ReferralRepository repository;
    private final Notifications notifications;
    private final TaskList tasks;
    private final ClusterJobs jobs;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int reminderDays;
    private final int unansweredDays;

    UnansweredReferrals(JdbcClient jdbc, ReferralRepository repository, Notifications notifications, TaskList tasks,
            ClusterJobs jobs, PlatformTransactionManager transactions, Clock clock,
            @Value("${brobygger.referral.reminder-days:7}") int reminderDays,
            @Value("${brobygger.referral.unanswered-days:14}") int unansweredDays) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.notifications = notifications;
        this.tasks = tasks;
        this.jobs = jobs;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.reminderDays = reminderDays;
        this.unansweredDays = unansweredDays;
    }

    static WorkRef task(Referral referral) {
        return WorkRef.of(KIND, referral.id().value());
    }

    int unansweredDays() {
        return unansweredDays;
    }

    @Scheduled(cron = "${brobygger.referral.unanswered-cron:0 15 7 * * *}", zone = DanishTime.NAME)
    void everyMorning() {
        jobs.scheduled(JOB, this::remindAndFlagNow);
    }

    /** Reminds the associations and flags to the referrers what has waited long enough; returns how many flagged. */
    int remindAndFlagNow() {
        var now = clock.instant();
        for (UUID id : waiting("reminded_at", now.minus(Duration.ofDays(reminderDays)))) {
            transaction.executeWithoutResult(status -> repository.findById(id).ifPresent(referral -> {
                referral.reminded(now);
                repository.save(referral);
                notifications.toOrganization(referral.organizationId(), referral.id(), "referral.notify.reminder");
            }));
        }
        int flagged = 0;
        for (UUID id : waiting("flagged_at", now.minus(Duration.ofDays(unansweredDays)))) {
            Boolean done = transaction.execute(status -> repository.findById(id).filter(r -> r.flagUnanswered(now))
                    .map(referral -> {
                        repository.save(referral);
                        tasks.open(task(referral), referral.citizen(), referral.referrer(),
                                LocalDate.now(clock.withZone(DanishTime.ZONE)));
                        notifications.toUser(referral.referrer(), referral.id(), "referral.notify.unanswered");
                        return true;
                    }).orElse(false));
            flagged += Boolean.TRUE.equals(done) ? 1 : 0;
        }
        return flagged;
    }

    private List<UUID> waiting(String notYet, java.time.Instant requestedBefore) {
        return jdbc.sql("SELECT id FROM referral WHERE status = 'REQUESTED' AND requested_at <= :before AND "
                        + notYet + " IS NULL ORDER BY requested_at")
                .param("before", Timestamp.from(requestedBefore)).query(UUID.class).list();
    }

    @Override
    public Set<String> kinds() {
        return Set.of(KIND);
    }

    @Override
    public Text title(Task task) {
        return repository.findById(task.source().id())
                .map(referral -> Text.of("referral.task.unanswered", referral.offerName()))
                .orElse(Text.of("referral.task.unanswered", ""));
    }

    @Override
    public @Nullable Link link(Task task) {
        return new Link("/henvisninger/" + task.source().id(), Text.of("referral.task.link"));
    }

    @Override
    public List<Choice> choices(String kind) {
        return List.of(Choice.of(ANSWERED, "referral.task.answered"), Choice.of(CALLED, "referral.task.called"));
    }
}
