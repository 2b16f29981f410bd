package dk.brobygger.directory.hsds;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.hsds.HsdsReadModel.LocationRow;
import dk.brobygger.directory.hsds.HsdsReadModel.OrganizationRow;
import dk.brobygger.directory.hsds.HsdsReadModel.ServiceRow;
import dk.brobygger.directory.offer.TaxonomyTerm;
import dk.brobygger.directory.offer.WebAddress;
import dk.brobygger.shared.MunicipalityProperties;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns Brobygger's rows into HSDS documents. Where HSDS has no field for a Brobygger fact, the
 * fact goes where {@link HsdsVocabulary} says. The municipality is the address's
 * {@code state_province} (Denmark has no states; the kommune is the nearest authority). A website is given
 * only if it is a {@link WebAddress}: what was stored before that rule is not passed on as a link.
 */
@Component
class HsdsMapping {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final Locale DANISH = Locale.forLanguageTag("da");

    private final String municipality;

    HsdsMapping(MunicipalityProperties municipality) {
        this.municipality = municipality.name();
    }

    Hsds.Service serviceInList(ServiceRow row) {
        return service(row, null, null, null, null, null, null);
    }

    Hsds.Service fullService(ServiceRow row, List<TaxonomyTerm> terms, List<WeeklySchedule> schedules) {
        var location = location(row.location());
        var serviceAtLocation = new Hsds.ServiceAtLocation(HsdsVocabulary.serviceAtLocationId(row.id()),
                row.id(), row.location().id(), location, null);
        List<Hsds.Schedule> hsdsSchedules = new ArrayList<>();
        for (int i = 0; i < schedules.size(); i++) {
            hsdsSchedules.add(schedule(row.id(), i, schedules.get(i)));
        }
        return service(row, List.of(serviceAtLocation), hsdsSchedules, languages(row), costOptions(row),
                contacts(row), attributes(row, terms));
    }

    /** A service's place in a list of service_at_locations: the location and the service, one-to-one fields. */
    Hsds.ServiceAtLocation serviceAtLocationInList(ServiceRow row) {
        var location = location(row.location());
        var plainLocation = new Hsds.Location(location.id(), location.locationType(), location.organizationId(),
                location.name(), null, location.latitude(), location.longitude(), null, null);
        return new Hsds.ServiceAtLocation(HsdsVocabulary.serviceAtLocationId(row.id()), row.id(), row.location().id(),
                plainLocation, serviceInList(row));
    }

    /** A service_at_location with its location and its service fully nested. */
    Hsds.ServiceAtLocation fullServiceAtLocation(ServiceRow row, List<TaxonomyTerm> terms,
            List<WeeklySchedule> schedules) {
        return new Hsds.ServiceAtLocation(HsdsVocabulary.serviceAtLocationId(row.id()), row.id(), row.location().id(),
                location(row.location()), fullService(row, terms, schedules));
    }

    Hsds.MinimalService minimalService(ServiceRow row) {
        return new Hsds.MinimalService(row.id(), row.updatedAt().toString());
    }

    Hsds.Organization organization(OrganizationRow row) {
        return new Hsds.Organization(row.id(), row.name(), row.description() == null ? "" : row.description(),
                row.email(), WebAddress.linkable(row.website()), null, null, null, null);
    }

    /** An organisation with its phones and locations, and its services as given (one-to-one or fully nested). */
    Hsds.Organization fullOrganization(OrganizationRow row, List<LocationRow> locations, List<Hsds.Service> services) {
        List<Hsds.Phone> phones = row.phone() == null ? List.of()
                : List.of(new Hsds.Phone(HsdsVocabulary.nameBased("phone:" + row.id()), row.phone()));
        return new Hsds.Organization(row.id(), row.name(), row.description() == null ? "" : row.description(),
                row.email(), WebAddress.linkable(row.website()), phones, locations.stream().map(this::location).toList(), null,
                services);
    }

    private Hsds.Service service(ServiceRow row, @Nullable List<Hsds.ServiceAtLocation> serviceAtLocations,
            @Nullable List<Hsds.Schedule> schedules, @Nullable List<Hsds.Language> languages,
            @Nullable List<Hsds.CostOption> costOptions, @Nullable List<Hsds.Contact> contacts,
            @Nullable List<Hsds.Attribute> attributes) {
        return new Hsds.Service(row.id(), row.organization().id(), row.name(), row.description(), WebAddress.linkable(row.url()),
                row.contactEmail(), row.status().hsds(),
                row.costDescription() != null ? row.costDescription() : row.freeOfCharge() ? "Gratis" : null,
                waitTime(row), null, row.minAge(), row.maxAge(), row.assuredDate().toString(),
                row.updatedAt().toString(), organization(row.organization()), serviceAtLocations, schedules,
                languages, costOptions, contacts, attributes);
    }

