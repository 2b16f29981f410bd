package dk.brobygger.directory.importing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.offer.OfferDetails;
import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.OrganizationKind;
import dk.brobygger.directory.offer.WebAddress;

import org.jspecify.annotations.Nullable;

/**
 * One row being read, whatever the file format: the values found so far and every reason to
 * refuse the row. {@link #line()} gives the offer only if nothing was refused.
 */
class RowReading {

    private final int row;
    private final ImportVocabulary.Places places;
    private final List<Rejection> rejections = new ArrayList<>();

    @Nullable String name;
    @Nullable String description;
    @Nullable String organizationName;
    @Nullable String organizationDescription;
    @Nullable String organizationEmail;
    @Nullable String organizationPhone;
    @Nullable String organizationWebsite;
    @Nullable String placeName;
    @Nullable String address;
    @Nullable String postalCode;
    @Nullable String city;
    @Nullable String district;
    @Nullable Double latitude;
    @Nullable Double longitude;
    boolean wheelchairAccess;
    boolean hearingLoop;
    OfferStatus status = OfferStatus.ACTIVE;
    SupportLevel supportLevel = SupportLevel.SELF_RELIANT;
    boolean accompaniment;
    @Nullable Integer minAge;
    @Nullable Integer maxAge;
    boolean freeOfCharge = true;
    @Nullable String costDescription;
    boolean transportOffered;
    @Nullable String transportNote;
    final List<String> languages = new ArrayList<>();
    @Nullable Integer placesLeft;
    boolean waitlist;
    @Nullable String contactName;
    @Nullable String contactEmail;
    @Nullable String contactPhone;
    @Nullable String url;
    final Set<UUID> termIds = new LinkedHashSet<>();
    final List<WeeklySchedule> schedules = new ArrayList<>();

    RowReading(int row, ImportVocabulary.Places places) {
        this.row = row;
        this.places = places;
    }

    int row() {
        return row;
    }

    void reject(String field, String messageKey, Object... arguments) {
        rejections.add(new Rejection(row, field, messageKey, arguments));
    }

    List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    /** A whole number of at least 0, or null if empty; a refusal if it is anything else. */
    @Nullable Integer count(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 0 && number <= 150_000) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        reject(field, "importing.reason.number", value);
        return null;
    }

    boolean yesNo(String field, @Nullable String value) {
        Boolean answer = ImportVocabulary.yesNo(value);
        if (answer == null) {
            reject(field, "importing.reason.yesNo", value);
            return false;
        }
        return answer;
    }

    /** The offer, if the row holds everything needed and nothing was refused. */
    Optional<OfferLine> line() {
        require("navn", name, 200);
        require("beskrivelse", description, 4000);
        require("organisation", organizationName, 200);
        require("adresse", address, 200);
        require("by", city, 100);
        String knownDistrict = null;
        if (district == null || district.isBlank()) {
            reject("bydel", "importing.reason.required");
        } else {
            knownDistrict = places.district(district).orElse(null);
            if (knownDistrict == null) {
                reject("bydel", "importing.reason.district", district);
            }
        }
        if (postalCode == null || !postalCode.strip().matches("\\d{4}")) {
            reject("postnummer", "importing.reason.postcode", postalCode == null ? "" : postalCode);
        } else if ((latitude == null || longitude == null) && !places.postcodes().containsKey(postalCode.strip())) {
            reject("postnummer", "importing.reason.coordinates", postalCode);
        }
        limit("pris", costDescription, 400);
        limit("koersel", transportNote, 400);
        limit("kontaktperson", contactName, 200);
        limit("email", contactEmail, 200);
        limit("telefon", contactPhone, 40);
        limit("hjemmeside", url, 400);
        limit("stedets_navn", placeName, 200);
        limit("organisation_beskrivelse", organizationDescription, 4000);
        limit("organisation_email", organizationEmail, 200);
        limit("organisation_telefon", organizationPhone, 40);
        limit("organisation_hjemmeside", organizationWebsite, 400);
        webAddress("hjemmeside", url);
        webAddress("organisation_hjemmeside", organizationWebsite);
        limit("sprog", String.join(",", languages), 100);
        if (minAge != null && maxAge != null && maxAge < minAge) {
            reject("max_alder", "importing.reason.ages", minAge, maxAge);
        }
        if (!rejections.isEmpty()) {
            return Optional.empty();
        }
        String postcode = postalCode.strip();
        double lat = latitude != null && longitude != null ? latitude : places.postcodes().get(postcode)[0];
        double lon = latitude != null && longitude != null ? longitude : places.postcodes().get(postcode)[1];
        var organization = new Organization.Details(organizationName.strip(), blankToNull(organizationDescription),
                blankToNull(organizationEmail), blankToNull(organizationPhone), blankToNull(organizationWebsite),
                OrganizationKind.ASSOCIATION);
        var place = new OfferLine.Place(blankToNull(placeName), address.strip(), postcode, city.strip(), knownDistrict,
                lat, lon, wheelchairAccess, hearingLoop);
        var details = new OfferDetails(name.strip(), description.strip(), OfferLine.UNPLACED, status, supportLevel,
                accompaniment, minAge, maxAge, freeOfCharge, freeOfCharge ? null : blankToNull(costDescription),
                transportOffered, blankToNull(transportNote), languages.isEmpty() ? List.of("da") : languages,
                placesLeft, waitlist, blankToNull(contactName), blankToNull(contactEmail), blankToNull(contactPhone),
                blankToNull(url), termIds, schedules);
        return Optional.of(new OfferLine(row, organization, place, details));
    }

    private void require(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            reject(field, "importing.reason.required");
        } else if (value.strip().length() > maxLength) {
            reject(field, "importing.reason.tooLong", maxLength);
        }
    }

    private void limit(String field, @Nullable String value, int maxLength) {
        if (value != null && value.strip().length() > maxLength) {
            reject(field, "importing.reason.tooLong", maxLength);
        }
    }

    private void webAddress(String field, @Nullable String value) {
        String address = blankToNull(value);
        if (address != null && !WebAddress.isValid(address)) {
            reject(field, "importing.reason.url", address);
        }
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
