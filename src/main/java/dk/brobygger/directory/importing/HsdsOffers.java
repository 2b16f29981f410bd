package dk.brobygger.directory.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.hsds.Hsds;
import dk.brobygger.directory.hsds.HsdsVocabulary;
import dk.brobygger.directory.offer.TaxonomyTerm;
import dk.brobygger.shared.DanishTime;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads offers from HSDS 3.0 JSON: an array of fully nested services as {@code /hsds/services/{id}}
 * gives them (a single service or a page with {@code contents} is accepted too), so what Brobygger
 * exports imports again unchanged. Brobygger's own facts are read back from where
 * {@link HsdsVocabulary} puts them; ids in the file are not kept, as the offers are new here.
 */
@Component
class HsdsOffers {

    private final ImportVocabulary vocabulary;
    private final JsonMapper json;

    HsdsOffers(ImportVocabulary vocabulary, JsonMapper json) {
        this.vocabulary = vocabulary;
        this.json = json;
    }

    /** @throws JacksonException if the text is not JSON at all */
    ImportFile read(String text) {
        JsonNode root = json.readTree(text);
        List<JsonNode> services = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(services::add);
        } else if (root.isObject() && root.has("contents") && root.get("contents").isArray()) {
            root.get("contents").forEach(services::add);
        } else {
            services.add(root);
        }
        var places = vocabulary.places();
        List<OfferLine> lines = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            var row = new RowReading(i + 1, places);
            try {
                read(row, json.treeToValue(services.get(i), Hsds.Service.class));
            } catch (JacksonException e) {
                row.reject("service", "importing.reason.hsdsShape");
            }
            row.line().ifPresent(lines::add);
            rejections.addAll(row.rejections());
        }
        return new ImportFile(lines, rejections);
    }

    private void read(RowReading row, Hsds.Service service) {
        row.name = service.name();
        row.description = service.description();
        row.url = service.url();
        row.minAge = service.minimumAge();
        row.maxAge = service.maximumAge();
        status(row, service.status());
        organization(row, service.organization());
        location(row, service.serviceAtLocations());
        costs(row, service);
        for (Hsds.Language language : list(service.languages())) {
            if (language.code() != null && language.code().matches("[a-zA-Z]{2,3}")) {
                row.languages.add(language.code().toLowerCase(Locale.ROOT));
            }
        }
        list(service.contacts()).stream().findFirst().ifPresent(contact -> {
            row.contactName = contact.name();
            row.contactEmail = contact.email();
            list(contact.phones()).stream().findFirst().ifPresent(phone -> row.contactPhone = phone.number());
        });
        if (row.contactEmail == null) {
            row.contactEmail = service.email();
        }
        for (Hsds.Schedule schedule : list(service.schedules())) {
            schedule(row, schedule);
        }
        for (Hsds.Attribute attribute : list(service.attributes())) {
            attribute(row, attribute);
        }
    }

    private static void status(RowReading row, @Nullable String status) {
        Optional<OfferStatus> known = java.util.Arrays.stream(OfferStatus.values())
                .filter(candidate -> candidate.hsds().equalsIgnoreCase(String.valueOf(status))).findFirst();
        known.ifPresentOrElse(value -> row.status = value, () -> row.reject("status", "importing.reason.status",
                String.valueOf(status)));
    }

    private static void organization(RowReading row, Hsds.@Nullable Organization organization) {
        if (organization == null) {
            return;
        }
        row.organizationName = organization.name();
        row.organizationDescription = organization.description();
        row.organizationEmail = organization.email();
        row.organizationWebsite = organization.website();
        list(organization.phones()).stream().findFirst().ifPresent(phone -> row.organizationPhone = phone.number());
    }

    private static void location(RowReading row, @Nullable List<Hsds.ServiceAtLocation> serviceAtLocations) {
        var location = list(serviceAtLocations).stream().map(Hsds.ServiceAtLocation::location)
                .filter(java.util.Objects::nonNull).findFirst();
        if (location.isEmpty()) {
            row.reject("service_at_locations", "importing.reason.location");
            return;
        }
        row.placeName = location.get().name();
        row.latitude = location.get().latitude();
        row.longitude = location.get().longitude();
        list(location.get().addresses()).stream().findFirst().ifPresent(address -> {
            row.address = address.address1();
            row.postalCode = address.postalCode();
            row.city = address.city();
            row.district = address.region();
        });
        for (Hsds.Accessibility accessibility : list(location.get().accessibility())) {
            String what = (accessibility.details() + " " + accessibility.description()).toLowerCase(Locale.ROOT);
            row.wheelchairAccess |= what.contains(HsdsVocabulary.WHEELCHAIR) || what.contains("kørestol");
            row.hearingLoop |= what.contains(HsdsVocabulary.HEARING_LOOP) || what.contains("teleslynge");
        }
    }

    /** Free if a cost option costs 0, or if nothing at all is said about cost. */
    private static void costs(RowReading row, Hsds.Service service) {
        var options = list(service.costOptions());
        boolean free = options.stream().anyMatch(option -> option.amount() != null
                && option.amount().compareTo(BigDecimal.ZERO) == 0)
                || (options.isEmpty() && service.feesDescription() == null);
        row.freeOfCharge = free;
        row.costDescription = free ? null : service.feesDescription();
    }

    private static void schedule(RowReading row, Hsds.Schedule schedule) {
        if (!"WEEKLY".equalsIgnoreCase(String.valueOf(schedule.freq())) || schedule.byday() == null
                || schedule.opensAt() == null || schedule.closesAt() == null) {
            row.reject("schedules", "importing.reason.schedule", String.valueOf(schedule.byday()));
            return;
        }
        var opens = ImportVocabulary.time(schedule.opensAt());
        var closes = ImportVocabulary.time(schedule.closesAt());
        for (String day : schedule.byday().split(",")) {
            var weekday = ImportVocabulary.weekday(day);
            int interval = schedule.interval() == null ? 1 : schedule.interval();
            try {
                row.schedules.add(new WeeklySchedule(weekday.orElseThrow(), opens.orElseThrow(), closes.orElseThrow(),
                        interval, date(schedule.validFrom()), date(schedule.validTo())));
            } catch (RuntimeException e) {
                row.reject("schedules", "importing.reason.schedule",
                        day + " " + schedule.opensAt() + "-" + schedule.closesAt());
            }
        }
    }

    private void attribute(RowReading row, Hsds.Attribute attribute) {
        var term = attribute.taxonomyTerm();
        String taxonomy = term == null ? null : term.taxonomy();
        String code = term == null ? null : term.code();
        if (HsdsVocabulary.OWN_TAXONOMY.equals(taxonomy) && code != null) {
            own(row, code, attribute.value());
            return;
        }
        Optional<TaxonomyTerm> known = attribute.taxonomyTermId() == null ? Optional.empty()
                : vocabulary.term(attribute.taxonomyTermId());
        if (known.isEmpty() && taxonomy != null && code != null) {
            known = vocabulary.term(taxonomy, code);
        }
        if (known.isPresent()) {
            row.termIds.add(known.get().id());
        } else {
            boolean targetGroup = TaxonomyTerm.TARGET_GROUP.equals(taxonomy);
            row.reject("attributes", targetGroup ? "importing.reason.targetGroup" : "importing.reason.category",
                    code != null ? code : term != null ? term.name() : String.valueOf(attribute.taxonomyTermId()));
        }
    }

    private static void own(RowReading row, String code, @Nullable String value) {
        var level = HsdsVocabulary.supportLevelOf(code);
        if (level.isPresent()) {
            row.supportLevel = level.get();
            return;
        }
        switch (code) {
            case HsdsVocabulary.SUPPORT_LEVEL -> {
                try {
                    row.supportLevel = SupportLevel.valueOf(String.valueOf(value));
                } catch (IllegalArgumentException e) {
                    row.reject("attributes", "importing.reason.supportLevel", String.valueOf(value));
                }
            }
            case HsdsVocabulary.ACCOMPANIMENT -> row.accompaniment = !"false".equals(value);
            case HsdsVocabulary.TRANSPORT -> {
                row.transportOffered = !"false".equals(value);
                row.transportNote = "true".equals(value) || "false".equals(value) ? null : value;
            }
            case HsdsVocabulary.PLACES_LEFT -> row.placesLeft = row.count("attributes", value);
            case HsdsVocabulary.WAITLIST -> row.waitlist = !"false".equals(value);
            default -> row.reject("attributes", "importing.reason.category", code);
        }
    }

    private static java.time.@Nullable LocalDate date(@Nullable String value) {
        return value == null || value.isBlank() ? null : DanishTime.parseDate(value.strip());
    }

    private static <T> List<T> list(@Nullable List<T> values) {
        return values == null ? List.of() : values;
    }
}
