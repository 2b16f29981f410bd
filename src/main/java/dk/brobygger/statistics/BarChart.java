package dk.brobygger.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart drawn as SVG on the server. A suppressed count ("<5") is drawn as no bar and labelled
 * "<5", so the picture never shows more than the table.
 */
record BarChart(List<Bar> bars, int width, int height, long max) {

    static final int HEIGHT = 200;
    private static final int TOP = 20;
    private static final int BOTTOM = 30;
    private static final int BAR = 34;
    private static final int GAP = 12;

    record Bar(int x, int y, int height, int labelX, String label, String value) {
    }

    record Point(String label, Count count) {
    }

    static BarChart of(List<Point> points) {
        long max = Math.max(1, points.stream().mapToLong(p -> p.count().drawable()).max().orElse(1));
        int plot = HEIGHT - TOP - BOTTOM;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            var point = points.get(i);
            int barHeight = (int) Math.round((double) plot * point.count().drawable() / max);
            int x = GAP + i * (BAR + GAP);
            bars.add(new Bar(x, TOP + plot - barHeight, barHeight, x + BAR / 2, point.label(), point.count().shown()));
        }
        return new BarChart(bars, GAP + points.size() * (BAR + GAP), HEIGHT, max);
    }
}
