package dk.brobygger.outreach;

import java.util.Arrays;
import java.util.Locale;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/** How a worklist item or an outreach item ended (DOMAIN.md §2). */
public enum Outcome {
    /** Besøg tilbudt. */
    VISIT_OFFERED,
    /** Takket ja. */
    ACCEPTED,
    /** Takket nej. */
    DECLINED,
    /** Ikke truffet. */
    NOT_REACHED,
    /** Ikke relevant. */
    NOT_RELEVANT;

    public static Outcome of(@Nullable String code) {
        return Arrays.stream(values()).filter(value -> code != null && value.name().equalsIgnoreCase(code.strip()))
                .findFirst().orElseThrow(() -> new DomainException("outreach.outcome.unknown"));
    }

    public String messageKey() {
        return "outreach.outcome." + name();
    }

    public String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
