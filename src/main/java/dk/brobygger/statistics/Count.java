package dk.brobygger.statistics;

/**
 * A count as it may be shown outside the case view: 1 to 4 become "<5" so no single person can be
 * picked out (DOMAIN.md §11). Zero reveals no one and is shown as 0. A count hidden only to protect
 * another ({@code protecting}: the one that would let a hidden count be subtracted from a total, see
 * {@link Suppression}) is shown as "–".
 */
public record Count(long value, boolean protecting) {

    public static final int SMALLEST_SHOWN = 5;

    public Count(long value) {
        this(value, false);
    }

    /** The same count, hidden to protect another (when it is not already hidden as small). */
    Count protect() {
        return new Count(value, true);
    }

    boolean suppressed() {
        return value > 0 && value < SMALLEST_SHOWN;
    }

    /** What a table, a chart label or an export shows. */
    public String shown() {
        return suppressed() ? "<5" : protecting ? "–" : Long.toString(value);
    }

    /** What a chart may draw: a hidden count is drawn as nothing rather than as its true size. */
    long drawable() {
        return suppressed() || protecting ? 0 : value;
    }

    /** A share in whole per cent, or "–" when the whole is too small to show. */
    public static String share(long part, long whole) {
        if (whole < SMALLEST_SHOWN || (part > 0 && part < SMALLEST_SHOWN)) {
            return "–";
        }
        return Math.round(100.0 * part / whole) + " %";
    }

    @Override
    public String toString() {
        return shown();
    }
}
