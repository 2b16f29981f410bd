package dk.brobygger.directory.hsds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SearchResult;
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
 * request: a page of services is one count and one select (or one search in the portal's index and
 * one select); fully nested services add one query for their terms and one for their schedules,
 * whatever their number. Inactive offers are never read.
 */
@Component
class HsdsReadModel {

    /**
     * The filters of {@code /hsds/services} and {@code /hsds/service_at_locations}; null means not
     * filtered. {@code search}, {@code postcode} and {@code proximity} go to the portal's search, the
     * others to SQL.
     */
    record ServiceFilter(@Nullable String search, @Nullable UUID taxonomyTermId, @Nullable UUID taxonomyId,
            @Nullable UUID organizationId, @Nullable Instant modifiedAfter, @Nullable String postcode,
            @Nullable Double proximityMeters) {

        static ServiceFilter none() {
            return new ServiceFilter(null, null, null, null, null, null, null);
        }

        /** Does the portal's search choose and order the services? */
        boolean searched() {
            return search != null || postcode != null;
        }

        boolean filteredInSql() {
            return taxonomyTermId != null || taxonomyId != null || organizationId != null || modifiedAfter != null;
        }
    }

    /** How much of each service a list shows. */
    enum Shape {
        /** One-to-one fields and the organisation (the HSDS list form). */
        LIST,
        /** Only id and last change ({@code minimal=true}). */
        MINIMAL,
        /** Everything nested ({@code full=true}). */
        FULL
    }

    /** A page of services as rows, in the order of the list, and how many match in all. */
    private record RowPage(List<ServiceRow> rows, long total) {
    }

    /** How many rows an unpaged answer reads at a time. */
    private static final int CHUNK = 500;

    /** The portal's search pages no further than this ({@link OfferQuery}); deeper pages are cut from its ids. */
    private static final int PORTAL_PAGES = 10_000;

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
    private final OfferSearch search;

    HsdsReadModel(JdbcClient jdbc, Taxonomy taxonomy, HsdsMapping mapping, OfferSearch search) {
        this.jdbc = jdbc;
        this.search = search;
        this.taxonomy = taxonomy;
        this.mapping = mapping;
    }

    /**
     * One page of public services. With {@code search} or a postcode they come in the portal's order
     * (its relevance, or distance from the postcode), otherwise by name.
     */
    Hsds.Page<?> services(ServiceFilter filter, int page, int perPage, Shape shape) {
        RowPage rows = serviceRows(filter, page, perPage);
        List<?> contents = switch (shape) {
            case LIST -> rows.rows().stream().map(mapping::serviceInList).toList();
            case MINIMAL -> rows.rows().stream().map(mapping::minimalService).toList();
            case FULL -> full(rows.rows(), mapping::fullService);
        };
        return Hsds.Page.of(contents, rows.total(), page, perPage);
    }

    /** One page of service_at_locations: one for each public service, in the order of {@link #services}. */
    Hsds.Page<Hsds.ServiceAtLocation> serviceAtLocations(ServiceFilter filter, int page, int perPage, boolean full) {
        RowPage rows = serviceRows(filter, page, perPage);
        List<Hsds.ServiceAtLocation> contents = full ? full(rows.rows(), mapping::fullServiceAtLocation)
                : rows.rows().stream().map(mapping::serviceAtLocationInList).toList();
        return Hsds.Page.of(contents, rows.total(), page, perPage);
    }

    /** A service_at_location with its service and location fully nested. */
    Optional<Hsds.ServiceAtLocation> serviceAtLocation(UUID id) {
        UUID serviceId = HsdsVocabulary.serviceOf(id);
        return publicServiceRow(serviceId).map(row -> mapping.fullServiceAtLocation(row,
                termsOf(List.of(serviceId)).getOrDefault(serviceId, List.of()),
                schedulesOf(List.of(serviceId)).getOrDefault(serviceId, List.of())));
    }

    private interface FullMapping<T> {
        T map(ServiceRow row, List<TaxonomyTerm> terms, List<WeeklySchedule> schedules);
    }

