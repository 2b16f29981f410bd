package dk.brobygger.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of walking the whole chain: is it intact, how many records it holds, and where it first breaks.
 *
 * @param firstBrokenId the first record that was changed, or the first id that is missing; null when valid
 */
public record ChainVerification(boolean valid, long records, @Nullable Long firstBrokenId) {
}
