package dk.brobygger.homevisit;

import java.util.Objects;
import java.util.UUID;

/** Identifies a preventive home visit (forebyggende hjemmebesøg). Prints as the bare UUID, as it appears in addresses. */
record VisitId(UUID value) {

    public VisitId {
        Objects.requireNonNull(value, "value");
    }

    public static VisitId random() {
        return new VisitId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
