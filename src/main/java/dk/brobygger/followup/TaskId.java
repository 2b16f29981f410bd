package dk.brobygger.followup;

import java.util.Objects;
import java.util.UUID;

/** Identifies a {@link Task}. */
public record TaskId(UUID id) {

    public TaskId {
        Objects.requireNonNull(id, "id");
    }

    public static TaskId of(UUID id) {
        return new TaskId(id);
    }

    static TaskId random() {
        return new TaskId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return id.toString();
    }
}
