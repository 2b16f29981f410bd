package dk.brobygger.followup;

import java.time.LocalDate;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;

/**
 * A task was completed with one of its source's outcome choices. The source module reacts to it: in the
 * same transaction with an {@code @EventListener} when the work must end with the task (a worklist line
 * ends its team's access), or afterwards with an {@code @ApplicationModuleListener}.
 *
 * @param outcome the code of the source's {@link TaskSource.Choice}
 * @param detail  the detail text, for a choice that asks for one
 */
public record TaskCompleted(TaskId task, WorkRef source, CitizenId citizen, String outcome, @Nullable String detail,
        LocalDate doneOn, String doneBy) {
}
