package dk.brobygger.citizen;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dk.brobygger.shared.DomainException;

/** How to reach the citizen: phone and e-mail, both optional. */
public record Contact(@Nullable String phone, @Nullable String email) {

    private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{4,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Contact {
        phone = Texts.optional(phone, 40, "citizen.phone.invalid");
        email = Texts.optional(email, 200, "citizen.email.invalid");
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new DomainException("citizen.phone.invalid");
        }
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new DomainException("citizen.email.invalid");
        }
    }

    public static Contact none() {
        return new Contact(null, null);
    }
}
