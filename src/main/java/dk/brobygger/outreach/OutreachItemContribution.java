package dk.brobygger.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dk.brobygger.citizen.CitizenContribution;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRetention;
import dk.brobygger.citizen.TimelineQuery;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opsporing on the citizen's timeline: the citizen came on the outreach list (and why) and the item was
 * closed (with which outcome), and the items in the citizen's download. Items hold only codes and dates, so
 * retention leaves them; a deleted citizen's items go by ON DELETE CASCADE.
 */
@Component
class OutreachItemContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    OutreachItemContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT reason, outcome, 'listed' AS change_kind, created_at AS happened_at
                  FROM outreach_item WHERE citizen_id = :citizen
                UNION ALL
                SELECT reason, outcome, 'closed' AS change_kind, closed_at AS happened_at
                  FROM outreach_item WHERE citizen_id = :citizen AND closed_at IS NOT NULL
                """, TimelineQuery.When.INSTANT, (row, n) -> {
                    String change = row.getString("change_kind");
                    String outcome = row.getString("outcome");
                    List<Object> arguments = List.of(
                            new DefaultMessageSourceResolvable("outreach.reason." + row.getString("reason")),
                            new DefaultMessageSourceResolvable(outcome == null ? "timeline.outreach.noOutcome" : "outreach.outcome." + outcome));
                    return new TimelineEntry(TimelineQuery.When.INSTANT.read(row), kind(), "timeline.outreach." + change,
                            arguments, null, null);
                });
    }

    @Override
    public String kind() {
        return "outreach.item";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.outreach.item";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart("outreach.items", labelKey(), jdbc.sql("""
                SELECT * FROM outreach_item WHERE citizen_id = :citizen ORDER BY created_at, id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("reason", row.getString("reason"));
                    record.put("reasonDate", row.getObject("reason_date", LocalDate.class));
                    record.put("status", row.getString("status"));
                    record.put("outcome", row.getString("outcome"));
                    record.put("outcomeOn", row.getObject("outcome_on", LocalDate.class));
                    record.put("createdAt", row.getTimestamp("created_at").toInstant());
                    var closed = row.getTimestamp("closed_at");
                    record.put("closedAt", closed == null ? null : closed.toInstant());
                    return record;
                }).list());
    }

    /** Nothing to clear: an item holds only codes and dates. */
    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
    }
}
