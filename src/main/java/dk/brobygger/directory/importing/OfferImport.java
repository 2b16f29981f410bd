package dk.brobygger.directory.importing;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.directory.offer.DirectoryChanges;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.directory.offer.Locations;
import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.Organizations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves an import file's offers all together or not at all. Organisations are matched by name and
 * places by organisation, address and postcode (ignoring case); what is not found is created.
 * Each offer is created through {@link DirectoryChanges} as {@code IMPORTED}, so its history and
 * the search index follow, and the index only changes once the whole import is committed.
 */
@Service
class OfferImport {

    static final String KIND = "IMPORTED";

    private final DirectoryChanges changes;
    private final Organizations organizations;
    private final Locations locations;
    private final JdbcClient jdbc;

    OfferImport(DirectoryChanges changes, Organizations organizations, Locations locations, JdbcClient jdbc) {
        this.changes = changes;
        this.organizations = organizations;
        this.locations = locations;
        this.jdbc = jdbc;
    }

    /**
     * @return how many offers were imported
     * @throws IllegalArgumentException if the file has refused rows: nothing is saved
     */
    @Transactional
    int save(ImportFile file, String by) {
        if (!file.mayBeSaved()) {
            throw new IllegalArgumentException("An import with refused rows is never saved");
        }
        Map<String, UUID> organizationIds = new HashMap<>();
        Map<String, UUID> locationIds = new HashMap<>();
        for (OfferLine line : file.lines()) {
            UUID organizationId = organizationIds.computeIfAbsent(key(line.organization().name()),
                    name -> organizationNamed(line.organization(), by));
            var place = line.place();
            UUID locationId = locationIds.computeIfAbsent(
                    organizationId + "|" + key(place.address()) + "|" + place.postalCode(),
                    key -> locationOf(organizationId, line.organization().name(), place));
            changes.createOffer(organizationId, line.details(locationId), by, KIND);
        }
        return file.lines().size();
    }

    private UUID organizationNamed(Organization.Details details, String by) {
        return jdbc.sql("SELECT id FROM organization WHERE LOWER(name) = :name ORDER BY created_at, id")
                .param("name", key(details.name())).query(UUID.class).list().stream().findFirst()
                .orElseGet(() -> organizations.save(Organization.create(details, by, changes.now())).id());
    }

    private UUID locationOf(UUID organizationId, String organizationName, OfferLine.Place place) {
        return jdbc.sql("""
                SELECT id FROM location
                 WHERE organization_id = :organizationId AND LOWER(address) = :address AND postal_code = :postalCode
                 ORDER BY name, id
                """)
                .param("organizationId", organizationId).param("address", key(place.address()))
                .param("postalCode", place.postalCode())
                .query(UUID.class).list().stream().findFirst()
                .orElseGet(() -> locations.save(Location.create(organizationId,
                        place.name() == null ? organizationName : place.name(), place.address(), place.postalCode(),
                        place.city(), place.district(), place.latitude(), place.longitude(), place.wheelchairAccess(),
                        place.hearingLoop())).id());
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
