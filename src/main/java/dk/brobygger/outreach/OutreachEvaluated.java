package dk.brobygger.outreach;

/**
 * The evaluation of every rule over every citizen ran (nightly, or by hand) and made {@code created} new items:
 * the outreach list as a whole may have changed. Published after commit.
 */
public record OutreachEvaluated(int created) {
}
