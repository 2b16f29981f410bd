package dk.brobygger.outreach;

import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

/** An open outreach item was closed with an outcome. Published after commit. */
public record OutreachItemClosed(UUID item, CitizenId citizen, Outcome outcome) {
}
