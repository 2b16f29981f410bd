package dk.brobygger.directory.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.directory.OfferFacts;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link OfferFacts} from the directory's tables, with the distance measured like the search measures it. */
@Component
class OfferFactsReader implements OfferFacts {

    private final JdbcClient jdbc;
    private final Places places;

    OfferFactsReader(JdbcClient jdbc, Places places) {
        this.jdbc = jdbc;
        this.places = places;
    }

    private record Row(UUID id, String name, UUID organizationId, String organizationName, OfferStatus status,
            SupportLevel supportLevel, boolean accompaniment, @Nullable Integer minAge, @Nullable Integer maxAge,
            @Nullable Integer placesLeft, boolean waitlist, boolean assessment, @Nullable String capacityNote,
            String address, String postalCode, String city,
            String district, LocalDate assuredDate, double latitude, double longitude) {
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Offer> find(UUID offerId, @Nullable String origin) {
        var row = jdbc.sql("""
                SELECT o.id, o.name, o.organization_id, g.name AS organization_name, o.status, o.support_level,
                       o.accompaniment, o.min_age, o.max_age, o.places_left, o.waitlist, o.capacity_assessment, o.capacity_note, l.address, l.postal_code,
                       l.city, l.district, o.assured_date, l.latitude, l.longitude
                  FROM offer o JOIN organization g ON g.id = o.organization_id JOIN location l ON l.id = o.location_id
                 WHERE o.id = :id
                """).param("id", offerId).query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
                        OfferStatus.valueOf(rs.getString("status")), SupportLevel.valueOf(rs.getString("support_level")),
                        rs.getBoolean("accompaniment"), rs.getObject("min_age", Integer.class),
                        rs.getObject("max_age", Integer.class), rs.getObject("places_left", Integer.class),
                        rs.getBoolean("waitlist"), rs.getBoolean("capacity_assessment"), rs.getString("capacity_note"),
                        rs.getString("address"), rs.getString("postal_code"),
                        rs.getString("city"), rs.getString("district"), rs.getObject("assured_date", LocalDate.class),
                        rs.getDouble("latitude"), rs.getDouble("longitude")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var offer = row.get();
        var targetGroups = jdbc.sql("""
                SELECT t.name FROM offer_term ot JOIN taxonomy_term t ON t.id = ot.term_id
                 WHERE ot.offer_id = :id AND t.taxonomy = 'maalgruppe' ORDER BY t.name
                """).param("id", offerId).query(String.class).list();
        var schedules = jdbc.sql("""
                SELECT weekday, opens_at, closes_at, week_interval, valid_from, valid_to FROM offer_schedule
                 WHERE offer_id = :id ORDER BY position
                """).param("id", offerId).query((rs, n) -> new WeeklySchedule(DayOfWeek.valueOf(rs.getString("weekday")),
                        rs.getObject("opens_at", LocalTime.class), rs.getObject("closes_at", LocalTime.class),
                        rs.getInt("week_interval"), rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class))).list();
        Double distance = origin == null || origin.isBlank() ? null : places.find(origin)
                .map(place -> Math.round(Places.distanceKm(place.latitude(), place.longitude(), offer.latitude(),
                        offer.longitude()) * 10) / 10.0)
                .orElse(null);
        return Optional.of(new Offer(offer.id(), offer.name(), offer.organizationId(), offer.organizationName(),
                offer.status(), offer.supportLevel(), offer.accompaniment(), offer.minAge(), offer.maxAge(),
                targetGroups, offer.placesLeft(), offer.waitlist(), offer.assessment(), offer.capacityNote(), schedules, offer.address(), offer.postalCode(),
                offer.city(), offer.district(), offer.assuredDate(), distance));
    }
}
