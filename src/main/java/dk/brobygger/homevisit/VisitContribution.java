package dk.brobygger.homevisit;

import java.sql.Timestamp;
import java.time.Clock;
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
 * Forebyggende hjemmebesøg on the citizen's pages: each visit planned, held or cancelled (with the
 * "Fællesskab" tag), the tab "Hjemmebesøg", the visits in the citizen's download, and at retention the
 * visitor's notes removed while what statistics count stays (dates, place, status, themes, the loneliness
 * checklist, the card, the tag, the offers suggested). A deleted citizen's visits go by ON DELETE CASCADE.
 */
@Component
class VisitContribution implements CitizenContribution {

    private static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TimelineQuery query;

    VisitContribution(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.query = new TimelineQuery(jdbc, """
                SELECT id, status, community_tag, planned_start AS happened_at FROM visit WHERE citizen_id = :citizen
                """, TimelineQuery.When.DANISH_TIME, (row, n) -> {
                    String status = row.getString("status").toLowerCase(java.util.Locale.ROOT);
                    boolean tagged = row.getBoolean("community_tag");
                    return new TimelineEntry(TimelineQuery.When.DANISH_TIME.read(row), kind(),
                            "timeline.visit." + status + (tagged ? ".tagged" : ""), List.of(),
                            "timeline.visit." + status + ".citizen",
                            "/hjemmebesog/besoeg/" + row.getObject("id", UUID.class));
                });
    }

    @Override
    public String kind() {
        return "homevisit.visit";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.homevisit.visit";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public Optional<Tab> tab(CitizenId citizen) {
        return Optional.of(new Tab("visit.tab", "/borgere/" + citizen.value() + "/besoeg", 20));
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart("homevisit.visits", labelKey(), jdbc.sql("""
                SELECT * FROM visit WHERE citizen_id = :citizen ORDER BY planned_start, id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("plannedStart", row.getTimestamp("planned_start").toLocalDateTime());
                    record.put("durationMinutes", row.getInt("duration_minutes"));
                    record.put("place", row.getString("place"));
                    record.put("status", row.getString("status"));
                    record.put("visitor", row.getString("visitor"));
                    record.put("heldOn", row.getObject("held_on", LocalDate.class));
                    record.put("themes", row.getString("themes"));
                    record.put("conversation", row.getString("conversation"));
                    record.put("communityCardHandedOut", row.getBoolean("card_handed_out"));
                    record.put("faellesskab", row.getBoolean("community_tag"));
                    record.put("notes", row.getString("notes"));
                    record.put("followUpOn", row.getObject("follow_up_on", LocalDate.class));
                    return record;
                }).list());
    }

    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        if (mode != CitizenRetention.Mode.ANONYMISE) {
            return;
        }
        // A new version, so that a form still open on such a visit cannot write the notes back.
        jdbc.sql("""
                UPDATE visit SET notes = NULL, version = version + 1, updated_by = :by, updated_at = :now
                 WHERE citizen_id = :citizen AND notes IS NOT NULL
                """).param("by", SYSTEM).param("now", Timestamp.from(clock.instant()))
                .param("citizen", citizen.value()).update();
    }
}
