package dk.brobygger.directory.hsds;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The HSDS 3.0 documents (Open Referral's Human Services Data Specification) as Java records,
 * written by the HSDS API and read back by the bulk import, so an export imports unchanged.
 * Only the fields Brobygger fills are modelled; absent fields are left out of the JSON.
 */
public final class Hsds {

    /** The HSDS version this API implements. */
    public static final String VERSION = "3.0";

    private Hsds() {
    }

    /** The API's own description at {@code /hsds/}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Meta(String version, String profile, String openapiUrl) {
    }

    /** One page of a list, as the HSDS openapi {@code Page} schema. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page<T>(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage,
            boolean lastPage, boolean empty, List<T> contents) {

        public static <T> Page<T> of(List<T> contents, long totalItems, int pageNumber, int perPage) {
            int totalPages = (int) Math.max(1, (totalItems + perPage - 1) / perPage);
            return new Page<>(totalItems, totalPages, pageNumber, contents.size(), pageNumber == 1,
                    pageNumber >= totalPages, contents.isEmpty(), contents);
        }
    }

    /**
     * Tilbud as an HSDS service. In a list only the one-to-one fields and the organisation are set;
     * the single service fetched by id is fully nested.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(
            @Nullable UUID id,
            @Nullable UUID organizationId,
            String name,
            @Nullable String description,
            @Nullable String url,
            @Nullable String email,
            String status,
            @Nullable String feesDescription,
            @Nullable String waitTime,
            @Nullable String eligibilityDescription,
            @Nullable Integer minimumAge,
            @Nullable Integer maximumAge,
            @Nullable String assuredDate,
            @Nullable String lastModified,
            @Nullable Organization organization,
            @Nullable List<ServiceAtLocation> serviceAtLocations,
            @Nullable List<Schedule> schedules,
            @Nullable List<Language> languages,
            @Nullable List<CostOption> costOptions,
            @Nullable List<Contact> contacts,
            @Nullable List<Attribute> attributes) {
    }

    /** Forening or municipal unit. In the organisation fetched by id, its public services are listed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(
            @Nullable UUID id,
            String name,
            @Nullable String description,
            @Nullable String email,
            @Nullable String website,
            @Nullable List<Phone> phones,
            @Nullable List<Location> locations,
            @Nullable List<Attribute> attributes,
            @Nullable List<Service> services) {
    }

    /**
     * The link between a service and the place it happens. Inside a service only the location is
     * nested; listed or fetched on its own ({@code /hsds/service_at_locations}) the service is too.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAtLocation(@Nullable UUID id, @Nullable UUID serviceId, @Nullable UUID locationId,
            @Nullable Location location, @Nullable Service service) {
    }

    /** A service as {@code minimal=true} lists it: only what a copy needs to see whether it is current. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MinimalService(UUID id, String lastModified) {
    }

    /** A physical place; Brobygger's district (bydel) is the address's {@code region}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(
            @Nullable UUID id,
            String locationType,
            @Nullable UUID organizationId,
            @Nullable String name,
            @Nullable String transportation,
            @Nullable Double latitude,
            @Nullable Double longitude,
            @Nullable List<Address> addresses,
            @Nullable List<Accessibility> accessibility) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(@Nullable UUID id, @Nullable UUID locationId, @JsonProperty("address_1") String address1, String city,
            @Nullable String region, String stateProvince, String postalCode, String country, String addressType) {
    }

    /**
     * One accessibility feature of a location. {@code details} holds Brobygger's code
     * ({@code wheelchair} or {@code hearing-loop}) so imports can read it back.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accessibility(@Nullable UUID id, @Nullable UUID locationId, @Nullable String description,
            @Nullable String details) {
    }

    /** A weekly recurrence: freq WEEKLY, byday as iCal two-letter days, times as HH:mm. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(@Nullable UUID id, @Nullable UUID serviceId, @Nullable String validFrom,
            @Nullable String validTo, @Nullable String wkst, @Nullable String freq, @Nullable Integer interval,
            @Nullable String byday, @Nullable String opensAt, @Nullable String closesAt,
            @Nullable String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Language(@Nullable UUID id, @Nullable UUID serviceId, @Nullable String name, @Nullable String code) {
    }

    /** What taking part costs; a free offer has one option with amount 0. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CostOption(@Nullable UUID id, @Nullable UUID serviceId, @Nullable String option,
            @Nullable String currency, @Nullable BigDecimal amount, @Nullable String amountDescription) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(@Nullable UUID id, @Nullable UUID serviceId, @Nullable String name,
            @Nullable String email, @Nullable List<Phone> phones) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Phone(@Nullable UUID id, String number) {
    }

    /** A service's tag: a category, a target group or one of Brobygger's own facts, with a value. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attribute(@Nullable UUID id, @Nullable UUID linkId, @Nullable UUID taxonomyTermId,
            @Nullable String linkType, @Nullable String linkEntity, @Nullable String value,
            @Nullable TaxonomyTerm taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TaxonomyTerm(@Nullable UUID id, @Nullable String code, String name, @Nullable String description,
            @Nullable String taxonomy, @Nullable UUID taxonomyId, @Nullable UUID parentId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Taxonomy(UUID id, String name, String description, @Nullable String uri, @Nullable String version) {
    }
}
