package dk.brobygger.directory.importing;

import java.util.UUID;

import dk.brobygger.directory.offer.OfferDetails;
import dk.brobygger.directory.offer.Organization;

import org.jspecify.annotations.Nullable;

/**
 * One offer read from an import file and found valid: who offers it, where, and the offer itself.
 * The organisation and place are matched or created when the import is saved, so {@code details}
 * carries no location yet ({@link #details(UUID)} adds it).
 *
 * @param row the row (CSV) or position (HSDS JSON) in the file, counted from 1 as the editor sees it
 */
record OfferLine(int row, Organization.Details organization, Place place, OfferDetails unplaced) {

    /** Stands in for the location until the place is matched or created. */
    static final UUID UNPLACED = new UUID(0, 0);

    /** Where the offer meets; the district (bydel) must exist, coordinates come from the postcode if absent. */
    record Place(@Nullable String name, String address, String postalCode, String city, String district,
            double latitude, double longitude, boolean wheelchairAccess, boolean hearingLoop) {
    }

    OfferDetails details(UUID locationId) {
        var d = unplaced;
        return new OfferDetails(d.name(), d.description(), locationId, d.status(), d.supportLevel(), d.accompaniment(),
                d.minAge(), d.maxAge(), d.freeOfCharge(), d.costDescription(), d.transportOffered(), d.transportNote(),
                d.languages(), d.placesLeft(), d.waitlist(), d.contactName(), d.contactEmail(), d.contactPhone(),
                d.url(), d.termIds(), d.schedules());
    }
}
