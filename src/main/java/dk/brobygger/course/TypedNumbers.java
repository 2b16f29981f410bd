package dk.brobygger.course;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/**
 * Numbers as a host or administrator types them into the course pages' forms: blank is none, a comma is a
 * decimal point, anything else that is not a number is refused in Danish ("course.number.invalid").
 */
final class TypedNumbers {

    private TypedNumbers() {
    }

    static @Nullable Integer integer(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("course.number.invalid");
        }
    }

    static int integer(@Nullable String text, int otherwise) {
        Integer value = integer(text);
        return value == null ? otherwise : value;
    }

    static @Nullable Double decimal(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new DomainException("course.number.invalid");
        }
    }
}
