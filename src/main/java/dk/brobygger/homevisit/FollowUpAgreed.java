package dk.brobygger.homevisit;

import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

/** At a held visit the citizen agreed to be called by {@code dueOn}; the follow-up module makes the task. */
public record FollowUpAgreed(UUID visitId, CitizenId citizen, String visitor, LocalDate dueOn) {
}
