package dk.brobygger.citizen;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Samtykker on the citizen's timeline: each consent given and withdrawn, with whom and for what. */
@Component
class ConsentContribution implements CitizenContribution {

    private final JdbcClient jdbc;
    private final TimelineQuery query;

    ConsentContribution(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.query = new TimelineQuery(jdbc, """
                SELECT id, citizen_id, party, scope, 'GIVEN' AS change_kind, recorded_at AS happened_at
                  FROM consent WHERE citizen_id = :citizen
                UNION ALL
                SELECT id, citizen_id, party, scope, 'WITHDRAWN' AS change_kind, withdrawn_at AS happened_at
                  FROM consent WHERE citizen_id = :citizen AND withdrawn_at IS NOT NULL
                """, TimelineQuery.When.INSTANT, (row, n) -> {
                    String change = row.getString("change_kind").equals("GIVEN") ? "given" : "withdrawn";
                    var party = new DefaultMessageSourceResolvable(
                            ConsentParty.valueOf(row.getString("party")).messageKey());
                    return new TimelineEntry(TimelineQuery.When.INSTANT.read(row), kind(), "timeline.consent." + change,
                            List.of(party, row.getString("scope")), "timeline.consent." + change + ".citizen",
                            "/borgere/" + row.getObject("citizen_id", UUID.class) + "/samtykker");
                });
    }

    @Override
    public String kind() {
        return "citizen.consent";
    }

    @Override
    public String labelKey() {
        return "timeline.kind.citizen.consent";
    }

    @Override
    public List<TimelineEntry> timeline(CitizenId citizen, @Nullable Instant before, int limit) {
        return query.page(citizen, before, limit);
    }

    @Override
    public Optional<Tab> tab(CitizenId citizen) {
        return Optional.of(new Tab("citizen.tab.consents", "/borgere/" + citizen.value() + "/samtykker", 3));
    }

    @Override
    public ExportPart export(CitizenId citizen) {
        return new ExportPart(kind(), labelKey(), jdbc.sql("""
                SELECT * FROM consent WHERE citizen_id = :citizen ORDER BY recorded_at, id
                """).param("citizen", citizen.value()).query((row, n) -> {
                    Map<String, @Nullable Object> record = new LinkedHashMap<>();
                    record.put("party", row.getString("party"));
                    record.put("partyName", row.getString("party_name"));
                    record.put("scope", row.getString("scope"));
                    record.put("givenOn", row.getObject("given_on", java.time.LocalDate.class));
                    record.put("validUntil", row.getObject("valid_until", java.time.LocalDate.class));
                    record.put("recordedAt", row.getTimestamp("recorded_at").toInstant());
                    var withdrawn = row.getTimestamp("withdrawn_at");
                    record.put("withdrawnAt", withdrawn == null ? null : withdrawn.toInstant());
                    return record;
                }).list());
    }

    /** Anonymised: which consents existed stays, not with whom by name or for what; deleted: they go. */
    @Override
    public void expire(CitizenId citizen, CitizenRetention.Mode mode) {
        if (mode == CitizenRetention.Mode.DELETE) {
            jdbc.sql("DELETE FROM consent WHERE citizen_id = :id").param("id", citizen.value()).update();
            return;
        }
        jdbc.sql("UPDATE consent SET party_name = NULL, scope = :text WHERE citizen_id = :id")
                .param("text", CitizenExpired.ANONYMISED_TEXT).param("id", citizen.value()).update();
    }
}
