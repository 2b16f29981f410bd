package dk.brobygger.citizen;

/**
 * Published when the retention period of a citizen ran out and the citizen was anonymised or deleted, inside
 * that citizen's retention transaction, after every module has cleared its part through
 * {@link CitizenContribution#expire}. Clearing a module's data is not done here: a module that keeps something
 * about citizens implements {@link CitizenContribution}. This event is for those who only need to know.
 */
public record CitizenExpired(CitizenId citizen, CitizenRetention.Mode mode) {

    /** What replaces free text that may not be empty. */
    public static final String ANONYMISED_TEXT = "Anonymiseret";

    /** The citizen was anonymised: their rows stay, without free text. */
    public boolean anonymised() {
        return mode == CitizenRetention.Mode.ANONYMISE;
    }
}
