package dk.brobygger.citizen;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dk.brobygger.shared.DomainException;

/** Adresse: street and number, and the Danish four-digit postcode. */
public record Address(@Nullable String street, @Nullable String postcode) {

    static final int MAX_STREET = 200;
    private static final Pattern POSTCODE = Pattern.compile("\\d{4}");

    public Address {
        street = Texts.optional(street, MAX_STREET, "citizen.address.tooLong");
        postcode = Texts.optional(postcode, 4, "citizen.postcode.invalid");
        if (postcode != null && !POSTCODE.matcher(postcode).matches()) {
            throw new DomainException("citizen.postcode.invalid");
        }
    }

    public static Address unknown() {
        return new Address(null, null);
    }
}
