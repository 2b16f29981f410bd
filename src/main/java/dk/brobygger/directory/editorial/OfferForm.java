package dk.brobygger.directory.editorial;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.offer.OfferDetails;
import dk.brobygger.directory.offer.WebAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * The offer form as the editor typed it. Limits match the database columns; what cannot be said
 * with annotations (age range, schedule times) is checked in {@link #validateTogether}.
 */
public class OfferForm {

    /** Languages an offer can be held in (labels are {@code language.*}). */
    static final List<String> LANGUAGES = List.of("da", "en", "de", "ar", "tr", "ur", "so", "pl", "uk", "fa");
    static final int SCHEDULE_ROWS = 4;

    @NotBlank(message = "{editorial.offer.name.required}")
    @Size(max = 200, message = "{editorial.size.max}")
    private @Nullable String name;

    @NotBlank(message = "{editorial.offer.description.required}")
    @Size(max = 4000, message = "{editorial.size.max}")
    private @Nullable String description;

    @NotNull(message = "{editorial.offer.location.required}")
    private @Nullable UUID locationId;

    @NotNull(message = "{editorial.offer.status.required}")
    private @Nullable OfferStatus status = OfferStatus.ACTIVE;

    @NotNull(message = "{editorial.offer.supportLevel.required}")
    private @Nullable SupportLevel supportLevel = SupportLevel.SELF_RELIANT;

    private boolean accompaniment;

    @Min(value = 0, message = "{editorial.age.range}")
    @Max(value = 120, message = "{editorial.age.range}")
    private @Nullable Integer minAge;

    @Min(value = 0, message = "{editorial.age.range}")
    @Max(value = 120, message = "{editorial.age.range}")
    private @Nullable Integer maxAge;

    private boolean freeOfCharge = true;

    @Size(max = 400, message = "{editorial.size.max}")
    private @Nullable String costDescription;

    private boolean transportOffered;

    @Size(max = 400, message = "{editorial.size.max}")
    private @Nullable String transportNote;

    private List<String> languages = new ArrayList<>(List.of("da"));

    @Min(value = 0, message = "{editorial.offer.placesLeft.min}")
    @Max(value = 100000, message = "{editorial.offer.placesLeft.min}")
    private @Nullable Integer placesLeft;

    private boolean waitlist;

    @Size(max = 200, message = "{editorial.size.max}")
    private @Nullable String contactName;

    @Email(message = "{editorial.email.invalid}")
    @Size(max = 200, message = "{editorial.size.max}")
    private @Nullable String contactEmail;

    @Size(max = 40, message = "{editorial.size.max}")
    @Pattern(regexp = "[0-9 +()-]*", message = "{editorial.phone.invalid}")
    private @Nullable String contactPhone;

    @Size(max = WebAddress.MAX_LENGTH, message = "{editorial.size.max}")
    @Website
    private @Nullable String url;

    private Set<UUID> termIds = new LinkedHashSet<>();

    @Valid
    private List<ScheduleRow> schedules = new ArrayList<>();

    /** The version the editor started from; empty for a new offer. */
    private @Nullable Long version;

    /** One line of the weekly schedule; a line without weekday is left out. */
    public static class ScheduleRow {

        private @Nullable DayOfWeek weekday;
        @DateTimeFormat(pattern = "HH:mm")
        private @Nullable LocalTime opensAt;
        @DateTimeFormat(pattern = "HH:mm")
        private @Nullable LocalTime closesAt;
        @Min(value = 1, message = "{editorial.schedule.interval}")
        @Max(value = 8, message = "{editorial.schedule.interval}")
        private @Nullable Integer weekInterval = 1;

        public ScheduleRow() {
        }

        ScheduleRow(WeeklySchedule schedule) {
            this.weekday = schedule.weekday();
            this.opensAt = schedule.opensAt();
            this.closesAt = schedule.closesAt();
            this.weekInterval = schedule.weekInterval();
        }

        boolean isFilled() {
            return weekday != null;
        }

        public @Nullable DayOfWeek getWeekday() { return weekday; }
        public void setWeekday(@Nullable DayOfWeek weekday) { this.weekday = weekday; }
        public @Nullable LocalTime getOpensAt() { return opensAt; }
        public void setOpensAt(@Nullable LocalTime opensAt) { this.opensAt = opensAt; }
        public @Nullable LocalTime getClosesAt() { return closesAt; }
        public void setClosesAt(@Nullable LocalTime closesAt) { this.closesAt = closesAt; }
        public @Nullable Integer getWeekInterval() { return weekInterval; }
        public void setWeekInterval(@Nullable Integer weekInterval) { this.weekInterval = weekInterval; }
    }

    /** An empty form for a new offer. */
    static OfferForm blank() {
        var form = new OfferForm();
        form.padSchedules();
        return form;
    }

    /** The form filled with an offer's details as they stand (or as proposed). */
    static OfferForm of(OfferDetails details, @Nullable Long version) {
        var form = new OfferForm();
        form.name = details.name();
        form.description = details.description();
        form.locationId = details.locationId();
        form.status = details.status();
        form.supportLevel = details.supportLevel();
        form.accompaniment = details.accompaniment();
        form.minAge = details.minAge();
        form.maxAge = details.maxAge();
        form.freeOfCharge = details.freeOfCharge();
        form.costDescription = details.costDescription();
        form.transportOffered = details.transportOffered();
        form.transportNote = details.transportNote();
        form.languages = new ArrayList<>(details.languages());
        form.placesLeft = details.placesLeft();
        form.waitlist = details.waitlist();
        form.contactName = details.contactName();
        form.contactEmail = details.contactEmail();
        form.contactPhone = details.contactPhone();
        form.url = details.url();
        form.termIds = new LinkedHashSet<>(details.termIds());
        form.schedules = new ArrayList<>(details.schedules().stream().map(ScheduleRow::new).toList());
        form.version = version;
        form.padSchedules();
        return form;
    }

    /** Always a few empty lines to add a meeting time. */
    void padSchedules() {
        int empty = (int) schedules.stream().filter(row -> !row.isFilled()).count();
        while (schedules.size() < SCHEDULE_ROWS || empty < 2) {
            schedules.add(new ScheduleRow());
            empty++;
        }
    }

    /** Rules that span fields, reported beside the field the editor has to change. */
    void validateTogether(Errors errors) {
        if (minAge != null && maxAge != null && maxAge < minAge) {
            errors.rejectValue("maxAge", "editorial.offer.maxAge.belowMin");
        }
        if (!LANGUAGES.containsAll(languages)) {
            errors.rejectValue("languages", "editorial.offer.languages.unknown");
        }
        if (!freeOfCharge && (costDescription == null || costDescription.isBlank())) {
            errors.rejectValue("costDescription", "editorial.offer.cost.required");
        }
        for (int i = 0; i < schedules.size(); i++) {
            var row = schedules.get(i);
            if (!row.isFilled()) {
                continue;
            }
            String path = "schedules[" + i + "].";
            if (row.opensAt == null && !errors.hasFieldErrors(path + "opensAt")) {
                errors.rejectValue(path + "opensAt", "editorial.schedule.time.required");
            }
            if (row.closesAt == null && !errors.hasFieldErrors(path + "closesAt")) {
                errors.rejectValue(path + "closesAt", "editorial.schedule.time.required");
            }
            if (row.weekInterval == null && !errors.hasFieldErrors(path + "weekInterval")) {
                errors.rejectValue(path + "weekInterval", "editorial.schedule.interval");
            }
            if (row.opensAt != null && row.closesAt != null && !row.closesAt.isAfter(row.opensAt)) {
                errors.rejectValue(path + "closesAt", "editorial.schedule.closesBeforeOpens");
            }
        }
    }

    /** Only for a form that passed validation. */
    OfferDetails toDetails() {
        List<WeeklySchedule> weekly = schedules.stream().filter(ScheduleRow::isFilled)
                .map(row -> new WeeklySchedule(Objects.requireNonNull(row.weekday),
                        Objects.requireNonNull(row.opensAt), Objects.requireNonNull(row.closesAt),
                        Objects.requireNonNull(row.weekInterval), null, null))
                .toList();
        return new OfferDetails(Objects.requireNonNull(name).strip(), Objects.requireNonNull(description).strip(),
                Objects.requireNonNull(locationId), Objects.requireNonNull(status),
                Objects.requireNonNull(supportLevel), accompaniment, minAge, maxAge, freeOfCharge,
                freeOfCharge ? null : costDescription, transportOffered, transportOffered ? transportNote : null,
                LANGUAGES.stream().filter(languages::contains).toList(), placesLeft, waitlist, contactName,
                contactEmail, contactPhone, url, termIds, weekly);
    }

    public @Nullable String getName() { return name; }
    public void setName(@Nullable String name) { this.name = name; }
    public @Nullable String getDescription() { return description; }
    public void setDescription(@Nullable String description) { this.description = description; }
    public @Nullable UUID getLocationId() { return locationId; }
    public void setLocationId(@Nullable UUID locationId) { this.locationId = locationId; }
    public @Nullable OfferStatus getStatus() { return status; }
    public void setStatus(@Nullable OfferStatus status) { this.status = status; }
    public @Nullable SupportLevel getSupportLevel() { return supportLevel; }
    public void setSupportLevel(@Nullable SupportLevel supportLevel) { this.supportLevel = supportLevel; }
    public boolean isAccompaniment() { return accompaniment; }
    public void setAccompaniment(boolean accompaniment) { this.accompaniment = accompaniment; }
    public @Nullable Integer getMinAge() { return minAge; }
    public void setMinAge(@Nullable Integer minAge) { this.minAge = minAge; }
    public @Nullable Integer getMaxAge() { return maxAge; }
    public void setMaxAge(@Nullable Integer maxAge) { this.maxAge = maxAge; }
    public boolean isFreeOfCharge() { return freeOfCharge; }
    public void setFreeOfCharge(boolean freeOfCharge) { this.freeOfCharge = freeOfCharge; }
    public @Nullable String getCostDescription() { return costDescription; }
    public void setCostDescription(@Nullable String costDescription) { this.costDescription = costDescription; }
    public boolean isTransportOffered() { return transportOffered; }
    public void setTransportOffered(boolean transportOffered) { this.transportOffered = transportOffered; }
    public @Nullable String getTransportNote() { return transportNote; }
    public void setTransportNote(@Nullable String transportNote) { this.transportNote = transportNote; }
    public List<String> getLanguages() { return languages; }
    public void setLanguages(@Nullable List<String> languages) {
        this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
    }
    public @Nullable Integer getPlacesLeft() { return placesLeft; }
    public void setPlacesLeft(@Nullable Integer placesLeft) { this.placesLeft = placesLeft; }
    public boolean isWaitlist() { return waitlist; }
    public void setWaitlist(boolean waitlist) { this.waitlist = waitlist; }
    public @Nullable String getContactName() { return contactName; }
    public void setContactName(@Nullable String contactName) { this.contactName = contactName; }
    public @Nullable String getContactEmail() { return contactEmail; }
    public void setContactEmail(@Nullable String contactEmail) { this.contactEmail = contactEmail; }
    public @Nullable String getContactPhone() { return contactPhone; }
    public void setContactPhone(@Nullable String contactPhone) { this.contactPhone = contactPhone; }
    public @Nullable String getUrl() { return url; }
    public void setUrl(@Nullable String url) { this.url = url; }
    public Set<UUID> getTermIds() { return termIds; }
    public void setTermIds(@Nullable Set<UUID> termIds) {
        this.termIds = termIds == null ? new LinkedHashSet<>() : new LinkedHashSet<>(termIds);
    }
    public List<ScheduleRow> getSchedules() { return schedules; }
    public void setSchedules(List<ScheduleRow> schedules) { this.schedules = schedules; }
    public @Nullable Long getVersion() { return version; }
    public void setVersion(@Nullable Long version) { this.version = version; }
}
