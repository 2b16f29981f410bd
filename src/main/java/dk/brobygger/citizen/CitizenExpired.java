package dk.brobygger.citizen;

/**
 * Published when the retention period of a citizen ran out and the citizen was anonymised or
 * deleted. Modules that keep free text or identifying detail about citizens (visit notes, score
 * contexts, raw hospital messages) listen and remove theirs, keeping the countable facts statistics
 * need; a deleted citizen's rows go by the foreign keys' ON DELETE CASCADE.
 *
 * <p>It is published inside the transaction that anonymises or deletes that one citizen, and listeners
 * must run in it: a plain synchronous {@code @EventListener}, not an {@code @ApplicationModuleListener}
 * (which runs after the commit, in a transaction of its own). Then the citizen and every module's data
 * about them are anonymised together, or, if any listener fails, not at all, and the citizen is due
 * again on the next run.
 */
public record CitizenExpired(CitizenId citizen, CitizenRetention.Mode mode) {

    /** What replaces free text that may not be empty. */
    public static final String ANONYMISED_TEXT = "Anonymiseret";

    /** The citizen was anonymised: their rows stay, without free text. */
    public boolean anonymised() {
        return mode == CitizenRetention.Mode.ANONYMISE;
    }
}
