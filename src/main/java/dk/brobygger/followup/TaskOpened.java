package dk.brobygger.followup;

import java.time.LocalDate;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;

/** A task was put on someone's list for a piece of work. */
public record TaskOpened(TaskId task, WorkRef source, CitizenId citizen, String assignee, @Nullable LocalDate dueOn) {
}
