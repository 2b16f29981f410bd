package dk.brobygger.followup;

import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * A task on someone's worklist, due on a day.
 *
 * @param source          what made the task, e.g. the visit where the call was agreed
 * @param joinedCommunity for a follow-up call: did the citizen join a community since the visit
 * @param community       which one, in the caller's words or the offer's name
 */
public record Task(UUID id, CitizenId citizen, Kind kind, LocalDate dueOn, String assignee, UUID source,
        Status status, @Nullable Boolean reached, @Nullable Boolean joinedCommunity, @Nullable String community,
        @Nullable String notes, @Nullable LocalDate doneOn, @Nullable String doneBy, long version) {

    public enum Kind {
        /** The call within 6 weeks agreed at a preventive home visit. */
        FOLLOW_UP_CALL;

        public String messageKey() {
            return "task.kind." + name();
        }
    }

    public enum Status {
        OPEN, DONE
    }

    public boolean isOverdue(LocalDate today) {
        return status == Status.OPEN && dueOn.isBefore(today);
    }

    /** Done, and no later than it was due. */
    public boolean doneOnTime() {
        return status == Status.DONE && doneOn != null && !doneOn.isAfter(dueOn);
    }
}
