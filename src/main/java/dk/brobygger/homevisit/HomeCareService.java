package dk.brobygger.homevisit;

import java.util.Arrays;
import java.util.Locale;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/** Hjemmehjælp (Serviceloven §83): the two kinds that together exempt a citizen from §79a visits. */
enum HomeCareService {
    /** Personlig pleje. */
    PERSONAL_CARE,
    /** Praktisk hjælp. */
    PRACTICAL_HELP;

    public static HomeCareService of(@Nullable String code) {
        return Arrays.stream(values()).filter(value -> code != null && value.name().equalsIgnoreCase(code.strip()))
                .findFirst().orElseThrow(() -> new DomainException("homevisit.homeCare.unknown"));
    }

    public String messageKey() {
        return "homevisit.homeCare." + name().toLowerCase(Locale.ROOT);
    }
}
