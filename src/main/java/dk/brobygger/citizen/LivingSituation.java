package dk.brobygger.citizen;

import java.util.Arrays;
import java.util.Locale;

import dk.brobygger.shared.DomainException;

/** Boform: how the citizen lives, a known risk factor for loneliness. */
public enum LivingSituation {
    /** Bor alene. */
    ALONE,
    /** Bor med ægtefælle eller partner. */
    WITH_PARTNER,
    /** Bor på plejehjem eller i plejebolig. */
    CARE_HOME;

    /** Parses the API's code; an unknown code is refused with a Danish message. */
    public static LivingSituation of(String code) {
        return Arrays.stream(values()).filter(value -> value.name().equalsIgnoreCase(code.strip())).findFirst()
                .orElseThrow(() -> new DomainException("citizen.livingSituation.unknown"));
    }

    /** The key of the Danish name in the citizen bundle. */
    public String messageKey() {
        return "citizen.livingSituation." + name().toLowerCase(Locale.ROOT);
    }
}
