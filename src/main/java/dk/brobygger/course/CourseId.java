package dk.brobygger.course;

import java.util.Objects;
import java.util.UUID;

/** Identifies a course (forløb). Prints as the bare UUID, as it appears in addresses. */
public record CourseId(UUID value) {

    public CourseId {
        Objects.requireNonNull(value, "value");
    }

    public static CourseId random() {
        return new CourseId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
