package dk.brobygger.directory.hsds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.offer.TaxonomyTerm;
import dk.brobygger.shared.Paging;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads public offers and organisations for the HSDS API with a fixed number of queries per
 * request: a page of services is one count and one select; a full service adds one query for its
 * terms and one for its schedules, whatever their number. Inactive offers are never read.
 */
@Component
class HsdsReadModel {

    /** The filters of {@code /hsds/services}; null means not filtered. */
    record ServiceFilter(@Nullable String search, @Nullable UUID taxonomyTermId, @Nullable UUID organizationId,
            @Nullable Instant modifiedAfter) {
    }

    private static final String SERVICE_COLUMNS = """
            SELECT o.id, o.organization_id, o.location_id, o.name, o.description, o.status, o.support_level,
                   o.accompaniment, o.min_age, o.max_age, o.free_of_charge, o.cost_description,
                   o.transport_offered, o.transport_note, o.languages, o.places_left, o.waitlist,
                   o.contact_name, o.contact_email, o.contact_phone, o.url, o.assured_date, o.updated_at,
                   org.name AS org_name, org.description AS org_description, org.email AS org_email,
                   org.phone AS org_phone, org.website AS org_website,
                   l.name AS loc_name, l.address, l.postal_code, l.city, l.district, l.latitude, l.longitude,
                   l.wheelchair_access, l.hearing_loop
              FROM offer o
              JOIN organization org ON org.id = o.organization_id
              JOIN location l ON l.id = o.location_id
            """;

    private final JdbcClient jdbc;
    private final Taxonomy taxonomy;
    private final HsdsMapping mapping;

    HsdsReadModel(JdbcClient jdbc, Taxonomy taxonomy, HsdsMapping mapping) {
        this.jdbc = jdbc;
        this.taxonomy = taxonomy;
        this.mapping = mapping;
    }

    /** One page of public services with their one-to-one fields and organisation, ordered by name. */
    Hsds.Page<Hsds.Service> services(ServiceFilter filter, int page, int perPage) {
        var where = new StringBuilder(" WHERE o.status <> :inactive");
        Map<String, Object> params = new HashMap<>();
        params.put("inactive", OfferStatus.INACTIVE.name());
        if (filter.search() != null) {
            where.append(" ").append("""
                     AND (LOWER(o.name) LIKE :pattern ESCAPE '!' OR LOWER(o.description) LIKE :pattern ESCAPE '!'
                          OR LOWER(org.name) LIKE :pattern ESCAPE '!')""");
            params.put("pattern", likePattern(filter.search()));
        }
        if (filter.taxonomyTermId() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM offer_term t WHERE t.offer_id = o.id AND t.term_id = :termId)");
            params.put("termId", filter.taxonomyTermId());
        }
        if (filter.organizationId() != null) {
            where.append(" AND o.organization_id = :organizationId");
            params.put("organizationId", filter.organizationId());
        }
        if (filter.modifiedAfter() != null) {
            where.append(" AND o.updated_at >= :modifiedAfter");
            params.put("modifiedAfter", Timestamp.from(filter.modifiedAfter()));
        }
        long total = jdbc.sql("""
                SELECT COUNT(*) FROM offer o JOIN organization org ON org.id = o.organization_id""" + where)
                .params(params).query(Long.class).single();
        params.put("offset", Paging.offset(page, perPage));
        params.put("limit", perPage);
        List<ServiceRow> rows = jdbc.sql(SERVICE_COLUMNS + where
                + " ORDER BY o.name, o.id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params).query(this::serviceRow).list();
        return Hsds.Page.of(rows.stream().map(mapping::serviceInList).toList(), total, page, perPage);
    }

    /** A public service, fully nested. */
    Optional<Hsds.Service> service(UUID id) {
        return jdbc.sql(SERVICE_COLUMNS + " WHERE o.id = :id AND o.status <> :inactive")
                .param("id", id).param("inactive", OfferStatus.INACTIVE.name())
                .query(this::serviceRow).optional()
                .map(row -> mapping.fullService(row, termsOf(List.of(id)).getOrDefault(id, List.of()),
                        schedulesOf(List.of(id)).getOrDefault(id, List.of())));
    }

