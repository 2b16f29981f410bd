package dk.brobygger.course;

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
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Forløb on the citizen's pages: the citizen's inquiries, each course's start, phase moves and exit on the
 * timeline, the tab "Forløb", inquiries, courses, contacts and involved relatives in the download, and at retention
 * the free text (the citizen's words, notes, analyses, goals, relatives' names) removed while types, phases, dates,
 * minutes and exits stay for statistics. A deleted citizen's courses go by ON DELETE CASCADE; their inquiries lose
 * the link (ON DELETE SET NULL) and are anonymised here first.
 */
@Component
class CourseContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    CourseContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT 'INQUIRY' AS what, i.id, i.source AS detail, CAST(NULL AS VARCHAR(200)) AS type_name,
                       CAST(NULL AS INTEGER) AS phase, i.received_at AS happened_at
                  FROM course_inquiry i WHERE i.citizen_id = :citizen
                UNION ALL
                SELECT CASE WHEN ch.from_status IS NULL THEN 'STARTED'
                            WHEN ch.to_status = 'FINISHED' THEN 'FINISHED'
                            WHEN ch.from_status <> ch.to_status THEN 'STATUS'
                            ELSE 'PHASE' END AS what,
                       c.id, ch.to_status AS detail, t.name AS type_name, ch.to_phase AS phase,
                       ch.changed_at AS happened_at
                  FROM course c JOIN course_change ch ON ch.course_id = c.id JOIN course_type t ON t.id = c.type_id
                 WHERE c.citizen_id = :citizen
                """, TimelineQuery.When.INSTANT, (row, n) -> {
                    String what = row.getString("what");
                    UUID id = row.getObject("id", UUID.class);
                    String detail = row.getString("detail");
                    String type = row.getString("type_name");
                    List<Object> arguments = switch (what) {
                        case "INQUIRY" -> List.of(new DefaultMessageSourceResolvable("course.source." + detail));
                        case "STATUS" -> List.of(type, new DefaultMessageSourceResolvable("course.status." + detail));
                        case "PHASE" -> List.of(type, row.getInt("phase") + 1);
                        default -> List.of(type);
                    };
                    return new TimelineEntry(TimelineQuery.When.INSTANT.read(row), kind(),
                            "timeline.course." + what, arguments, "timeline.course.citizen." + what,
                            "INQUIRY".equals(what) ? "/indgang/henvendelser/" + id : "/forloeb/" + id);
                });
    }

    @Override
    public String kind() {
        return "course.course";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.course.course";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public Optional<Tab> tab(CitizenId citizen) {
        return Optional.of(new Tab("course.tab", "/borgere/" + citizen.value() + "/forloeb", 22));
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        var records = new java.util.ArrayList<Map<String, @Nullable Object>>();
        jdbc.sql("SELECT * FROM course_inquiry WHERE citizen_id = :citizen ORDER BY received_at, id")
                .param("citizen", citizen.value()).query((row, n) -> {
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("record", "inquiry");
                    record.put("receivedAt", row.getTimestamp("received_at").toInstant());
                    record.put("channel", row.getString("channel"));
                    record.put("from", row.getString("source"));
                    record.put("contactName", row.getString("contact_name"));
                    record.put("onBehalfOf", row.getString("on_behalf_of"));
                    record.put("yourWish", row.getString("wish"));
                    record.put("urgency", row.getString("urgency"));
                    record.put("outcome", row.getString("outcome"));
                    return record;
                }).list().forEach(records::add);
        jdbc.sql("""
                SELECT c.*, t.name AS type_name FROM course c JOIN course_type t ON t.id = c.type_id
                 WHERE c.citizen_id = :citizen ORDER BY c.started_at, c.id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("record", "course");
                    record.put("type", row.getString("type_name"));
                    record.put("team", row.getString("team"));
                    record.put("responsible", row.getString("responsible"));
                    record.put("peerHost", row.getString("peer_host"));
                    record.put("status", row.getString("status"));
                    record.put("phase", row.getInt("phase") + 1);
                    record.put("startedAt", row.getTimestamp("started_at").toInstant());
                    record.put("plannedExit", row.getString("planned_exit"));
                    record.put("plannedExitTo", row.getString("planned_exit_to"));
                    record.put("plannedExitOn", row.getObject("planned_exit_on", java.time.LocalDate.class));
                    record.put("plannedExitOffer", jdbc.sql(
                            "SELECT offer_name FROM course_planned_exit_offer WHERE course_id = :id")
                            .param("id", id).query(String.class).optional().orElse(null));
                    record.put("exit", row.getString("exit_kind"));
                    record.put("exitTo", row.getString("exit_to"));
                    record.put("exitOn", row.getObject("exit_on", java.time.LocalDate.class));
                    record.put("youAgreedToExit", row.getObject("exit_citizen_agrees", Boolean.class));
                    record.put("exitOffer", jdbc.sql("SELECT offer_name FROM course_exit_offer WHERE course_id = :id")
                            .param("id", id).query(String.class).optional().orElse(null));
                    record.put("sharedAnalysis", row.getString("shared_analysis"));
                    record.put("yourGoals", row.getString("own_goals"));
                    record.put("contacts", contacts(id));
                    record.put("relatives", relatives(id));
                    return record;
                }).list().forEach(records::add);
        return new ExportPart("course.courses", labelKey(), records);
    }

    private String contacts(UUID course) {
        return String.join("; ", jdbc.sql("""
                SELECT happened_at, kind, minutes, note, removed_at, removed_reason FROM course_contact
                 WHERE course_id = :id ORDER BY happened_at, id
                """).param("id", course).query((row, n) -> row.getTimestamp("happened_at").toInstant() + " "
                        + row.getString("kind") + " " + row.getInt("minutes") + " min"
                        + (row.getString("note") == null ? "" : ": " + row.getString("note"))
                        + (row.getTimestamp("removed_at") == null ? ""
                                : " (removed as entered in error: " + row.getString("removed_reason") + ")")).list());
    }

    private String relatives(UUID course) {
        return String.join("; ", jdbc.sql("""
                SELECT name, relation, involvement, network_group FROM course_relative WHERE course_id = :id
                 ORDER BY recorded_at, id
                """).param("id", course).query((row, n) -> row.getString("name") + " (" + row.getString("relation")
                        + ", " + row.getString("involvement")
                        + (row.getString("network_group") == null ? "" : ", network group " + row.getString("network_group"))
                        + ")").list());
    }

    /** Free text goes; types, phases, dates, minutes and exits stay. */
    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        jdbc.sql("""
                UPDATE course_inquiry SET contact_name = NULL, contact_route = NULL, on_behalf_of = NULL, wish = :text,
                       link_reason = NULL, outcome_note = NULL, anonymised_at = CURRENT_TIMESTAMP, version = version + 1
                 WHERE citizen_id = :citizen
                """).param("text", CitizenExpired.ANONYMISED_TEXT).param("citizen", citizen.value()).update();
        if (mode != CitizenRetention.Mode.ANONYMISE) {
            return;
        }
        jdbc.sql("""
                UPDATE course SET peer_host = NULL, planned_exit_to = NULL, exit_to = NULL, exit_note = NULL,
                       shared_analysis = NULL, own_goals = NULL, version = version + 1
                 WHERE citizen_id = :citizen
                """).param("citizen", citizen.value()).update();
        jdbc.sql("UPDATE course_contact SET note = NULL, who = :text, removed_reason = NULL WHERE citizen_id = :citizen")
                .param("text", CitizenExpired.ANONYMISED_TEXT).param("citizen", citizen.value()).update();
        jdbc.sql("""
                UPDATE course_relative SET name = :text, relation = :text
                 WHERE course_id IN (SELECT id FROM course WHERE citizen_id = :citizen)
                """).param("text", CitizenExpired.ANONYMISED_TEXT).param("citizen", citizen.value()).update();
        jdbc.sql("""
                UPDATE course_entry_change SET reason = NULL,
                       before_value = CASE WHEN field IN ('who', 'note') THEN NULL ELSE before_value END,
                       after_value = CASE WHEN field IN ('who', 'note') THEN NULL ELSE after_value END
                 WHERE course_id IN (SELECT id FROM course WHERE citizen_id = :citizen)
                """).param("citizen", citizen.value()).update();
        jdbc.sql("""
                UPDATE course_change SET reason = NULL
                 WHERE course_id IN (SELECT id FROM course WHERE citizen_id = :citizen)
                """).param("citizen", citizen.value()).update();
    }
}
