package dk.brobygger.directory.offer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.brobygger.directory.Capacity;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Tilbud: an activity or service an organisation offers citizens (HSDS service at one location).
 * The aggregate keeps its categories and weekly schedule; changes go through {@link #revise}.
 */
@Table("offer")
public class Offer {

    @Id
    private final UUID id;
    private final UUID organizationId;
    private UUID locationId;
    private String name;
    private String description;
    private OfferStatus status;
    private SupportLevel supportLevel;
    private boolean accompaniment;
    private @Nullable Integer minAge;
    private @Nullable Integer maxAge;
    private boolean freeOfCharge;
    private @Nullable String costDescription;
    private boolean transportOffered;
    private @Nullable String transportNote;
    private String languages;
    private @Nullable Integer placesLeft;
    private boolean waitlist;
    private boolean capacityAssessment;
    private @Nullable String capacityNote;
    private @Nullable Instant capacityChangedAt;
    private @Nullable String capacityChangedBy;
    private @Nullable String contactName;
    private @Nullable String contactEmail;
    private @Nullable String contactPhone;
    private @Nullable String url;
    private LocalDate assuredDate;
    @MappedCollection(idColumn = "offer_id")
    private Set<OfferTerm> terms;
    @MappedCollection(idColumn = "offer_id", keyColumn = "position")
    private List<WeeklySchedule> schedules;
    @Version
    private @Nullable Long version;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;
    private String updatedBy;

    @PersistenceCreator
    Offer(UUID id, UUID organizationId, UUID locationId, String name, String description, OfferStatus status,
            SupportLevel supportLevel, boolean accompaniment, @Nullable Integer minAge, @Nullable Integer maxAge,
            boolean freeOfCharge, @Nullable String costDescription, boolean transportOffered,
            @Nullable String transportNote, String languages, @Nullable Integer placesLeft, boolean waitlist,
            boolean capacityAssessment, @Nullable String capacityNote, @Nullable Instant capacityChangedAt,
            @Nullable String capacityChangedBy, @Nullable String contactName, @Nullable String contactEmail, @Nullable String contactPhone,
            @Nullable String url, LocalDate assuredDate, Set<OfferTerm> terms, List<WeeklySchedule> schedules,
            @Nullable Long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        this.id = id;
        this.organizationId = organizationId;
        this.locationId = locationId;
        this.name = name;
        this.description = description;
        this.status = status;
        this.supportLevel = supportLevel;
        this.accompaniment = accompaniment;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.freeOfCharge = freeOfCharge;
        this.costDescription = costDescription;
        this.transportOffered = transportOffered;
        this.transportNote = transportNote;
        this.languages = languages;
        this.placesLeft = placesLeft;
        this.waitlist = waitlist;
        this.capacityAssessment = capacityAssessment;
        this.capacityNote = capacityNote;
        this.capacityChangedAt = capacityChangedAt;
        this.capacityChangedBy = capacityChangedBy;
        this.contactName = contactName;
        this.contactEmail = contactEmail;
        this.contactPhone = contactPhone;
        this.url = url;
        this.assuredDate = assuredDate;
        this.terms = new LinkedHashSet<>(terms);
        this.schedules = new ArrayList<>(schedules);
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
    }

    /** A new offer; creating it also confirms it as current today. */
    public static Offer create(UUID organizationId, OfferDetails details, String by, Instant now, LocalDate today) {
        var offer = new Offer(UUID.randomUUID(), organizationId, details.locationId(), details.name(),
                details.description(), details.status(), details.supportLevel(), details.accompaniment(),
                details.minAge(), details.maxAge(), details.freeOfCharge(), details.costDescription(),
                details.transportOffered(), details.transportNote(), "", details.placesLeft(), details.waitlist(),
                false, null, null, null, details.contactName(), details.contactEmail(), details.contactPhone(), details.url(), today,
                Set.of(), List.of(), null, now, by, now, by);
        offer.apply(details);
        return offer;
    }

    /**
     * Changes the offer to the given details. Saving a change also confirms the offer as current.
     *
     * @return what changed, for the offer's history; empty if nothing did
     */
    public List<OfferDetails.Difference> revise(OfferDetails details, String by, Instant now, LocalDate today) {
        var differences = details().differencesTo(details);
        apply(details);
        this.assuredDate = today;
        this.updatedAt = now;
        this.updatedBy = by;
        return differences;
    }

    /** "Stadig aktuelt": the editor confirms that the offer is current as it stands. */
    public void confirm(String by, Instant now, LocalDate today) {
        this.assuredDate = today;
        this.updatedAt = now;
        this.updatedBy = by;
    }

    /** The longest note an association may give with the capacity. */
    public static final int MAX_CAPACITY_NOTE = 500;

    /**
     * The association sets the capacity (operational data, no moderation): room with the places free (or unsaid),
     * no room, only the waitlist, or an assessment first. It does not confirm the offer's content as current.
     *
     * @return what changed, for the offer's history; empty if nothing did
     */
    public List<OfferDetails.Difference> changeCapacity(@Nullable Capacity code, @Nullable Integer places,
            @Nullable String note, String by, Instant now) {
        if (code == null) {
            throw new DomainException("capacity.missing");
        }
        if (places != null && places < 0) {
            throw new DomainException("capacity.places.negative");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > MAX_CAPACITY_NOTE) {
            throw new DomainException("capacity.note.tooLong", MAX_CAPACITY_NOTE);
        }
        var before = capacityFacts();
        switch (code) {
            case AVAILABLE -> {
                if (places != null && places == 0) {
                    throw new DomainException("capacity.places.noneButAvailable");
                }
                this.placesLeft = places;
                this.capacityAssessment = false;
            }
            case NO_CAPACITY -> {
                this.placesLeft = 0;
                this.waitlist = false;
                this.capacityAssessment = false;
            }
            case WAITLIST -> {
                this.placesLeft = 0;
                this.waitlist = true;
                this.capacityAssessment = false;
            }
            case ASSESSMENT_REQUIRED -> {
                this.placesLeft = places;
                this.capacityAssessment = true;
            }
        }
        this.capacityNote = text;
        var differences = differences(before, capacityFacts());
        if (!differences.isEmpty()) {
            this.capacityChangedAt = now;
            this.capacityChangedBy = by;
        }
        return differences;
    }

    /**
     * An accepted referral takes a place: one fewer, and at none the offer has no room, or only its waitlist.
     *
     * @return what changed; empty when the association has not said how many places there are, or none are left
     */
    public List<OfferDetails.Difference> takePlace(String by, Instant now) {
        if (placesLeft == null || placesLeft <= 0) {
            return List.of();
        }
        var before = capacityFacts();
        this.placesLeft = placesLeft - 1;
        this.capacityChangedAt = now;
        this.capacityChangedBy = by;
        return differences(before, capacityFacts());
    }

    /** Room, no room, only the waitlist, or an assessment first, as the association last said. */
    public Capacity capacity() {
        if (capacityAssessment) {
            return Capacity.ASSESSMENT_REQUIRED;
        }
        if (placesLeft != null && placesLeft <= 0) {
            return waitlist ? Capacity.WAITLIST : Capacity.NO_CAPACITY;
        }
        return Capacity.AVAILABLE;
    }

    private java.util.Map<String, @Nullable Object> capacityFacts() {
        var facts = new java.util.LinkedHashMap<String, @Nullable Object>();
        facts.put("capacity", capacity().name());
        facts.put("placesLeft", placesLeft);
        facts.put("waitlist", waitlist);
        facts.put("capacityNote", capacityNote);
        return facts;
    }

    private static List<OfferDetails.Difference> differences(java.util.Map<String, @Nullable Object> before,
            java.util.Map<String, @Nullable Object> after) {
        return before.keySet().stream().filter(key -> !java.util.Objects.equals(before.get(key), after.get(key)))
                .map(key -> new OfferDetails.Difference(key, before.get(key), after.get(key))).toList();
    }

    /** Not confirmed within the given period before today. */
    public boolean isStale(LocalDate today, Period staleAfter) {
        return assuredDate.isBefore(today.minus(staleAfter));
    }

    private void apply(OfferDetails details) {
        this.locationId = details.locationId();
        this.name = details.name();
        this.description = details.description();
        this.status = details.status();
        this.supportLevel = details.supportLevel();
        this.accompaniment = details.accompaniment();
        this.minAge = details.minAge();
        this.maxAge = details.maxAge();
        this.freeOfCharge = details.freeOfCharge();
        this.costDescription = details.costDescription();
        this.transportOffered = details.transportOffered();
        this.transportNote = details.transportNote();
        this.languages = String.join(",", details.languages());
        this.placesLeft = details.placesLeft();
        this.waitlist = details.waitlist();
        this.contactName = details.contactName();
        this.contactEmail = details.contactEmail();
        this.contactPhone = details.contactPhone();
        this.url = WebAddress.checked(details.url());
        this.terms = details.termIds().stream().map(OfferTerm::new).collect(Collectors.toCollection(LinkedHashSet::new));
        this.schedules = new ArrayList<>(details.schedules());
    }

    /** The editable content as it stands. */
    public OfferDetails details() {
        return new OfferDetails(name, description, locationId, status, supportLevel, accompaniment, minAge, maxAge,
                freeOfCharge, costDescription, transportOffered, transportNote, languageList(), placesLeft, waitlist,
                contactName, contactEmail, contactPhone, url,
                terms.stream().map(OfferTerm::termId).collect(Collectors.toSet()), schedules);
    }

    public List<String> languageList() {
        return languages.isBlank() ? List.of() : Arrays.asList(languages.split(","));
    }

    public UUID id() { return id; }
    public UUID organizationId() { return organizationId; }
    public UUID locationId() { return locationId; }
    public String name() { return name; }
    public String description() { return description; }
    public OfferStatus status() { return status; }
    public SupportLevel supportLevel() { return supportLevel; }
    public boolean accompaniment() { return accompaniment; }
    public @Nullable Integer minAge() { return minAge; }
    public @Nullable Integer maxAge() { return maxAge; }
    public boolean freeOfCharge() { return freeOfCharge; }
    public @Nullable String costDescription() { return costDescription; }
    public boolean transportOffered() { return transportOffered; }
    public @Nullable String transportNote() { return transportNote; }
    public @Nullable Integer placesLeft() { return placesLeft; }
    public boolean waitlist() { return waitlist; }
    public @Nullable String capacityNote() { return capacityNote; }
    public @Nullable Instant capacityChangedAt() { return capacityChangedAt; }
    public @Nullable String capacityChangedBy() { return capacityChangedBy; }
    public @Nullable String contactName() { return contactName; }
    public @Nullable String contactEmail() { return contactEmail; }
    public @Nullable String contactPhone() { return contactPhone; }
    public @Nullable String url() { return url; }
    public LocalDate assuredDate() { return assuredDate; }
    public List<WeeklySchedule> schedules() { return List.copyOf(schedules); }
    public Set<UUID> termIds() { return terms.stream().map(OfferTerm::termId).collect(Collectors.toSet()); }
    public @Nullable Long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
