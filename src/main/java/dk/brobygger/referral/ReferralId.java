package dk.brobygger.referral;

import java.util.Objects;
import java.util.UUID;

/** Identifies a referral (henvisning). Prints as the bare UUID, as it appears in addresses. */
public record ReferralId(UUID value) {

    public ReferralId {
        Objects.requireNonNull(value, "value");
    }

    public static ReferralId random() {
        return new ReferralId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
