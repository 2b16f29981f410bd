package dk.brobygger.homevisit;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tilbud om forebyggende hjemmebesøg (§79a) on the citizen's timeline: offered, answered (yes or no) and
 * held, and the offers in the citizen's download. Offers hold no free text, so retention leaves them; a
 * deleted citizen's offers go by ON DELETE CASCADE.
 */
@Component
class VisitOfferContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    VisitOfferContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT visit_year, 'offered' AS change_kind, offered_on AS happened_at
                  FROM homevisit_offer WHERE citizen_id = :citizen
                UNION ALL
                SELECT visit_year, CASE WHEN answer = 'DECLINED' THEN 'declined' ELSE 'accepted' END AS change_kind,
                       answered_on AS happened_at
                  FROM homevisit_offer WHERE citizen_id = :citizen AND answered_on IS NOT NULL
                UNION ALL
                SELECT visit_year, 'held' AS change_kind, held_on AS happened_at
                  FROM homevisit_offer WHERE citizen_id = :citizen AND held_on IS NOT NULL
                """, TimelineQuery.When.DAY, (row, n) -> {
                    String change = row.getString("change_kind");
                    return new TimelineEntry(TimelineQuery.When.DAY.read(row), kind(), "timeline.offer." + change,
                            List.of(String.valueOf(row.getInt("visit_year"))), "timeline.offer." + change + ".citizen",
                            null);
                });
    }

    @Override
    public String kind() {
        return "homevisit.offer";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.homevisit.offer";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart("homevisit.offers", labelKey(), jdbc.sql("""
                SELECT * FROM homevisit_offer WHERE citizen_id = :citizen ORDER BY visit_year, id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("year", row.getInt("visit_year"));
                    record.put("rule", row.getString("rule"));
                    record.put("offeredOn", row.getObject("offered_on", LocalDate.class));
                    record.put("channel", row.getString("channel"));
                    record.put("answer", row.getString("answer"));
                    record.put("answeredOn", row.getObject("answered_on", LocalDate.class));
                    record.put("heldOn", row.getObject("held_on", LocalDate.class));
                    record.put("heldBy", row.getString("held_by"));
                    return record;
                }).list());
    }

    /** Nothing to clear: an offer holds only codes and dates. */
    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
    }
}
