package dk.brobygger.citizen;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.access.BreakTheGlass;
import dk.brobygger.access.Relations;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.audit.AuditEntry;
import dk.brobygger.audit.AuditLog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opbevaring: a citizen is kept for {@code brobygger.citizen.retention} (5 years by default) after
 * their last need-to-know relation ended, then anonymised or deleted
 * ({@code brobygger.citizen.retention-mode}), every night and whenever an administrator asks. A
 * citizen with an active relation, or who never had one, is never touched. Each citizen is handled
 * in a transaction of its own with its audit record, so a failure leaves that citizen whole and the
 * others done.
 *
 * <p>Anonymising keeps what statistics need (birth year, sex, district, living situation, how many
 * people were in the network and which consents existed) and removes the rest: CPR number, name,
 * address, contact, language and transport notes, the network's names, roles and contact, and the
 * free text of consents. Deleting removes the citizen with their network and consents. Either way
 * the citizen's relations are forgotten (the audit log keeps who worked with them), a citizen login of
 * theirs keeps no name and is switched off, and every {@link CitizenContribution} clears its part
 * ({@link CitizenContribution#expire}) first, in the same transaction, so the citizen and every module's data
 * about them go together or not at all. {@link CitizenExpired} then tells whoever only needs to know.
 */
@Service
public class CitizenRetention {

    /** What happens to a citizen when the retention period has run out. */
    public enum Mode {
        ANONYMISE, DELETE;

        static Mode of(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "anonymise", "anonymize", "anonymiser" -> ANONYMISE;
                case "delete", "slet" -> DELETE;
                default -> throw new IllegalArgumentException(
                        "brobygger.citizen.retention-mode must be 'anonymise' or 'delete', not '" + text + "'");
            };
        }
    }

    /** The configuration in force, as the administration page shows it. */
    public record Settings(Period period, Mode mode, String cron) {
    }

    /** What one run did; serializable, as the administration page carries it across a redirect in the session. */
    public record Outcome(int anonymised, int deleted, int failed) implements java.io.Serializable {
    }

    /** The name audit records carry when nobody pressed a button: the nightly job. */
    static final String SYSTEM = "system";
    static final String ANONYMISED_NAME = "Anonymiseret borger";
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(CitizenRetention.class);

    /** The lock the nightly run and a run by hand share. */
    static final String JOB = "citizen-retention";

    private final JdbcClient jdbc;
    private final ClusterJobs jobs;
    private final Relations relations;
    private final BreakTheGlass glass;
    private final AuditLog auditLog;
    private final Users users;
    private final Clock clock;
    private final TransactionTemplate eachCitizen;
    private final Settings settings;
    private final ApplicationEventPublisher events;
    private final java.util.List<CitizenContribution> contributions;

    CitizenRetention(JdbcClient jdbc, ClusterJobs jobs, Relations relations, BreakTheGlass glass, AuditLog auditLog, Users users, Clock clock,
            PlatformTransactionManager transactions, ApplicationEventPublisher events,
            java.util.List<CitizenContribution> contributions,
            @Value("${brobygger.citizen.retention:P5Y}") Period period,
            @Value("${brobygger.citizen.retention-mode:anonymise}") String mode,
            @Value("${brobygger.citizen.retention-cron:0 30 2 * * *}") String cron) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.events = events;
        this.relations = relations;
        this.glass = glass;
        this.contributions = java.util.List.copyOf(contributions);
        this.auditLog = auditLog;
        this.users = users;
        this.clock = clock;
        this.eachCitizen = new TransactionTemplate(transactions);
        this.eachCitizen.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("brobygger.citizen.retention must be a positive period, e.g. P5Y");
        }
        this.settings = new Settings(period, Mode.of(mode), cron);
    }

    public Settings settings() {
        return settings;
    }

    /** The nightly run, on one node of several ({@link ClusterJobs}). */
    @Scheduled(cron = "${brobygger.citizen.retention-cron:0 30 2 * * *}", zone = DanishTime.NAME)
    void nightly() {
        jobs.scheduled(JOB, () -> {
            var outcome = applyNow();
            log.info("Retention: {} citizens anonymised, {} deleted, {} failed", outcome.anonymised(), outcome.deleted(),
                outcome.failed());
        });
    }

    /** The last day a relation may have ended for the citizen to be kept, as of now. */
    public Instant cutoff() {
        return clock.instant().atZone(clock.getZone()).minus(settings.period()).toInstant();
    }

    /**
     * Anonymises or deletes every citizen whose retention period has run out, as of the clock's now, as an
     * administrator asked: refused with {@link ClusterJobs.JobAlreadyRunning} while the job runs on any node.
     */
    public Outcome apply() {
        return jobs.byHand(JOB, this::applyNow);
    }

    private Outcome applyNow() {
        Instant now = clock.instant();
        Instant cutoff = cutoff();
        int anonymised = 0;
        int deleted = 0;
        int failed = 0;
        // Citizens left as they were in this run (failed, or a relation started meanwhile) are asked for again
        // by the query; they are skipped, and the run ends when nothing else is due.
        Set<UUID> leftAsTheyWere = new HashSet<>();
        while (true) {
            var due = relations.citizensWhoseLastRelationEndedBefore(cutoff, BATCH + leftAsTheyWere.size());
            if (leftAsTheyWere.containsAll(due)) {
                break;
            }
            for (UUID citizen : due) {
                if (leftAsTheyWere.contains(citizen)) {
                    continue;
                }
                try {
                    Boolean done = eachCitizen.execute(status -> expire(citizen, cutoff, now));
                    if (Boolean.TRUE.equals(done)) {
                        if (settings.mode() == Mode.DELETE) {
                            deleted++;
                        } else {
                            anonymised++;
                        }
                    } else {
                        leftAsTheyWere.add(citizen);
                    }
                } catch (RuntimeException e) {
                    log.warn("Retention could not handle citizen {}", citizen, e);
                    failed++;
                    leftAsTheyWere.add(citizen);
                }
            }
        }
        return new Outcome(anonymised, deleted, failed);
    }

    /** Handles one citizen; false when there was nothing to do after all (a relation started meanwhile). */
    private boolean expire(UUID citizen, Instant cutoff, Instant now) {
        var relationsNow = relations.relationsTo(citizen);
        boolean stillDue = !relationsNow.isEmpty() && relationsNow.stream()
                .allMatch(relation -> relation.endedAt() != null && relation.endedAt().isBefore(cutoff));
        if (!stillDue) {
            return false;
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM citizen WHERE id = :id AND anonymised_at IS NULL")
                .param("id", citizen).query(Long.class).single() > 0;
        relations.forget(citizen);
        glass.forgetReasons(citizen);
        if (!exists) {
            return false;
        }
        String period = settings.period().toString();
        // Every module's part first: a deleted citizen's rows must be gone before the citizen is.
        contributions.forEach(contribution -> contribution.expire(new CitizenId(citizen), settings.mode()));
        boolean done = settings.mode() == Mode.DELETE ? delete(citizen) : anonymise(citizen, now);
        if (!done) {
            return false;
        }
        users.forgetCitizen(citizen, ANONYMISED_NAME);
        events.publishEvent(new CitizenExpired(new CitizenId(citizen), settings.mode()));
        // Last, once every module has removed its part: the audit record is committed before this transaction
        // (see AuditLog), so a clean-up that fails above leaves no record of a removal that did not happen.
        if (settings.mode() == Mode.DELETE) {
            audit(citizen, AuditAction.DELETE, "Opbevaringsperioden (" + period
                    + ") efter borgerens sidste tilknytning er udløbet: borgeren er slettet med netværk og samtykker");
        } else {
            audit(citizen, AuditAction.ANONYMISE, "Opbevaringsperioden (" + period
                    + ") efter borgerens sidste tilknytning er udløbet: borgerens oplysninger er anonymiseret");
        }
        return true;
    }

    /** False if another run got there first. */
    private boolean delete(UUID citizen) {
        return jdbc.sql("DELETE FROM citizen WHERE id = :id").param("id", citizen).update() == 1;
    }

    /** False if another run got there first. */
    private boolean anonymise(UUID citizen, Instant now) {
        LocalDate born = jdbc.sql("SELECT birth_date FROM citizen WHERE id = :id").param("id", citizen)
                .query(LocalDate.class).single();
        Timestamp at = Timestamp.from(now);
        boolean changed = jdbc.sql("""
                UPDATE citizen
                   SET cpr = NULL, name = :name, birth_date = :born, address = NULL, postcode = NULL, phone = NULL,
                       email = NULL, language = NULL, needs_interpreter = FALSE, transport_notes = NULL,
                       anonymised_at = :at, updated_at = :at, updated_by = :by, version = version + 1
                 WHERE id = :id AND anonymised_at IS NULL
                """).param("name", ANONYMISED_NAME).param("born", LocalDate.of(born.getYear(), 1, 1))
                .param("at", at).param("by", SYSTEM).param("id", citizen).update() == 1;
        return changed;
    }

    /** The administrator who asked for the run, or the nightly job. */
    private void audit(UUID citizen, AuditAction action, String purpose) {
        var user = users.current();
        String username = user.map(current -> current.username()).orElse(SYSTEM);
        auditLog.record(AuditEntry.granted(username, Role.ADMIN, null, citizen, action, purpose, null));
    }
}
