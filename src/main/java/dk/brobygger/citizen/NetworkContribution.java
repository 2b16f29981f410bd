package dk.brobygger.citizen;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Netværk on the citizen's timeline: who was written into the network and who was taken out, and when. */
@Component
class NetworkContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    NetworkContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT id, citizen_id, name, role, 'ADDED' AS change_kind, added_at AS happened_at
                  FROM network_member WHERE citizen_id = :citizen
                UNION ALL
                SELECT id, citizen_id, name, role, 'REMOVED' AS change_kind, removed_at AS happened_at
                  FROM network_member WHERE citizen_id = :citizen AND removed_at IS NOT NULL
                """, TimelineQuery.When.INSTANT, (row, n) -> {
                    String change = row.getString("change_kind").equals("ADDED") ? "added" : "removed";
                    var citizen = row.getObject("citizen_id", java.util.UUID.class);
                    return new TimelineEntry(TimelineQuery.When.INSTANT.read(row), kind(),
                            "timeline.network." + change, List.of(row.getString("name"), row.getString("role")),
                            "timeline.network." + change + ".citizen", "/borgere/" + citizen + "/netvaerk");
                });
    }

    @Override
    public String kind() {
        return "citizen.network";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.citizen.network";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public Optional<Tab> tab(CitizenId citizen) {
        return Optional.of(new Tab("citizen.tab.network", "/borgere/" + citizen.value() + "/netvaerk", 2));
    }

    /** The whole network as it has been, people taken out of it too. */
    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart(kind(), "timeline.kind.citizen.network", jdbc.sql("""
                SELECT * FROM network_member WHERE citizen_id = :citizen ORDER BY added_at, id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    java.util.Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("name", row.getString("name"));
                    record.put("role", row.getString("role"));
                    record.put("kind", row.getString("kind"));
                    record.put("closeness", row.getInt("closeness"));
                    record.put("phone", row.getString("phone"));
                    record.put("email", row.getString("email"));
                    record.put("addedAt", row.getTimestamp("added_at").toInstant());
                    var removed = row.getTimestamp("removed_at");
                    record.put("removedAt", removed == null ? null : removed.toInstant());
                    return record;
                }).list());
    }

    /** Anonymised: the network keeps how many and how close, not who; deleted: the network goes too. */
    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        if (mode == CitizenRetention.Mode.DELETE) {
            jdbc.sql("DELETE FROM network_member WHERE citizen_id = :id").param("id", citizen.value()).update();
            return;
        }
        jdbc.sql("""
                UPDATE network_member SET name = :text, role = :text, phone = NULL, email = NULL WHERE citizen_id = :id
                """).param("text", CitizenExpired.ANONYMISED_TEXT).param("id", citizen.value()).update();
    }
}
