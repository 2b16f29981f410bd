package dk.brobygger.outreach;

import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

/** An open outreach item no longer holds: the event that caused it was cancelled. Published after commit. */
public record OutreachItemWithdrawn(UUID item, CitizenId citizen) {
}
