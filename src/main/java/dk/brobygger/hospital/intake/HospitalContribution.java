package dk.brobygger.hospital.intake;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.citizen.CitizenContribution;
import dk.brobygger.citizen.CitizenExpired;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRetention;
import dk.brobygger.citizen.TimelineQuery;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sygehusadviser on the citizen's pages: each hospital event (admitted, on leave, discharged; corrected and
 * cancelled ones marked), the tab "Sygehus", the events in the citizen's download, and retention. A kept
 * message is the raw MedCom bundle, with the citizen's CPR number and name in it, so when a citizen's
 * retention period has run out:
 * <ul>
 * <li>anonymised: the timeline keeps each event's kind, time and status and loses the hospital's episode
 * identifier; the citizen's messages keep when they arrived, their event code and outcome, and lose the
 * body, the rejection detail and the sender's message and bundle ids (keys into the hospital's records,
 * which name the citizen; a message sent again now finds no CPR number to match and is rejected);</li>
 * <li>deleted: the citizen's hospital events and then their messages go, before the citizen does.</li>
 * </ul>
 */
@Component
class HospitalContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    HospitalContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT citizen_id, code, status, occurred_at AS happened_at FROM hospital_event WHERE citizen_id = :citizen
                """, TimelineQuery.When.INSTANT, (row, n) -> {
                    boolean active = "ACTIVE".equals(row.getString("status"));
                    String code = row.getString("code");
                    return new TimelineEntry(TimelineQuery.When.INSTANT.read(row), kind(),
                            active ? "timeline.hospital.event" : "timeline.hospital.ended." + row.getString("status"),
                            List.of(new org.springframework.context.support.DefaultMessageSourceResolvable(
                                    "hospital.event." + code)),
                            active && !"MORS".equals(code) ? "timeline.hospital." + code + ".citizen" : null,
                            "/borgere/" + row.getObject("citizen_id", UUID.class) + "/sygehus");
                });
    }

    @Override
    public String kind() {
        return "hospital.event";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.hospital.event";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public Optional<Tab> tab(CitizenId citizen) {
        return Optional.of(new Tab("hospital.tab", "/borgere/" + citizen.value() + "/sygehus", 40));
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart("hospital.events", labelKey(), jdbc.sql("""
                SELECT * FROM hospital_event WHERE citizen_id = :citizen ORDER BY occurred_at, recorded_at, id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("event", row.getString("code"));
                    record.put("occurredAt", row.getTimestamp("occurred_at").toInstant());
                    record.put("status", row.getString("status"));
                    record.put("episode", row.getString("episode"));
                    var ended = row.getTimestamp("ended_at");
                    record.put("endedAt", ended == null ? null : ended.toInstant());
                    record.put("recordedAt", row.getTimestamp("recorded_at").toInstant());
                    return record;
                }).list());
    }

    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        var id = citizen.value();
        if (mode == CitizenRetention.Mode.DELETE) {
            // The events first: they refer to the messages (and to each other, all removed at once).
            jdbc.sql("DELETE FROM hospital_event WHERE citizen_id = :citizen").param("citizen", id).update();
            jdbc.sql("DELETE FROM hospital_message WHERE citizen_id = :citizen").param("citizen", id).update();
            return;
        }
        jdbc.sql("UPDATE hospital_event SET episode = NULL WHERE citizen_id = :citizen AND episode IS NOT NULL")
                .param("citizen", id).update();
        jdbc.sql("""
                UPDATE hospital_message
                   SET body = :text, detail = NULL, message_id = NULL, bundle_id = NULL, accepted_key = NULL
                 WHERE citizen_id = :citizen
                """).param("text", CitizenExpired.ANONYMISED_TEXT).param("citizen", id).update();
    }
}
