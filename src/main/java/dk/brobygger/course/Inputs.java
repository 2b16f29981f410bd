package dk.brobygger.course;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/** What was typed, trimmed and checked: required or optional, within a length, without control characters. */
final class Inputs {

    private Inputs() {
    }

    static @Nullable String optional(@Nullable String text, int max, String tooLongKey) {
        if (text == null) {
            return null;
        }
        // Line breaks stay (a note may have several lines); other control characters (a NUL) go.
        String cleaned = text.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", "").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() > max) {
            throw new DomainException(tooLongKey, max);
        }
        return cleaned;
    }

    static String required(@Nullable String text, int max, String missingKey, String tooLongKey) {
        String cleaned = optional(text, max, tooLongKey);
        if (cleaned == null) {
            throw new DomainException(missingKey);
        }
        return cleaned;
    }

    static <E extends Enum<E>> @Nullable E code(Class<E> type, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.strip())) {
                return constant;
            }
        }
        return null;
    }
}
