package dk.brobygger.citizen;

import org.jspecify.annotations.Nullable;

import dk.brobygger.shared.DomainException;

/** Free text as people type it: trimmed, empty means absent, too long is refused (never cut). */
final class Texts {

    private Texts() {
    }

    static @Nullable String optional(@Nullable String text, int max, String tooLongKey) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > max) {
            throw new DomainException(tooLongKey, max, stripped.length());
        }
        return stripped;
    }

    static String required(@Nullable String text, int max, String missingKey, String tooLongKey) {
        String value = optional(text, max, tooLongKey);
        if (value == null) {
            throw new DomainException(missingKey);
        }
        return value;
    }
}
