package dk.brobygger.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small line chart per instrument version, drawn as SVG on the server: the citizen's scores in
 * time order on the instrument's own scale. Scores of different versions get separate charts,
 * because their scales may differ.
 */
record ScoreChart(String name, String version, List<Point> points, String path, List<Tick> ticks,
        BigDecimal first, BigDecimal latest) {

    static final int WIDTH = 560;
    static final int HEIGHT = 180;
    private static final int LEFT = 40;
    private static final int RIGHT = 20;
    private static final int TOP = 15;
    private static final int BOTTOM = 35;

    record Point(int x, int y, BigDecimal score, LocalDate on) {
    }

    record Tick(int y, int value) {
    }

    static List<ScoreChart> of(List<Score> scores, Instruments instruments) {
        Map<String, List<Score>> byVersion = new LinkedHashMap<>();
        scores.stream().sorted(Comparator.comparing(Score::answeredOn).thenComparing(Score::recordedAt))
                .forEach(score -> byVersion.computeIfAbsent(score.instrumentCode() + "\u0000" + score.instrumentVersion(),
                        key -> new ArrayList<>()).add(score));
        var charts = new ArrayList<ScoreChart>();
        for (List<Score> same : byVersion.values()) {
            var first = same.getFirst();
            var instrument = instruments.get(first.instrumentCode(), first.instrumentVersion());
            int low = instrument.lowestRaw();
            int high = instrument.highestRaw();
            if (!instrument.scoring().conversion().isEmpty()) {
                low = instrument.scoring().conversion().values().stream().min(BigDecimal::compareTo).orElseThrow()
                        .intValue();
                high = instrument.scoring().conversion().values().stream().max(BigDecimal::compareTo).orElseThrow()
                        .setScale(0, java.math.RoundingMode.CEILING).intValue();
            }
            charts.add(chart(instrument.name(), instrument.version(), same, low, Math.max(high, low + 1)));
        }
        return charts;
    }

    private static ScoreChart chart(String name, String version, List<Score> scores, int low, int high) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        var points = new ArrayList<Point>();
        var path = new StringBuilder();
        for (int i = 0; i < scores.size(); i++) {
            var score = scores.get(i);
            int x = LEFT + (scores.size() == 1 ? plotWidth / 2 : i * plotWidth / (scores.size() - 1));
            double share = (score.score().doubleValue() - low) / (high - low);
            int y = TOP + (int) Math.round(plotHeight * (1 - Math.max(0, Math.min(1, share))));
            points.add(new Point(x, y, score.score(), score.answeredOn()));
            path.append(i == 0 ? "M" : " L").append(x).append(' ').append(y);
        }
        var ticks = new ArrayList<Tick>();
        int step = Math.max(1, (high - low) / 4);
        for (int value = low; value <= high; value += step) {
            ticks.add(new Tick(TOP + (int) Math.round(plotHeight * (1 - (double) (value - low) / (high - low))), value));
        }
        return new ScoreChart(name, version, points, path.toString(), ticks, scores.getFirst().score(),
                scores.getLast().score());
    }
}
