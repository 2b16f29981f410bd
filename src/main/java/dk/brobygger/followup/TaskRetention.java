package dk.brobygger.followup;

import dk.brobygger.citizen.CitizenExpired;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opbevaring for tasks while retention still announces expiry by {@link CitizenExpired}: does what
 * {@link TaskContribution#expire} does, in the retention job's transaction for that citizen. Expiring
 * twice changes nothing more, so this may stay while retention also asks the contributions.
 */
@Component
class TaskRetention {

    private final TaskContribution contribution;

    TaskRetention(TaskContribution contribution) {
        this.contribution = contribution;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(CitizenExpired expired) {
        contribution.expire(expired.citizen(), expired.mode());
    }
}
