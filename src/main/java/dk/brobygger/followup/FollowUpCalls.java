package dk.brobygger.followup;

import dk.brobygger.homevisit.FollowUpAgreed;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A follow-up call agreed at a home visit becomes a task on the visitor's worklist, due that day. */
@Component
class FollowUpCalls {

    private final Tasks tasks;

    FollowUpCalls(Tasks tasks) {
        this.tasks = tasks;
    }

    @ApplicationModuleListener
    void on(FollowUpAgreed agreed) {
        tasks.open(agreed.citizen(), Task.Kind.FOLLOW_UP_CALL, agreed.dueOn(), agreed.visitor(), agreed.visitId());
    }
}
