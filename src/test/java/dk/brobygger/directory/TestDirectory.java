package dk.brobygger.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.directory.offer.DirectoryChanges;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.directory.offer.Locations;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.OfferDetails;
import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.OrganizationKind;
import dk.brobygger.directory.offer.Organizations;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.search.SearchIndexUpdater;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data for the directory: {@link #reset()} empties it (districts ØST and VEST and a few
 * postcodes remain), then the builders add exactly what a test needs.
 */
@Component
public class TestDirectory {

    private final JdbcClient jdbc;
    private final Organizations organizations;
    private final Locations locations;
    private final DirectoryChanges changes;
    private final Taxonomy taxonomy;
    private final SearchIndexUpdater index;

    TestDirectory(JdbcClient jdbc, Organizations organizations, Locations locations, DirectoryChanges changes,
            Taxonomy taxonomy, SearchIndexUpdater index) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.locations = locations;
        this.changes = changes;
        this.taxonomy = taxonomy;
        this.index = index;
    }

    /** Empties the directory and the search index. */
    public void reset() {
        for (String table : List.of("offer_reminder", "change_request", "offer_change", "offer_schedule",
                "offer_term", "offer", "location")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        jdbc.sql("UPDATE app_user SET organization_id = NULL").update();
        jdbc.sql("DELETE FROM organization").update();
        jdbc.sql("DELETE FROM postcode").update();
        jdbc.sql("DELETE FROM district").update();
        jdbc.sql("INSERT INTO district (code, name) VALUES ('ØST', 'Fjordlund Øst'), ('VEST', 'Fjordlund Vest')").update();
        jdbc.sql("""
                INSERT INTO postcode (code, name, latitude, longitude) VALUES
                ('7100', 'Fjordlund C', 55.7090, 9.5360),
                ('7120', 'Fjordlund V', 55.7000, 9.4700),
                ('7130', 'Strandby', 55.7300, 9.6200)
                """).update();
        index.rebuild();
    }

    public Organization organization(String name) {
        return organizations.save(Organization.create(
                new Organization.Details(name, "Om " + name, null, null, null, OrganizationKind.ASSOCIATION),
                "test", changes.now()));
    }

    public Location location(Organization organization, String address, String postcode, String district,
            double latitude, double longitude, boolean wheelchair) {
        return locations.save(Location.create(organization.id(), organization.name(), address, postcode,
                "Fjordlund", district, latitude, longitude, wheelchair, false));
    }

    /** Starts an offer with sensible defaults: active, self-reliant, free, meets Tuesdays 10–12. */
    public OfferBuilder offer(Location location, String name) {
        return new OfferBuilder(location, name);
    }

    public UUID termId(String taxonomyName, String code) {
        return taxonomy.byCode(taxonomyName, code).orElseThrow().id();
    }

    public class OfferBuilder {
        private final Location location;
        private final String name;
        private String description = "Et tilbud i Fjordlund.";
        private OfferStatus status = OfferStatus.ACTIVE;
        private SupportLevel supportLevel = SupportLevel.SELF_RELIANT;
        private boolean free = true;
        private boolean transport = false;
        private boolean accompaniment = false;
        private final Set<UUID> terms = new HashSet<>();
        private final List<WeeklySchedule> schedules = new ArrayList<>(
                List.of(WeeklySchedule.weekly(DayOfWeek.TUESDAY, LocalTime.of(10, 0), LocalTime.of(12, 0))));

        OfferBuilder(Location location, String name) {
            this.location = location;
            this.name = name;
        }

        public OfferBuilder description(String text) { this.description = text; return this; }
        public OfferBuilder status(OfferStatus value) { this.status = value; return this; }
        public OfferBuilder supportLevel(SupportLevel value) { this.supportLevel = value; return this; }
        public OfferBuilder paid() { this.free = false; return this; }
        public OfferBuilder transport() { this.transport = true; return this; }
        public OfferBuilder accompaniment() { this.accompaniment = true; return this; }
        public OfferBuilder category(String code) { terms.add(termId("kategori", code)); return this; }
        public OfferBuilder targetGroup(String code) { terms.add(termId("maalgruppe", code)); return this; }

        public OfferBuilder meets(DayOfWeek day, int fromHour, int toHour) {
            schedules.clear();
            schedules.add(WeeklySchedule.weekly(day, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0)));
            return this;
        }

        public OfferDetails details() {
            return new OfferDetails(name, description, location.id(), status, supportLevel, accompaniment, null, null,
                    free, free ? null : "50 kr. pr. gang", transport, null, List.of("da"), null, false, "Kontakt",
                    "kontakt@example.dk", "12 34 56 78", null, terms, schedules);
        }

        /** Saves the offer the way an editor would, so it is in the search index at once. */
        public Offer save() {
            return changes.createOffer(location.organizationId(), details(), "test", "CREATED");
        }
    }
}
