package dk.brobygger.shared;

/**
 * Page numbers as they come from a request ({@code ?side=}, {@code ?page=}): counted from 1, any whole number
 * a client sends. The one place the offset of a page is worked out, in {@code long}: a page number near
 * {@link Integer#MAX_VALUE} is an empty page past the end, never an overflow into a negative offset, and a
 * page below 1 is the first page.
 */
public final class Paging {

    private Paging() {
    }

    /** The page number a list shows: at least 1. */
    public static int page(int requested) {
        return Math.max(1, requested);
    }

    /** How many rows come before the given page (counted from 1) of pages of {@code size} rows. */
    public static long offset(int page, int size) {
        return (page(page) - 1L) * Math.max(1, size);
    }
}