    /** One page of organisations with their one-to-one fields, ordered by name. */
    Hsds.Page<Hsds.Organization> organizations(@Nullable String search, int page, int perPage) {
        String where = search == null ? "" : " WHERE LOWER(name) LIKE :pattern ESCAPE '!'";
        Map<String, Object> params = new HashMap<>();
        if (search != null) {
            params.put("pattern", likePattern(search));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM organization" + where).params(params).query(Long.class).single();
        params.put("offset", Paging.offset(page, perPage));
        params.put("limit", perPage);
        List<Hsds.Organization> contents = jdbc.sql("""
                SELECT id, name, description, email, phone, website FROM organization""" + where
                + " ORDER BY name, id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params).query((rs, n) -> mapping.organization(organizationRow(rs, "")))
                .list();
        return Hsds.Page.of(contents, total, page, perPage);
    }

    /** An organisation with its locations and its public services (one-to-one fields). */
    Optional<Hsds.Organization> organization(UUID id) {
        return jdbc.sql("SELECT id, name, description, email, phone, website FROM organization WHERE id = :id")
                .param("id", id).query((rs, n) -> organizationRow(rs, "")).optional()
                .map(organization -> {
                    List<ServiceRow> services = jdbc.sql(SERVICE_COLUMNS
                            + " WHERE o.organization_id = :id AND o.status <> :inactive ORDER BY o.name, o.id")
                            .param("id", id).param("inactive", OfferStatus.INACTIVE.name())
                            .query(this::serviceRow).list();
                    List<LocationRow> locations = jdbc.sql("""
                            SELECT id, organization_id, name AS loc_name, address, postal_code, city, district,
                                   latitude, longitude, wheelchair_access, hearing_loop
                              FROM location WHERE organization_id = :id ORDER BY name, address
                            """).param("id", id).query((rs, n) -> locationRow(rs, "id")).list();
                    return mapping.fullOrganization(organization, locations, services);
                });
    }

    private Map<UUID, List<TaxonomyTerm>> termsOf(List<UUID> offerIds) {
        Map<UUID, List<TaxonomyTerm>> terms = new LinkedHashMap<>();
        jdbc.sql("SELECT offer_id, term_id FROM offer_term WHERE offer_id IN (:ids)")
                .param("ids", offerIds)
                .query(rs -> {
                    UUID offerId = rs.getObject("offer_id", UUID.class);
                    taxonomy.find(rs.getObject("term_id", UUID.class))
                            .ifPresent(term -> terms.computeIfAbsent(offerId, k -> new ArrayList<>()).add(term));
                });
        terms.values().forEach(list -> list.sort(java.util.Comparator.comparing(TaxonomyTerm::taxonomy)
                .thenComparing(TaxonomyTerm::code)));
        return terms;
    }

    private Map<UUID, List<WeeklySchedule>> schedulesOf(List<UUID> offerIds) {
        Map<UUID, List<WeeklySchedule>> schedules = new HashMap<>();
        jdbc.sql("""
                SELECT offer_id, weekday, opens_at, closes_at, week_interval, valid_from, valid_to
                  FROM offer_schedule WHERE offer_id IN (:ids) ORDER BY offer_id, position
                """).param("ids", offerIds).query(rs -> {
            schedules.computeIfAbsent(rs.getObject("offer_id", UUID.class), k -> new ArrayList<>())
                    .add(new WeeklySchedule(DayOfWeek.valueOf(rs.getString("weekday")),
                            rs.getTime("opens_at").toLocalTime(), rs.getTime("closes_at").toLocalTime(),
                            rs.getInt("week_interval"), date(rs, "valid_from"), date(rs, "valid_to")));
        });
        return schedules;
    }

    /** Case-insensitive "contains", with the user's % and _ taken literally. */
    private static String likePattern(String search) {
        String escaped = search.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private ServiceRow serviceRow(ResultSet rs, int n) throws SQLException {
        return new ServiceRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                OfferStatus.valueOf(rs.getString("status")), SupportLevel.valueOf(rs.getString("support_level")),
                rs.getBoolean("accompaniment"), integer(rs, "min_age"), integer(rs, "max_age"),
                rs.getBoolean("free_of_charge"), rs.getString("cost_description"), rs.getBoolean("transport_offered"),
                rs.getString("transport_note"), rs.getString("languages"), integer(rs, "places_left"),
                rs.getBoolean("waitlist"), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("url"), rs.getDate("assured_date").toLocalDate(),
                rs.getTimestamp("updated_at").toInstant(), organizationRow(rs, "org_"),
                locationRow(rs, "location_id"));
    }

    private static OrganizationRow organizationRow(ResultSet rs, String prefix) throws SQLException {
        return new OrganizationRow(rs.getObject(prefix.isEmpty() ? "id" : "organization_id", UUID.class),
                rs.getString(prefix + "name"), rs.getString(prefix + "description"), rs.getString(prefix + "email"),
                rs.getString(prefix + "phone"), rs.getString(prefix + "website"));
    }

    private static LocationRow locationRow(ResultSet rs, String idColumn) throws SQLException {
        return new LocationRow(rs.getObject(idColumn, UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getString("loc_name"), rs.getString("address"), rs.getString("postal_code"), rs.getString("city"),
                rs.getString("district"), rs.getDouble("latitude"), rs.getDouble("longitude"),
                rs.getBoolean("wheelchair_access"), rs.getBoolean("hearing_loop"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        var value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    record OrganizationRow(UUID id, String name, @Nullable String description, @Nullable String email,
            @Nullable String phone, @Nullable String website) {
    }

    record LocationRow(UUID id, UUID organizationId, String name, String address, String postalCode, String city,
            String district, double latitude, double longitude, boolean wheelchairAccess, boolean hearingLoop) {
    }

    record ServiceRow(UUID id, String name, String description, OfferStatus status, SupportLevel supportLevel,
            boolean accompaniment, @Nullable Integer minAge, @Nullable Integer maxAge, boolean freeOfCharge,
            @Nullable String costDescription, boolean transportOffered, @Nullable String transportNote,
            String languages, @Nullable Integer placesLeft, boolean waitlist, @Nullable String contactName,
            @Nullable String contactEmail, @Nullable String contactPhone, @Nullable String url,
            LocalDate assuredDate, Instant updatedAt, OrganizationRow organization, LocationRow location) {
    }
}
