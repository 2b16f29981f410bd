package dk.brobygger.directory;

import java.util.UUID;

/** An offer was created, changed, confirmed or approved. Published after the change is saved. */
public record OfferChanged(UUID offerId) {
}
