package dk.brobygger.course;

import java.util.Objects;
import java.util.UUID;

/** Identifies an inquiry (henvendelse). Prints as the bare UUID, as it appears in addresses. */
public record InquiryId(UUID value) {

    public InquiryId {
        Objects.requireNonNull(value, "value");
    }

    public static InquiryId random() {
        return new InquiryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
