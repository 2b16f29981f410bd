package dk.brobygger.statistics;

import java.util.List;

/** A report table ready for a page or an export: every cell already suppressed where it must be. */
public record Table(String title, List<String> headers, List<List<String>> rows) {
}
