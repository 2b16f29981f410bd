package dk.brobygger.outreach;

import java.util.Objects;
import java.util.UUID;

/** Identifies an outreach item (opsporingsemne). Prints as the bare UUID, as it appears in addresses. */
public record OutreachItemId(UUID value) {

    public OutreachItemId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
