package dk.brobygger.citizen;

import java.util.UUID;

/** Identifies one citizen inside Brobygger; never the CPR number, which is personal data. */
public record CitizenId(UUID value) implements Subject {

    public static CitizenId of(String text) {
        return new CitizenId(UUID.fromString(text));
    }

    static CitizenId random() {
        return new CitizenId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
