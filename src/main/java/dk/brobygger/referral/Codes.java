package dk.brobygger.referral;

import org.jspecify.annotations.Nullable;

/**
 * A code from a form, a link or a JSON body read as one of the module's enums: the constant of that exact name, or
 * {@code fallback} (null when none) for nothing or anything else, so the service decides what a missing choice
 * means and says so in Danish. The one reader for the referral module's pages and API.
 */
final class Codes {

    private Codes() {
    }

    static <E extends Enum<E>> @Nullable E named(Class<E> type, @Nullable String value) {
        return named(type, value, null);
    }

    static <E extends Enum<E>> @Nullable E named(Class<E> type, @Nullable String value, @Nullable E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E candidate : type.getEnumConstants()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        return fallback;
    }
}
