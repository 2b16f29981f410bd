package dk.brobygger.citizen;

import org.jspecify.annotations.Nullable;

/**
 * A citizen's consent to share with a party was withdrawn (by the citizen in {@code /mig} or by staff recording it).
 * Modules that shared under it stop: a referral to an association is put on hold. Published after commit.
 *
 * @param partyName the party the consent named, or null when it covered every party of its kind
 */
public record ConsentWithdrawn(CitizenId citizen, ConsentParty party, @Nullable String partyName) {
}