    private static @Nullable String waitTime(ServiceRow row) {
        if (row.waitlist()) {
            return row.placesLeft() == null ? "Venteliste" : "Venteliste; " + row.placesLeft() + " ledige pladser";
        }
        return row.placesLeft() == null ? null : row.placesLeft() + " ledige pladser";
    }

    private Hsds.Location location(LocationRow row) {
        var address = new Hsds.Address(HsdsVocabulary.nameBased("address:" + row.id()), row.id(), row.address(),
                row.city(), row.district(), municipality, row.postalCode(), "DK", "physical");
        List<Hsds.Accessibility> accessibility = new ArrayList<>();
        if (row.wheelchairAccess()) {
            accessibility.add(new Hsds.Accessibility(HsdsVocabulary.nameBased("accessibility:" + row.id() + ":wheelchair"),
                    row.id(), "Kørestolsadgang", HsdsVocabulary.WHEELCHAIR));
        }
        if (row.hearingLoop()) {
            accessibility.add(new Hsds.Accessibility(HsdsVocabulary.nameBased("accessibility:" + row.id() + ":hearing-loop"),
                    row.id(), "Teleslynge", HsdsVocabulary.HEARING_LOOP));
        }
        return new Hsds.Location(row.id(), "physical", row.organizationId(), row.name(), null, row.latitude(),
                row.longitude(), List.of(address), accessibility);
    }

    private static Hsds.Schedule schedule(UUID offerId, int position, WeeklySchedule schedule) {
        return new Hsds.Schedule(HsdsVocabulary.nameBased("schedule:" + offerId + ":" + position), offerId,
                schedule.validFrom() == null ? null : schedule.validFrom().toString(),
                schedule.validTo() == null ? null : schedule.validTo().toString(), "MO", "WEEKLY",
                schedule.weekInterval(), schedule.weekday().name().substring(0, 2), TIME.format(schedule.opensAt()),
                TIME.format(schedule.closesAt()), null);
    }

    private static List<Hsds.Language> languages(ServiceRow row) {
        return Arrays.stream(row.languages().split(",")).map(String::strip).filter(code -> !code.isEmpty())
                .map(code -> new Hsds.Language(HsdsVocabulary.nameBased("language:" + row.id() + ":" + code), row.id(),
                        Locale.forLanguageTag(code).getDisplayLanguage(DANISH), code))
                .toList();
    }

    private static List<Hsds.CostOption> costOptions(ServiceRow row) {
        UUID id = HsdsVocabulary.nameBased("cost_option:" + row.id());
        return List.of(row.freeOfCharge()
                ? new Hsds.CostOption(id, row.id(), "Gratis", "DKK", BigDecimal.ZERO, null)
                : new Hsds.CostOption(id, row.id(), "Betaling", "DKK", null, row.costDescription()));
    }

    private static List<Hsds.Contact> contacts(ServiceRow row) {
        if (row.contactName() == null && row.contactEmail() == null && row.contactPhone() == null) {
            return List.of();
        }
        List<Hsds.Phone> phones = row.contactPhone() == null ? List.of()
                : List.of(new Hsds.Phone(HsdsVocabulary.nameBased("phone:contact:" + row.id()), row.contactPhone()));
        return List.of(new Hsds.Contact(HsdsVocabulary.nameBased("contact:" + row.id()), row.id(), row.contactName(),
                row.contactEmail(), phones));
    }

    private static List<Hsds.Attribute> attributes(ServiceRow row, List<TaxonomyTerm> terms) {
        List<Hsds.Attribute> attributes = new ArrayList<>();
        for (TaxonomyTerm term : terms) {
            attributes.add(attribute(row.id(), HsdsVocabulary.term(term), null));
        }
        attributes.add(attribute(row.id(), HsdsVocabulary.supportLevelTerm(row.supportLevel()),
                row.supportLevel().name()));
        if (row.accompaniment()) {
            attributes.add(attribute(row.id(), HsdsVocabulary.ownTerm(HsdsVocabulary.ACCOMPANIMENT), "true"));
        }
        if (row.transportOffered()) {
            attributes.add(attribute(row.id(), HsdsVocabulary.ownTerm(HsdsVocabulary.TRANSPORT),
                    row.transportNote() == null ? "true" : row.transportNote()));
        }
        if (row.placesLeft() != null) {
            attributes.add(attribute(row.id(), HsdsVocabulary.ownTerm(HsdsVocabulary.PLACES_LEFT),
                    row.placesLeft().toString()));
        }
        if (row.waitlist()) {
            attributes.add(attribute(row.id(), HsdsVocabulary.ownTerm(HsdsVocabulary.WAITLIST), "true"));
        }
        return attributes;
    }

    private static Hsds.Attribute attribute(UUID offerId, Hsds.TaxonomyTerm term, @Nullable String value) {
        return new Hsds.Attribute(HsdsVocabulary.nameBased("attribute:" + offerId + ":" + term.id()), offerId,
                term.id(), "service", "service", value, term);
    }
}