    /** Rows fully nested, with one query for all their terms and one for all their schedules. */
    private <T> List<T> full(List<ServiceRow> rows, FullMapping<T> mapper) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(ServiceRow::id).toList();
        var terms = termsOf(ids);
        var schedules = schedulesOf(ids);
        return rows.stream().map(row -> mapper.map(row, terms.getOrDefault(row.id(), List.of()),
                schedules.getOrDefault(row.id(), List.of()))).toList();
    }

    private RowPage serviceRows(ServiceFilter filter, int page, int perPage) {
        return filter.searched() ? searchedRows(filter, page, perPage) : sqlRows(filter, page, perPage);
    }

    private RowPage sqlRows(ServiceFilter filter, int page, int perPage) {
        Map<String, Object> params = new HashMap<>();
        String where = sqlFilter(filter, params);
        long total = jdbc.sql("SELECT COUNT(*) FROM offer o" + where).params(params).query(Long.class).single();
        params.put("offset", Paging.offset(page, perPage));
        params.put("limit", perPage);
        List<ServiceRow> rows = jdbc.sql(SERVICE_COLUMNS + where
                + " ORDER BY o.name, o.id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params).query(this::serviceRow).list();
        return new RowPage(rows, total);
    }

    /**
     * The services the portal's search finds, in its order. Without other filters the portal's own
     * page is the answer; with them, the portal's ranked ids are kept where SQL says the filters hold.
     */
    private RowPage searchedRows(ServiceFilter filter, int page, int perPage) {
        var query = portalQuery(filter, Math.min(page, PORTAL_PAGES), perPage);
        if (!filter.filteredInSql() && page <= PORTAL_PAGES) {
            SearchResult result = search.search(query);
            if (result.originNotFound()) {
                throw new HsdsApi.BadParameter("postcode", "hsds.error.postcode");
            }
            return new RowPage(rowsInOrder(result.hits().stream().map(OfferHit::id).toList()), result.total());
        }
        List<UUID> ranked = searchedIds(filter, query);
        long from = Paging.offset(page, perPage);
        List<UUID> ids = from >= ranked.size() ? List.of()
                : ranked.subList((int) from, (int) Math.min(from + perPage, ranked.size()));
        return new RowPage(rowsInOrder(ids), ranked.size());
    }

    /**
     * The search as the portal would run it: the words, and a postcode as the place to measure from
     * (within {@code proximity}, nearest first, as the portal sorts when a place is given).
     */
    private static OfferQuery portalQuery(ServiceFilter filter, int page, int perPage) {
        return new OfferQuery(filter.search(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, false,
                false, filter.postcode(), filter.proximityMeters() == null ? null : filter.proximityMeters() / 1000,
                filter.postcode() == null ? OfferQuery.Sort.RELEVANCE : OfferQuery.Sort.DISTANCE, page, perPage);
    }

    /** Every service the portal's search finds that the SQL filters let through, in the portal's order. */
    private List<UUID> searchedIds(ServiceFilter filter, OfferQuery query) {
        if (filter.postcode() != null && search.search(query).originNotFound()) {
            throw new HsdsApi.BadParameter("postcode", "hsds.error.postcode");
        }
        List<UUID> ranked = search.rankedIds(query, Integer.MAX_VALUE);
        if (!filter.filteredInSql()) {
            return ranked;
        }
        Map<String, Object> params = new HashMap<>();
        Set<UUID> allowed = new HashSet<>(jdbc.sql("SELECT o.id FROM offer o" + sqlFilter(filter, params))
                .params(params).query((rs, n) -> rs.getObject(1, UUID.class)).list());
        return ranked.stream().filter(allowed::contains).toList();
    }

    /**
     * Every matching service, unpaged, in the order of the pages ({@code format=ndjson}): the ids are
     * found first, the rows read {@value #CHUNK} at a time, so memory stays small at any size.
     */
    void eachService(ServiceFilter filter, Shape shape, Consumer<Object> out) {
        eachServiceRows(filter, rows -> {
            switch (shape) {
                case LIST -> rows.stream().map(mapping::serviceInList).forEach(out);
                case MINIMAL -> rows.stream().map(mapping::minimalService).forEach(out);
                case FULL -> full(rows, mapping::fullService).forEach(out);
            }
        });
    }

    /** Every matching service_at_location, unpaged, as {@link #eachService}. */
    void eachServiceAtLocation(ServiceFilter filter, boolean full, Consumer<Object> out) {
        eachServiceRows(filter, rows -> (full ? full(rows, mapping::fullServiceAtLocation)
                : rows.stream().map(mapping::serviceAtLocationInList).toList()).forEach(out));
    }

    private void eachServiceRows(ServiceFilter filter, Consumer<List<ServiceRow>> chunks) {
        List<UUID> ids;
        if (filter.searched()) {
            ids = searchedIds(filter, portalQuery(filter, 1, 1));
        } else {
            Map<String, Object> params = new HashMap<>();
            ids = jdbc.sql("SELECT o.id FROM offer o" + sqlFilter(filter, params) + " ORDER BY o.name, o.id")
                    .params(params).query((rs, n) -> rs.getObject(1, UUID.class)).list();
        }
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.accept(rowsInOrder(ids.subList(from, Math.min(from + CHUNK, ids.size()))));
        }
    }

    /** Every organisation, unpaged, in the order of the pages ({@code format=ndjson}). */
    void eachOrganization(@Nullable String search, OrganizationShape shape, Consumer<Object> out) {
        String where = search == null ? "" : " WHERE LOWER(name) LIKE :pattern ESCAPE '!'";
        Map<String, Object> params = new HashMap<>();
        if (search != null) {
            params.put("pattern", likePattern(search));
        }
        List<OrganizationRow> rows = jdbc.sql("SELECT id, name, description, email, phone, website FROM organization"
                + where + " ORDER BY name, id").params(params).query((rs, n) -> organizationRow(rs, "")).list();
        if (shape == OrganizationShape.LIST) {
            rows.forEach(row -> out.accept(mapping.organization(row)));
            return;
        }
        for (int from = 0; from < rows.size(); from += CHUNK) {
            nested(rows.subList(from, Math.min(rows.size(), from + CHUNK)), shape).forEach(out);
        }
    }

    /** The public services with these ids, in this order (one the index has but the database no longer shows is left out). */
    private List<ServiceRow> rowsInOrder(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ServiceRow> rows = new HashMap<>();
        jdbc.sql(SERVICE_COLUMNS + " WHERE o.id IN (:ids) AND o.status <> :inactive")
                .param("ids", ids).param("inactive", OfferStatus.INACTIVE.name())
                .query(this::serviceRow).list().forEach(row -> rows.put(row.id(), row));
        return ids.stream().map(rows::get).filter(Objects::nonNull).toList();
    }

    /** The SQL part of the filter, on {@code offer o}: public offers only, then each filter given. */
    private String sqlFilter(ServiceFilter filter, Map<String, Object> params) {
        var where = new StringBuilder(" WHERE o.status <> :inactive");
        params.put("inactive", OfferStatus.INACTIVE.name());
        if (filter.taxonomyTermId() != null) {
            where.append(" AND ").append(termCondition(filter.taxonomyTermId(), params));
        }
        if (filter.taxonomyId() != null) {
            where.append(" AND ").append(taxonomyCondition(filter.taxonomyId(), params));
        }
        if (filter.organizationId() != null) {
            where.append(" AND o.organization_id = :organizationId");
            params.put("organizationId", filter.organizationId());
        }
        if (filter.modifiedAfter() != null) {
            where.append(" AND o.updated_at >= :modifiedAfter");
            params.put("modifiedAfter", Timestamp.from(filter.modifiedAfter()));
        }
        return where.toString();
    }

    /**
     * Services that carry the term: a category or target group as {@code offer_term}, one of
     * Brobygger's own terms where {@link HsdsMapping} writes it as an attribute (a support level's
     * term, or {@code stoette} itself for any level: every service has one). A term nobody has is no service.
     */
    private String termCondition(UUID termId, Map<String, Object> params) {
        if (taxonomy.find(termId).isPresent()) {
            params.put("termId", termId);
            return "EXISTS (SELECT 1 FROM offer_term t WHERE t.offer_id = o.id AND t.term_id = :termId)";
        }
        var ownCode = HsdsVocabulary.ownTermCode(termId);
        var level = ownCode.flatMap(HsdsVocabulary::supportLevelOf);
        if (level.isPresent()) {
            params.put("supportLevel", level.get().name());
            return "o.support_level = :supportLevel";
        }
        return ownCode.map(code -> switch (code) {
            case HsdsVocabulary.SUPPORT_LEVEL -> "o.support_level IS NOT NULL";
            case HsdsVocabulary.ACCOMPANIMENT -> "o.accompaniment = TRUE";
            case HsdsVocabulary.TRANSPORT -> "o.transport_offered = TRUE";
            case HsdsVocabulary.PLACES_LEFT -> "o.places_left IS NOT NULL";
            case HsdsVocabulary.WAITLIST -> "o.waitlist = TRUE";
            default -> throw new IllegalStateException("own term without a filter: " + code);
        }).orElse("1 = 0");
    }

    /** Services with any term of the taxonomy; every service has a term of Brobygger's own (its support level). */
    private String taxonomyCondition(UUID taxonomyId, Map<String, Object> params) {
        for (String name : List.of(TaxonomyTerm.CATEGORY, TaxonomyTerm.TARGET_GROUP)) {
            if (HsdsVocabulary.taxonomyId(name).equals(taxonomyId)) {
                // The terms are known in memory: the offer's own rows answer it by their key (offer, term).
                List<UUID> terms = taxonomy.all().stream().filter(term -> name.equals(term.taxonomy()))
                        .map(TaxonomyTerm::id).toList();
                if (terms.isEmpty()) {
                    return "1 = 0";
                }
                params.put("taxonomyTerms", terms);
                return "EXISTS (SELECT 1 FROM offer_term t WHERE t.offer_id = o.id AND t.term_id IN (:taxonomyTerms))";
            }
        }
        return HsdsVocabulary.taxonomyId(HsdsVocabulary.OWN_TAXONOMY).equals(taxonomyId) ? "o.support_level IS NOT NULL"
                : "1 = 0";
    }

    private Optional<ServiceRow> publicServiceRow(UUID id) {
        return jdbc.sql(SERVICE_COLUMNS + " WHERE o.id = :id AND o.status <> :inactive")
                .param("id", id).param("inactive", OfferStatus.INACTIVE.name())
                .query(this::serviceRow).optional();
    }

    /** A public service, fully nested. */
    Optional<Hsds.Service> service(UUID id) {
        return publicServiceRow(id)
                .map(row -> mapping.fullService(row, termsOf(List.of(id)).getOrDefault(id, List.of()),
                        schedulesOf(List.of(id)).getOrDefault(id, List.of())));
    }

    /** How much of each organisation a list or a single organisation shows. */
    enum OrganizationShape {
        /** One-to-one fields only (the HSDS list form). */
        LIST,
        /** Phones, locations and the public services with their one-to-one fields ({@code full=true}; by id always). */
        FULL,
        /** As {@link #FULL}, with the services fully nested ({@code full_service=true}). */
        FULL_SERVICES
    }

    /** One page of organisations, ordered by name; {@code search} is a case-insensitive "contains" on the name. */
    Hsds.Page<Hsds.Organization> organizations(@Nullable String search, int page, int perPage, OrganizationShape shape) {
        String where = search == null ? "" : " WHERE LOWER(name) LIKE :pattern ESCAPE '!'";
        Map<String, Object> params = new HashMap<>();
        if (search != null) {
            params.put("pattern", likePattern(search));
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM organization" + where).params(params).query(Long.class).single();
        params.put("offset", Paging.offset(page, perPage));
        params.put("limit", perPage);
        List<OrganizationRow> rows = jdbc.sql("""
                SELECT id, name, description, email, phone, website FROM organization""" + where
                + " ORDER BY name, id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .params(params).query((rs, n) -> organizationRow(rs, "")).list();
        List<Hsds.Organization> contents = shape == OrganizationShape.LIST
                ? rows.stream().map(mapping::organization).toList()
                : nested(rows, shape);
        return Hsds.Page.of(contents, total, page, perPage);
    }

    /** An organisation with its locations and its public services ({@link OrganizationShape#FULL} or more). */
    Optional<Hsds.Organization> organization(UUID id, OrganizationShape shape) {
        return jdbc.sql("SELECT id, name, description, email, phone, website FROM organization WHERE id = :id")
                .param("id", id).query((rs, n) -> organizationRow(rs, "")).optional()
                .map(organization -> nested(List.of(organization), shape).getFirst());
    }

    /**
     * Organisations with their locations and their public services ({@link OrganizationShape#FULL} or more): the
     * same few queries for a whole page of organisations, not a few for each.
     */
    private List<Hsds.Organization> nested(List<OrganizationRow> organizations, OrganizationShape shape) {
        if (organizations.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = organizations.stream().map(OrganizationRow::id).toList();
        List<ServiceRow> services = jdbc.sql(SERVICE_COLUMNS
                + " WHERE o.organization_id IN (:ids) AND o.status <> :inactive ORDER BY o.name, o.id")
                .param("ids", ids).param("inactive", OfferStatus.INACTIVE.name())
                .query(this::serviceRow).list();
        List<Hsds.Service> mapped = shape == OrganizationShape.FULL_SERVICES
                ? full(services, mapping::fullService)
                : services.stream().map(mapping::serviceInList).toList();
        Map<UUID, List<Hsds.Service>> servicesOf = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            servicesOf.computeIfAbsent(services.get(i).organization().id(), k -> new ArrayList<>()).add(mapped.get(i));
        }
        Map<UUID, List<LocationRow>> locationsOf = new HashMap<>();
        jdbc.sql("""
                SELECT id, organization_id, name AS loc_name, address, postal_code, city, district,
                       latitude, longitude, wheelchair_access, hearing_loop
                  FROM location WHERE organization_id IN (:ids) ORDER BY name, address
                """).param("ids", ids).query((rs, n) -> locationRow(rs, "id")).list()
                .forEach(location -> locationsOf.computeIfAbsent(location.organizationId(), k -> new ArrayList<>())
                        .add(location));
        return organizations.stream().map(organization -> mapping.fullOrganization(organization,
                locationsOf.getOrDefault(organization.id(), List.of()),
                servicesOf.getOrDefault(organization.id(), List.of()))).toList();
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
