package dk.brobygger.referral;

import java.time.Instant;
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
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Henvisninger on the citizen's pages: each change of a referral on the timeline (referred, accepted, came,
 * completed …), the tab "Henvisninger", the referrals with their history in the download, and at retention the
 * citizen's words, first name, contact route and the free-text reasons removed while the states and dates that
 * statistics count stay. A deleted citizen's referrals go by ON DELETE CASCADE.
 */
@Component
class ReferralContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    ReferralContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT r.id, r.offer_name, c.to_status, c.business_status, c.changed_at AS happened_at
                  FROM referral r JOIN referral_change c ON c.referral_id = r.id
                 WHERE r.citizen_id = :citizen
                """, TimelineQuery.When.INSTANT, (row, n) -> {
                    String status = row.getString("to_status");
                    String business = row.getString("business_status");
                    List<Object> arguments = List.of(row.getString("offer_name"),
                            new DefaultMessageSourceResolvable("referral.status." + status),
                            business == null ? "" : new DefaultMessageSourceResolvable("referral.business." + business));
                    return new TimelineEntry(TimelineQuery.When.INSTANT.read(row), kind(),
                            business == null ? "timeline.referral" : "timeline.referral.business", arguments,
                            "timeline.referral.citizen", "/henvisninger/" + row.getObject("id", UUID.class));
                });
    }

    @Override
    public String kind() {
        return "referral.referral";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.referral.referral";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public Optional<Tab> tab(CitizenId citizen) {
        return Optional.of(new Tab("referral.tab", "/borgere/" + citizen.value() + "/henvisninger", 25));
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart("referral.referrals", labelKey(), jdbc.sql("""
                SELECT * FROM referral WHERE citizen_id = :citizen ORDER BY created_at, id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("offer", row.getString("offer_name"));
                    record.put("organisation", row.getString("organization_name"));
                    record.put("referrer", row.getString("referrer"));
                    record.put("status", row.getString("status"));
                    record.put("businessStatus", row.getString("business_status"));
                    record.put("reason", row.getString("status_reason"));
                    record.put("outcome", row.getString("outcome"));
                    record.put("shared", row.getString("shared_fields"));
                    record.put("sharedFirstName", row.getString("first_name"));
                    record.put("sharedContact", row.getString("contact"));
                    record.put("yourWords", row.getString("citizen_words"));
                    var firstDate = row.getTimestamp("first_date");
                    record.put("firstDate", firstDate == null ? null : firstDate.toLocalDateTime());
                    record.put("attendances", row.getInt("attendances"));
                    record.put("yourAnswer", row.getString("citizen_answer"));
                    record.put("yourContactWish", row.getString("citizen_contact_wish"));
                    record.put("yourNote", row.getString("citizen_note"));
                    var answeredAt = row.getTimestamp("citizen_answered_at");
                    record.put("yourAnswerAt", answeredAt == null ? null : answeredAt.toInstant());
                    record.put("yourAnswerVia", row.getString("citizen_answered_via"));
                    record.put("yourReport", row.getString("citizen_report"));
                    record.put("createdAt", row.getTimestamp("created_at").toInstant());
                    record.put("history", history(id));
                    return record;
                }).list());
    }

    private String history(UUID referral) {
        return String.join("; ", jdbc.sql("""
                SELECT changed_at, to_status, business_status FROM referral_change WHERE referral_id = :id
                 ORDER BY position
                """).param("id", referral).query((row, n) -> row.getTimestamp("changed_at").toInstant() + " "
                        + row.getString("to_status")
                        + (row.getString("business_status") == null ? "" : " (" + row.getString("business_status") + ")"))
                .list());
    }

    /** The citizen's words and what identified them to the association go; states, dates and offers stay. */
    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        if (mode != CitizenRetention.Mode.ANONYMISE) {
            return;
        }
        jdbc.sql("""
                UPDATE referral SET citizen_words = NULL, first_name = NULL, contact = NULL, status_reason = NULL,
                       outcome = NULL, citizen_note = NULL, version = version + 1
                 WHERE citizen_id = :citizen
                """).param("citizen", citizen.value()).update();
        jdbc.sql("""
                UPDATE referral_change SET reason = NULL
                 WHERE referral_id IN (SELECT id FROM referral WHERE citizen_id = :citizen)
                """).param("citizen", citizen.value()).update();
        // A referral from another system: the bundle as it came (CPR number, name) and its note go.
        jdbc.sql("""
                UPDATE referral_inbound SET content = '', content_hash = '', note = NULL, requester = NULL, version = version + 1
                 WHERE citizen_id = :citizen
                """).param("citizen", citizen.value()).update();
    }
}
