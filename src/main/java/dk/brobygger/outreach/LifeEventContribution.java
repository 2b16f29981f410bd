package dk.brobygger.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.brobygger.citizen.CitizenContribution;
import dk.brobygger.citizen.CitizenExpired;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRetention;
import dk.brobygger.citizen.TimelineQuery;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Livsbegivenheder on the citizen's timeline (what happened, on which day, who told us), in the citizen's
 * download, and at retention: an anonymised citizen's life events keep type, day and how they arrived and lose
 * who told us (the free-text source, often a relative), and the link to a spouse or partner goes in both
 * directions (it would tie the anonymised citizen to a named person). A deleted citizen's events and links go
 * by ON DELETE CASCADE.
 */
@Component
class LifeEventContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    LifeEventContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT type, source, occurred_on AS happened_at
                  FROM life_event WHERE citizen_id = :citizen AND withdrawn_at IS NULL
                """, TimelineQuery.When.DAY, (row, n) -> new TimelineEntry(TimelineQuery.When.DAY.read(row), kind(),
                        "timeline.lifeEvent", List.of(new DefaultMessageSourceResolvable(
                                "outreach.reason." + row.getString("type")), row.getString("source")), null, null));
    }

    @Override
    public String kind() {
        return "outreach.lifeEvent";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.outreach.lifeEvent";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart("outreach.lifeEvents", labelKey(), jdbc.sql("""
                SELECT * FROM life_event WHERE citizen_id = :citizen ORDER BY occurred_on, id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("type", row.getString("type"));
                    record.put("occurredOn", row.getObject("occurred_on", LocalDate.class));
                    record.put("source", row.getString("source"));
                    record.put("arrivedVia", row.getString("arrived_via"));
                    record.put("recordedAt", row.getTimestamp("recorded_at").toInstant());
                    var withdrawn = row.getTimestamp("withdrawn_at");
                    record.put("withdrawnAt", withdrawn == null ? null : withdrawn.toInstant());
                    return record;
                }).list());
    }

    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        if (mode != CitizenRetention.Mode.ANONYMISE) {
            return;
        }
        jdbc.sql("UPDATE life_event SET source = :text WHERE citizen_id = :citizen")
                .param("text", CitizenExpired.ANONYMISED_TEXT).param("citizen", citizen.value()).update();
        jdbc.sql("DELETE FROM outreach_partner WHERE citizen_id = :citizen OR partner_id = :citizen")
                .param("citizen", citizen.value()).update();
    }
}
