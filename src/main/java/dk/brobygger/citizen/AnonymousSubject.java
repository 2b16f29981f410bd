package dk.brobygger.citizen;

import java.util.Objects;
import java.util.UUID;

/**
 * Someone the municipality works with who has no identity in Brobygger: no CPR number, no name in the
 * register (an anonymous acute contact, a relative asking for advice). The id is the record's own (the
 * contact's), so records about the same anonymous person can be kept together without knowing who it is.
 */
public record AnonymousSubject(UUID value) implements Subject {

    public AnonymousSubject {
        Objects.requireNonNull(value, "value");
    }

    public static AnonymousSubject random() {
        return new AnonymousSubject(UUID.randomUUID());
    }
}
