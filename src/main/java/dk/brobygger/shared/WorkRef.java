package dk.brobygger.shared;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A piece of work with a citizen, named by its kind and id: a home-visit worklist line, an outreach item,
 * later a referral, a course, a meeting or an acute stay. Need-to-know relations and tasks name the work
 * they belong to with it, so that ending the work ends exactly what it opened.
 *
 * <p>The kind is owned by the module that does the work ({@code "homevisit.worklist"}, {@code "referral"}),
 * so a new module adds kinds without touching this type.
 */
public record WorkRef(String kind, UUID id) {

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    public WorkRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (kind.length() > 40 || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("A work kind is lower-case words joined by dots: " + kind);
        }
    }

    public static WorkRef of(String kind, UUID id) {
        return new WorkRef(kind, id);
    }

    @Override
    public String toString() {
        return kind + ":" + id;
    }
}
