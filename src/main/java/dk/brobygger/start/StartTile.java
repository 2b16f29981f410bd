package dk.brobygger.start;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Et felt på startsiden: one tile, a few figures and rows from one module that lead to the list behind them.
 * Texts that are labels are message keys; texts that are data (a name, an address) are given as they are.
 *
 * @param id       a stable name for the tile (its element id, for tests and links)
 * @param titleKey the tile's heading
 * @param href     the list behind the tile
 * @param linkKey  the text of the link to that list
 * @param figures  the counts, each with its own link
 * @param lines    a few rows of the list, at most {@link #LINES}
 * @param noneKey  what the tile says when it has no rows and no figure above zero
 * @param order    where the tile stands: lower first
 */
public record StartTile(String id, String titleKey, String href, String linkKey, List<Figure> figures,
        List<Line> lines, String noneKey, int order) {

    /** How many rows a tile shows at most: the start page is a summary, the list is behind the link. */
    public static final int LINES = 5;

    public StartTile {
        figures = List.copyOf(figures);
        lines = List.copyOf(lines.subList(0, Math.min(LINES, lines.size())));
    }

    /** Does the tile have anything to show beyond its "nothing waits" text? */
    public boolean isEmpty() {
        return lines.isEmpty() && figures.stream().allMatch(figure -> figure.count() == 0);
    }

    /** A count with its label (message key taking the count as argument {0}) and the list it counts. */
    public record Figure(String labelKey, long count, @Nullable String href, boolean urgent) {
    }

    /**
     * A row: its text (data, e.g. the citizen's name), an optional detail (data, e.g. an address or what the
     * task is), where it leads, and for an address a link to a map.
     */
    public record Line(String text, @Nullable String detail, @Nullable String href, @Nullable String mapHref) {
    }
}
