package dk.brobygger;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A small seeded generator of hostile input, the kinds a sweep of every endpoint sends: huge and negative
 * numbers, dates at the ends of the ISO calendar, very long text, control characters, SQL and HTML
 * metacharacters, odd media types and indexes no form has. The same seed gives the same values, so a failure
 * can be run again; each value says what it is when a test reports it.
 */
final class HostileValues {

    static final List<String> MEDIA_TYPES = List.of("*/*", "application/*", "multipart/form-data",
            "multipart/mixed", "text/plain", "application/x-www-form-urlencoded", "application/octet-stream",
            "application/xml", "application/json;charset=ebcdic", "application/json; boundary=", "text/*",
            "image/png", "application/fhir+json;fhirVersion=9.9");

    private static final List<String> METACHARACTERS = List.of("' OR '1'='1", "\"; DROP TABLE citizen; --",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "%", "_", "%_%", "\\", "\\\\'",
            "${7*7}", "#{7*7}", "*{7*7}", "{{7*7}}", "../../../../etc/passwd", "%2e%2e%2f", "&amp;&lt;", "]]>",
            "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", ";", "|", "`id`", "$(id)", "\u202Eevil");

    private static final List<String> DATES = List.of("-999999999-01-01", "+999999999-12-31", "0000-00-00",
            "2026-02-30", "2026-13-01", "9999-12-31", "0001-01-01", "+10000-01-01", "-0001-01-01", "1970-01-01T",
            "2026-1-1", "31-12-2026", "99999999999");

    private final Random random;

    HostileValues(long seed) {
        this.random = new Random(seed);
    }

    /** Any hostile value, of a kind chosen at random. */
    String any() {
        List<Supplier<String>> kinds = List.of(this::number, this::date, this::longText, this::control,
                this::metacharacters, this::unicode);
        return kinds.get(random.nextInt(kinds.size())).get();
    }

    /** Numbers at and beyond the ends of int and long, negative, fractional, in other notations. */
    String number() {
        return switch (random.nextInt(9)) {
            case 0 -> Integer.toString(Integer.MAX_VALUE - random.nextInt(3));
            case 1 -> Integer.toString(Integer.MIN_VALUE + random.nextInt(3));
            case 2 -> "9223372036854775808";
            case 3 -> "-" + (1 + random.nextInt(1_000_000));
            case 4 -> "1e309";
            case 5 -> "NaN";
            case 6 -> "0x" + Integer.toHexString(random.nextInt());
            case 7 -> "1".repeat(20 + random.nextInt(300));
            default -> (random.nextBoolean() ? "-" : "") + random.nextLong();
        };
    }

    /** A page number far beyond the last page, or below the first. */
    String pageNumber() {
        return random.nextBoolean() ? Integer.toString(Integer.MAX_VALUE - random.nextInt(2)) : number();
    }

    /** Dates a calendar cannot hold, or that only ISO's signed years can write. */
    String date() {
        if (random.nextInt(3) == 0) {
            long year = (random.nextBoolean() ? -1 : 1) * (10_000L + (long) (random.nextDouble() * 999_989_999L));
            return (year < 0 ? "" : "+") + year + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(9);
        }
        return DATES.get(random.nextInt(DATES.size()));
    }

    /** Text longer than any column, up to the size a query string or form field can carry. */
    String longText() {
        int length = 1_000 + random.nextInt(9_000);
        var text = new StringBuilder(length);
        String alphabet = "abcæøåÆØÅ 0123456789-";
        while (text.length() < length) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Control characters, NUL and line breaks among ordinary letters. */
    String control() {
        var text = new StringBuilder("a");
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            text.append((char) random.nextInt(0x20)).append('b');
        }
        return text.append(random.nextBoolean() ? "\u007F\u2028\uFEFF" : "\r\nX-Injected: yes").toString();
    }

    String metacharacters() {
        return METACHARACTERS.get(random.nextInt(METACHARACTERS.size()));
    }

    /** Surrogate pairs, a lone surrogate, combining marks and right-to-left overrides. */
    String unicode() {
        return switch (random.nextInt(4)) {
            case 0 -> "😀".repeat(1 + random.nextInt(600));
            case 1 -> "x\uD800y";
            case 2 -> "e\u0301\u0301\u0301\u0301";
            default -> "\u202E" + "gnp.exe";
        };
    }

    /** An index no form has: huge, negative, or not a number. */
    String index() {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(1_000 + random.nextInt(1_000_000));
            case 1 -> "-" + (1 + random.nextInt(10));
            case 2 -> Integer.toString(Integer.MAX_VALUE);
            default -> Integer.toString(257 + random.nextInt(100));
        };
    }

    String mediaType() {
        return MEDIA_TYPES.get(random.nextInt(MEDIA_TYPES.size()));
    }

    <T> T oneOf(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }
}
