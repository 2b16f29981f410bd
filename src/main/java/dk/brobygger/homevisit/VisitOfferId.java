package dk.brobygger.homevisit;

import java.util.Objects;
import java.util.UUID;

/** Identifies an offer of a preventive home visit (tilbud om forebyggende hjemmebesøg). Prints as the bare UUID, as it appears in addresses. */
public record VisitOfferId(UUID value) {

    public VisitOfferId {
        Objects.requireNonNull(value, "value");
    }

    public static VisitOfferId random() {
        return new VisitOfferId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
