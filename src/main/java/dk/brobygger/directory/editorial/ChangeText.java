package dk.brobygger.directory.editorial;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.offer.Locations;
import dk.brobygger.directory.offer.OfferDetails;
import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.OrganizationKind;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.offer.TaxonomyTerm;
import dk.brobygger.directory.web.ScheduleText;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts a change into words field by field, "before → after", for the moderator's comparison and
 * the editor's conflict message: locations by name, categories by name, schedules as "Tirsdage kl. 10–12".
 */
@Component
class ChangeText {

    /** One field as people read it. {@code before} is empty for a new offer. */
    public record FieldChange(String label, String before, String after) {
    }

    private final MessageSource messages;
    private final Locations locations;
    private final Taxonomy taxonomy;
    private final ScheduleText schedules;

    ChangeText(MessageSource messages, Locations locations, Taxonomy taxonomy, ScheduleText schedules) {
        this.messages = messages;
        this.locations = locations;
        this.taxonomy = taxonomy;
        this.schedules = schedules;
    }

    /** The fields that differ; every field when {@code before} is empty (a new offer). */
    List<FieldChange> ofOffer(@Nullable OfferDetails before, OfferDetails after, Locale locale) {
        return changes(OfferDetails.class, before, after, "field.", locale);
    }

    List<FieldChange> ofOrganization(Organization.@Nullable Details before, Organization.Details after,
            Locale locale) {
        return changes(Organization.Details.class, before, after, "editorial.organization.field.", locale);
    }

    private <T extends Record> List<FieldChange> changes(Class<T> type, @Nullable T before, T after,
            String labelPrefix, Locale locale) {
        List<FieldChange> changes = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Object a = before == null ? null : value(component, before);
            Object b = value(component, after);
            if (before == null || !Objects.equals(a, b)) {
                String name = component.getName();
                changes.add(new FieldChange(messages.getMessage(labelPrefix + name, null, name, locale),
                        before == null ? "" : text(a, locale), text(b, locale)));
            }
        }
        return changes;
    }

    private static @Nullable Object value(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(@Nullable Object value, Locale locale) {
        return switch (value) {
            case null -> "–";
            case Boolean yes -> message(yes ? "editorial.yes" : "editorial.no", locale);
            case OfferStatus status -> message(status.messageKey(), locale);
            case SupportLevel level -> message(level.messageKey(), locale);
            case OrganizationKind kind -> message(kind.messageKey(), locale);
            case UUID locationId -> locations.findById(locationId)
                    .map(l -> l.name() + ", " + l.address() + ", " + l.postalCode() + " " + l.city())
                    .orElse(message("editorial.location.unknown", locale));
            case String text when text.isBlank() -> "–";
            case Collection<?> items when items.isEmpty() -> "–";
            case Collection<?> items -> items.stream().map(item -> item(item, locale)).sorted()
                    .collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }

    private String item(Object item, Locale locale) {
        return switch (item) {
            case UUID termId -> taxonomy.find(termId).map(TaxonomyTerm::name).orElse(termId.toString());
            case WeeklySchedule schedule -> schedules.of(schedule, locale);
            case String language -> messages.getMessage("language." + language, null, language, locale);
            default -> item.toString();
        };
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
