package dk.brobygger.outreach;

import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

/**
 * A new open outreach item for one citizen, made from a life event as it arrived (not by the nightly run, which
 * announces itself as {@link OutreachEvaluated}). Published after commit.
 */
public record OutreachItemOpened(UUID item, CitizenId citizen) {
}
