package dk.brobygger.citizen;

/**
 * Published when the retention period of a citizen ran out and the citizen was anonymised or
 * deleted, in the same transaction. Modules that keep free text about citizens (visit notes,
 * plans) listen and remove theirs; deleted citizens' rows go by the foreign keys' ON DELETE CASCADE.
 */
public record CitizenExpired(CitizenId citizen, CitizenRetention.Mode mode) {
}
