package dk.brobygger.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.citizen.CitizenContribution;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRetention;
import dk.brobygger.citizen.TimelineQuery;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Målinger on the citizen's pages: each questionnaire answered (instrument, score, band), the tab
 * "Målinger", the scores in the citizen's download, and at retention the free-text context ("where it was
 * given") removed while instrument, version, answers, score, band and day stay. A deleted citizen's scores go
 * by ON DELETE CASCADE.
 */
@Component
class ScoreContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    ScoreContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT r.citizen_id, i.name, r.score, r.band, r.answered_on AS happened_at
                  FROM instrument_response r
                  JOIN instrument i ON i.code = r.instrument_code AND i.version = r.instrument_version
                 WHERE r.citizen_id = :citizen
                """, TimelineQuery.When.DAY, (row, n) -> {
                    String band = row.getString("band");
                    return new TimelineEntry(TimelineQuery.When.DAY.read(row), kind(), "timeline.score",
                            List.of(row.getString("name"), score(row.getBigDecimal("score")), band == null ? "–" : band),
                            "timeline.score.citizen",
                            "/borgere/" + row.getObject("citizen_id", UUID.class) + "/maalinger");
                });
    }

    private static String score(BigDecimal score) {
        return score.stripTrailingZeros().toPlainString();
    }

    @Override
    public String kind() {
        return "outcome.score";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.outcome.score";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public Optional<Tab> tab(CitizenId citizen) {
        return Optional.of(new Tab("outcome.tab", "/borgere/" + citizen.value() + "/maalinger", 30));
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart("outcome.scores", labelKey(), jdbc.sql("""
                SELECT r.*, i.name FROM instrument_response r
                  JOIN instrument i ON i.code = r.instrument_code AND i.version = r.instrument_version
                 WHERE r.citizen_id = :citizen ORDER BY r.answered_on, r.id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("instrument", row.getString("name"));
                    record.put("instrumentVersion", row.getString("instrument_version"));
                    record.put("answeredOn", row.getObject("answered_on", LocalDate.class));
                    record.put("answers", row.getString("answers"));
                    record.put("score", row.getBigDecimal("score"));
                    record.put("band", row.getString("band"));
                    record.put("context", row.getString("context"));
                    return record;
                }).list());
    }

    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        if (mode != CitizenRetention.Mode.ANONYMISE) {
            return;
        }
        jdbc.sql("UPDATE instrument_response SET context = NULL WHERE citizen_id = :citizen AND context IS NOT NULL")
                .param("citizen", citizen.value()).update();
    }
}
