package dk.brobygger.citizen;

import java.util.Locale;
import java.util.regex.Pattern;

import dk.brobygger.shared.DomainException;

/** Distrikt: the part of the municipality a citizen belongs to (ØST, VEST, ...). */
public record District(String code) {

    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}_-]{1,20}");

    public District {
        code = code.strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new DomainException("citizen.district.unknown");
        }
    }

    @Override
    public String toString() {
        return code;
    }
}
