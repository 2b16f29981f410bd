package dk.brobygger.homevisit;

import java.util.Arrays;
import java.util.Locale;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/** How the visit was offered. */
public enum OfferChannel {
    /** Brev. */
    LETTER,
    /** Digital Post. */
    DIGITAL_POST,
    /** Telefon. */
    PHONE,
    /** Personligt, e.g. at another visit. */
    IN_PERSON;

    public static OfferChannel of(@Nullable String code) {
        return Arrays.stream(values()).filter(value -> code != null && value.name().equalsIgnoreCase(code.strip()))
                .findFirst().orElseThrow(() -> new DomainException("homevisit.channel.unknown"));
    }

    public String messageKey() {
        return "homevisit.channel." + name().toLowerCase(Locale.ROOT);
    }
}
