package dk.brobygger.directory.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads offers for the search index: three queries per batch (offers, terms, schedules) however
 * many offers there are, never one query per offer.
 */
@Component
class OfferReadModel {

    private static final int BATCH = 2_000;

    private static final String OFFERS = """
            SELECT o.id, o.name, o.description, o.organization_id, g.name AS organization_name, o.status,
                   o.support_level, o.accompaniment, o.free_of_charge, o.transport_offered, o.assured_date,
                   l.wheelchair_access, l.district, l.address, l.postal_code, l.city, l.latitude, l.longitude
              FROM offer o
              JOIN organization g ON g.id = o.organization_id
              JOIN location l ON l.id = o.location_id
            """;

    private final JdbcClient jdbc;

    OfferReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IndexedOffer> load(UUID id) {
        return loadAll(List.of(id)).stream().findFirst();
    }

    /** The offers among {@code ids} that still exist, read together: three queries however many ids. */
    List<IndexedOffer> loadAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return complete(jdbc.sql(OFFERS + " WHERE o.id IN (:ids)").param("ids", List.copyOf(ids))
                .query(this::row).list());
    }

    /** Streams every offer, in batches ordered by id. */
    void forEach(Consumer<IndexedOffer> consumer) {
        UUID after = null;
        while (true) {
            var statement = after == null
                    ? jdbc.sql(OFFERS + " ORDER BY o.id FETCH FIRST " + BATCH + " ROWS ONLY")
                    : jdbc.sql(OFFERS + " WHERE o.id > :after ORDER BY o.id FETCH FIRST " + BATCH + " ROWS ONLY")
                            .param("after", after);
            List<Row> rows = statement.query(this::row).list();
            if (rows.isEmpty()) {
                return;
            }
            complete(rows).forEach(consumer);
            after = rows.getLast().id();
        }
    }

    private List<IndexedOffer> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<String[]>> terms = new HashMap<>();
        jdbc.sql("""
                SELECT ot.offer_id, t.taxonomy, t.code, t.name
                  FROM offer_term ot JOIN taxonomy_term t ON t.id = ot.term_id
                 WHERE ot.offer_id IN (:ids)
                """).param("ids", ids).query(rs -> {
            terms.computeIfAbsent(rs.getObject("offer_id", UUID.class), k -> new ArrayList<>())
                    .add(new String[] {rs.getString("taxonomy"), rs.getString("code"), rs.getString("name")});
        });
        Map<UUID, List<WeeklySchedule>> schedules = new HashMap<>();
        jdbc.sql("""
                SELECT offer_id, weekday, opens_at, closes_at, week_interval, valid_from, valid_to
                  FROM offer_schedule WHERE offer_id IN (:ids) ORDER BY offer_id, position
                """).param("ids", ids).query(rs -> {
            schedules.computeIfAbsent(rs.getObject("offer_id", UUID.class), k -> new ArrayList<>())
                    .add(new WeeklySchedule(DayOfWeek.valueOf(rs.getString("weekday")),
                            rs.getTime("opens_at").toLocalTime(), rs.getTime("closes_at").toLocalTime(),
                            rs.getInt("week_interval"),
                            rs.getDate("valid_from") == null ? null : rs.getDate("valid_from").toLocalDate(),
                            rs.getDate("valid_to") == null ? null : rs.getDate("valid_to").toLocalDate()));
        });
        List<IndexedOffer> offers = new ArrayList<>(rows.size());
        for (Row row : rows) {
            List<String[]> offerTerms = terms.getOrDefault(row.id(), List.of());
            offers.add(new IndexedOffer(row.id(), row.name(), row.description(), row.organizationId(),
                    row.organizationName(), row.status(), row.supportLevel(), row.accompaniment(), row.free(),
                    row.transport(), row.wheelchair(), row.district(), row.address(), row.postalCode(), row.city(),
                    row.latitude(), row.longitude(), row.assuredDate(),
                    offerTerms.stream().filter(t -> "kategori".equals(t[0])).map(t -> t[1]).toList(),
                    offerTerms.stream().filter(t -> !"kategori".equals(t[0])).map(t -> t[1]).toList(),
                    offerTerms.stream().map(t -> t[2]).toList(),
                    schedules.getOrDefault(row.id(), List.of())));
        }
        return offers;
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
                OfferStatus.valueOf(rs.getString("status")), SupportLevel.valueOf(rs.getString("support_level")),
                rs.getBoolean("accompaniment"), rs.getBoolean("free_of_charge"), rs.getBoolean("transport_offered"),
                rs.getBoolean("wheelchair_access"), rs.getString("district"), rs.getString("address"),
                rs.getString("postal_code"), rs.getString("city"), rs.getDouble("latitude"),
                rs.getDouble("longitude"), rs.getDate("assured_date").toLocalDate());
    }

    private record Row(UUID id, String name, String description, UUID organizationId, String organizationName,
            OfferStatus status, SupportLevel supportLevel, boolean accompaniment, boolean free, boolean transport,
            boolean wheelchair, String district, String address, String postalCode, String city, double latitude,
            double longitude, java.time.LocalDate assuredDate) {
    }
}
