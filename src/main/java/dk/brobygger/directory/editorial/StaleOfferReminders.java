package dk.brobygger.directory.editorial;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.access.Users;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Påmindelser: every day, each editor of an organisation with stale offers is reminded of each
 * of them, at most once per {@code brobygger.directory.reminder-every} (14 days by default).
 */
@Component
class StaleOfferReminders {

    /** A reminder as the editor's dashboard shows it. */
    public record Reminder(UUID offerId, String offerName, Instant sentAt) {
    }

    /** The lock of the daily run, so editors are reminded once, not once per node. */
    static final String JOB = "stale-offer-reminders";

    private final StaleOffers staleOffers;
    private final ClusterJobs jobs;
    private final Users users;
    private final ReminderNotifier notifier;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Period every;

    StaleOfferReminders(StaleOffers staleOffers, ClusterJobs jobs, Users users, ReminderNotifier notifier, JdbcClient jdbc, Clock clock,
            @Value("${brobygger.directory.reminder-every:P14D}") Period every) {
        this.staleOffers = staleOffers;
        this.jobs = jobs;
        this.users = users;
        this.notifier = notifier;
        this.jdbc = jdbc;
        this.clock = clock;
        this.every = every;
    }

    @Scheduled(cron = "${brobygger.directory.reminder-cron:0 0 7 * * *}", zone = DanishTime.NAME)
    void remindDaily() {
        jobs.scheduled(JOB, () -> remind(clock.instant()));
    }

    /**
     * Reminds the editors of every offer that is stale at {@code now}, unless they were reminded of
     * it within the period.
     *
     * @return how many reminders were sent
     */
    @Transactional
    int remind(Instant now) {
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant remindedSince = now.atZone(zone).minus(every).toInstant();
        int sent = 0;
        for (var offer : staleOffers.all(today)) {
            for (var editor : users.editorsOf(offer.organizationId())) {
                boolean recentlyReminded = jdbc.sql("""
                        SELECT COUNT(*) FROM offer_reminder
                         WHERE offer_id = :offer AND recipient = :recipient AND sent_at > :since
                        """)
                        .param("offer", offer.id()).param("recipient", editor.username())
                        .param("since", Timestamp.from(remindedSince))
                        .query(Long.class).single() > 0;
                if (recentlyReminded) {
                    continue;
                }
                jdbc.sql("INSERT INTO offer_reminder (offer_id, recipient, sent_at) VALUES (:offer, :recipient, :at)")
                        .param("offer", offer.id()).param("recipient", editor.username())
                        .param("at", Timestamp.from(now))
                        .update();
                notifier.remind(editor, offer);
                sent++;
            }
        }
        return sent;
    }

    /** The editor's latest reminders about offers that are still stale. */
    List<Reminder> of(String username, int limit) {
        LocalDate cutoff = staleOffers.cutoff(LocalDate.now(clock));
        return jdbc.sql("""
                SELECT r.offer_id, o.name, MAX(r.sent_at) AS sent_at
                  FROM offer_reminder r JOIN offer o ON o.id = r.offer_id
                 WHERE r.recipient = :recipient AND o.assured_date < :cutoff
                 GROUP BY r.offer_id, o.name
                 ORDER BY MAX(r.sent_at) DESC, o.name
                 LIMIT :limit
                """)
                .param("recipient", username).param("cutoff", cutoff).param("limit", limit)
                .query((rs, n) -> new Reminder(rs.getObject("offer_id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}
