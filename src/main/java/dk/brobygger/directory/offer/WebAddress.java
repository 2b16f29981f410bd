package dk.brobygger.directory.offer;

import java.util.regex.Pattern;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/**
 * Hjemmeside: the address of an offer's or an organisation's website, the one rule for it wherever one is
 * typed, imported or saved. Only {@code http} and {@code https} with a host and no spaces: anything else
 * ({@code javascript:}, {@code data:}, {@code ftp:}) is not a page a citizen should be sent to.
 */
public record WebAddress(String value) {

    /** What the database holds; checked where text is read, beside the other lengths. */
    public static final int MAX_LENGTH = 400;

    /** Scheme, a host (any letters, æøå too), an optional port, then anything without spaces. */
    private static final Pattern RULE = Pattern.compile("(?i)https?://[^\\s/?#@:\\\\]+(:[0-9]{1,5})?([/?#]\\S*)?");

    public WebAddress {
        if (!isValid(value)) {
            throw new DomainException("editorial.url.invalid");
        }
    }

    public static boolean isValid(@Nullable String text) {
        return text != null && text.chars().noneMatch(Character::isISOControl)
                && RULE.matcher(text).matches();
    }

    /** The address as given, or null for none (blank is none); refused if it is not one. */
    public static @Nullable String checked(@Nullable String text) {
        return text == null || text.isBlank() ? null : new WebAddress(text).value();
    }

    /**
     * The address if a browser may follow it, otherwise null: what was stored before this rule existed is
     * never shown as a link.
     */
    public static @Nullable String linkable(@Nullable String text) {
        return isValid(text) ? text : null;
    }
}
