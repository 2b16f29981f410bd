package dk.brobygger.referral;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dk.brobygger.directory.TimeOfDay;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Frivillig eller peer: a person who goes with a citizen the first time (følgeskab), the municipality's own or an
 * association's. It guards its own stages: applied → approved → onboarded, paused and back, expired when a
 * requirement lapses and onboarded again once renewed, declined (or left) from any stage; onboarding and coming
 * back need every required requirement valid ({@link #isVettedOn}); pausing and declining need a reason. Each
 * change of stage is kept in {@link #history()}. Which requirements are required: the confidentiality agreement
 * always, the criminal-record certificate unless the volunteer's work does not call for one, the peer training for
 * a peer. {@link #vettedUntil()} is the day the first required one lapses, kept for set-based suggestions.
 */
@Table("volunteer")
class Volunteer {

    static final int MAX_REASON = 1000;
    /** The day "does not lapse" is stored as, so one comparison covers both. */
    static final LocalDate NEVER = LocalDate.of(9999, 12, 31);
    private static final Pattern POSTCODE = Pattern.compile("\\d{4}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()-]{8,20}");

    /** One change of stage, as the history shows it. */
    @Table("volunteer_change")
    record Change(Instant changedAt, String changedBy, @Nullable VolunteerStage fromStage, VolunteerStage toStage,
            @Nullable String reason) {
    }

    @Table("volunteer_interest")
    record InterestRow(Interest interest) {
    }

    @Table("volunteer_language")
    record LanguageRow(String language) {
    }

    /** A weekday and part of the day the volunteer can go along. */
    @Table("volunteer_availability")
    record Availability(DayOfWeek weekday, TimeOfDay partOfDay) {
    }

    /** A requirement met on a day, lapsing on another (null: does not lapse). */
    @Table("volunteer_requirement")
    record Met(Requirement kind, LocalDate metOn, @Nullable LocalDate expiresOn) {

        boolean validOn(LocalDate day) {
            return !metOn.isAfter(day) && (expiresOn == null || !expiresOn.isBefore(day));
        }
    }

    /** Who the volunteer is and what they offer, as the form gives it; checked by {@link #profile}. */
    record Profile(String name, @Nullable String phone, @Nullable String email, String postcode,
            @Nullable String district, boolean peer, boolean criminalRecordRequired, Set<Interest> interests,
            Set<String> languages, Set<Availability> availability) {
    }

    @Id
    private final UUID id;
    private final @Nullable UUID organizationId;
    private final @Nullable String organizationName;
    private String name;
    private @Nullable String phone;
    private @Nullable String email;
    private String postcode;
    private @Nullable String district;
    private boolean peer;
    private boolean criminalRecordRequired;
    private VolunteerStage stage;
    private @Nullable LocalDate vettedUntil;
    private @Nullable String username;
    private @Nullable Instant leftAt;
    private @Nullable Instant anonymisedAt;
    @MappedCollection(idColumn = "volunteer_id")
    private Set<InterestRow> interests;
    @MappedCollection(idColumn = "volunteer_id")
    private Set<LanguageRow> languages;
    @MappedCollection(idColumn = "volunteer_id")
    private Set<Availability> availability;
    @MappedCollection(idColumn = "volunteer_id")
    private Set<Met> requirements;
    @MappedCollection(idColumn = "volunteer_id", keyColumn = "position")
    private final List<Change> history;
    @Version
    private @Nullable Long version;
    private final String createdBy;
    private final Instant createdAt;
    private String updatedBy;
    private Instant updatedAt;

    @PersistenceCreator
    Volunteer(UUID id, @Nullable UUID organizationId, @Nullable String organizationName, String name,
            @Nullable String phone, @Nullable String email, String postcode, @Nullable String district, boolean peer,
            boolean criminalRecordRequired, VolunteerStage stage, @Nullable LocalDate vettedUntil,
            @Nullable String username, @Nullable Instant leftAt, @Nullable Instant anonymisedAt,
            Set<InterestRow> interests, Set<LanguageRow> languages,
            Set<Availability> availability, Set<Met> requirements, List<Change> history, @Nullable Long version,
            String createdBy, Instant createdAt, String updatedBy, Instant updatedAt) {
        this.id = id;
        this.organizationId = organizationId;
        this.organizationName = organizationName;
        this.name = name;
        this.phone = phone;
        this.email = email;
        this.postcode = postcode;
        this.district = district;
        this.peer = peer;
        this.criminalRecordRequired = criminalRecordRequired;
        this.stage = stage;
        this.vettedUntil = vettedUntil;
        this.username = username;
        this.leftAt = leftAt;
        this.anonymisedAt = anonymisedAt;
        this.interests = new LinkedHashSet<>(interests);
        this.languages = new LinkedHashSet<>(languages);
        this.availability = new LinkedHashSet<>(availability);
        this.requirements = new LinkedHashSet<>(requirements);
        this.history = new ArrayList<>(history);
        this.version = version;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    /** A volunteer who has applied, for the municipality ({@code organization} null) or an association. */
    static Volunteer apply(Profile profile, @Nullable UUID organizationId, @Nullable String organizationName, String by,
            Instant now) {
        var volunteer = new Volunteer(UUID.randomUUID(), organizationId, organizationName, "", null, null, "0000",
                null, false, true, VolunteerStage.APPLIED, null, null, null, null, Set.of(), Set.of(), Set.of(), Set.of(),
                List.of(), null, by, now, by, now);
        volunteer.profile(profile, by, now);
        volunteer.history.add(new Change(now, by, null, VolunteerStage.APPLIED, null));
        return volunteer;
    }

    /** Changes who the volunteer is and what they offer; a required requirement may become missing. */
    void profile(Profile profile, String by, Instant now) {
        requireNotAnonymised();
        String newName = text(profile.name(), 200, "volunteer.name");
        if (newName == null) {
            throw new DomainException("volunteer.name.missing");
        }
        String newPostcode = profile.postcode() == null ? "" : profile.postcode().strip();
        if (!POSTCODE.matcher(newPostcode).matches()) {
            throw new DomainException("volunteer.postcode.invalid");
        }
        String newPhone = text(profile.phone(), 40, "volunteer.phone");
        if (newPhone != null && !PHONE.matcher(newPhone).matches()) {
            throw new DomainException("volunteer.phone.invalid");
        }
        String newEmail = text(profile.email(), 200, "volunteer.email");
        if (newEmail != null && !EMAIL.matcher(newEmail).matches()) {
            throw new DomainException("volunteer.email.invalid");
        }
        if (newPhone == null && newEmail == null) {
            throw new DomainException("volunteer.contact.missing");
        }
        var newLanguages = new LinkedHashSet<LanguageRow>();
        for (String language : profile.languages()) {
            String word = text(language, 40, "volunteer.language");
            if (word != null) {
                newLanguages.add(new LanguageRow(word.toLowerCase(Locale.ROOT)));
            }
        }
        if (newLanguages.size() > 10) {
            throw new DomainException("volunteer.language.tooMany");
        }
        this.name = newName;
        this.phone = newPhone;
        this.email = newEmail;
        this.postcode = newPostcode;
        this.district = text(profile.district(), 60, "volunteer.district");
        this.peer = profile.peer();
        this.criminalRecordRequired = profile.criminalRecordRequired();
        this.interests = profile.interests().stream().map(InterestRow::new)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        this.languages = newLanguages;
        this.availability = new LinkedHashSet<>(profile.availability());
        touched(by, now);
    }

    /** A requirement met (again): replaces what was recorded of the same kind. */
    void meet(@Nullable Requirement kind, @Nullable LocalDate metOn, @Nullable LocalDate expiresOn, LocalDate today,
            String by, Instant now) {
        requireNotAnonymised();
        if (kind == null) {
            throw new DomainException("volunteer.requirement.kindMissing");
        }
        if (metOn == null) {
            throw new DomainException("volunteer.requirement.dateMissing");
        }
        if (metOn.isAfter(today)) {
            throw new DomainException("volunteer.requirement.future");
        }
        if (expiresOn != null && !expiresOn.isAfter(metOn)) {
            throw new DomainException("volunteer.requirement.expiresBeforeMet");
        }
        requirements.removeIf(met -> met.kind() == kind);
        requirements.add(new Met(kind, metOn, expiresOn));
        touched(by, now);
    }

    /** The requirements this volunteer must have, by what they do. */
    Set<Requirement> required() {
        var required = EnumSet.of(Requirement.CONFIDENTIALITY);
        if (criminalRecordRequired) {
            required.add(Requirement.CRIMINAL_RECORD);
        }
        if (peer) {
            required.add(Requirement.PEER_TRAINING);
        }
        return required;
    }

    /** Every required requirement is met and valid on {@code day}. */
    boolean isVettedOn(LocalDate day) {
        return required().stream().allMatch(kind -> met(kind).filter(met -> met.validOn(day)).isPresent());
    }

    /** Required requirements missing or lapsed on {@code day}. */
    Set<Requirement> missingOn(LocalDate day) {
        return required().stream().filter(kind -> met(kind).filter(met -> met.validOn(day)).isEmpty())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Requirement.class)));
    }

    /** Required requirements valid today that lapse within {@code days}: the warning before they do. */
    Set<Requirement> lapsingWithin(int days, LocalDate today) {
        return required().stream().filter(kind -> met(kind).filter(met -> met.validOn(today)
                        && met.expiresOn() != null && !met.expiresOn().isAfter(today.plusDays(days))).isPresent())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Requirement.class)));
    }

    /** May be asked to go with a citizen on {@code day}: onboarded and vetted. */
    boolean isAssignableOn(LocalDate day) {
        return stage == VolunteerStage.ONBOARDED && isVettedOn(day);
    }

    /** Approved after the first conversation. */
    void approve(String by, Instant now) {
        require(VolunteerStage.APPLIED);
        move(VolunteerStage.APPROVED, null, by, now);
    }

    /** Introduced and ready: only with every required requirement valid today. */
    void onboard(LocalDate today, String by, Instant now) {
        requireNotAnonymised();
        require(VolunteerStage.APPROVED, VolunteerStage.PAUSED, VolunteerStage.EXPIRED);
        requireVetted(today);
        move(VolunteerStage.ONBOARDED, null, by, now);
    }

    /** A pause (holiday, illness, a break), for a reason; assignments are handed back by the service. */
    void pause(@Nullable String reason, String by, Instant now) {
        require(VolunteerStage.ONBOARDED);
        move(VolunteerStage.PAUSED, reason(reason), by, now);
    }

    /** Declined, or leaving the register, for a reason; final. */
    void decline(@Nullable String reason, String by, Instant now) {
        if (stage == VolunteerStage.DECLINED) {
            throw illegal();
        }
        move(VolunteerStage.DECLINED, reason(reason), by, now);
    }

    /** What an anonymised volunteer is called wherever they appear: assignments, histories. */
    static final String FORMER = "Tidligere frivillig";

    /**
     * Removed from the register (the volunteer asked, or stopped for good): stopped for the reason, and their own
     * data anonymised at once ({@link #anonymise}). No row is deleted: what they did stays, as "tidligere frivillig".
     */
    void remove(@Nullable String reason, String by, Instant now) {
        if (anonymisedAt != null) {
            throw illegal();
        }
        String why = reason(reason);
        if (stage != VolunteerStage.DECLINED) {
            move(VolunteerStage.DECLINED, why, by, now);
        }
        anonymise(by, now);
    }

    /**
     * Opbevaring: the volunteer's own data go (name, contact, postcode, district, interests, languages, times,
     * vetting dates, login); the stage history stays, with who changed what and when, so the register's figures and
     * the referrals' histories still add up. Only a volunteer who stopped is anonymised; once is enough.
     */
    void anonymise(String by, Instant now) {
        if (stage != VolunteerStage.DECLINED && stage != VolunteerStage.EXPIRED) {
            throw illegal();
        }
        if (anonymisedAt != null) {
            return;
        }
        this.name = FORMER;
        this.phone = null;
        this.email = null;
        this.postcode = "0000";
        this.district = null;
        this.username = null;
        this.interests.clear();
        this.languages.clear();
        this.availability.clear();
        this.requirements.clear();
        this.anonymisedAt = now;
        this.updatedBy = by;
        this.updatedAt = now;
        this.vettedUntil = null;
        history.add(new Change(now, by, stage, stage, "Anonymiseret: den frivilliges egne oplysninger er slettet"));
    }

    /**
     * A required requirement has lapsed: an onboarded or paused volunteer is expired (by the nightly job), with
     * the lapsed requirements as the reason. False when nothing has lapsed or the stage does not expire.
     */
    boolean expireIfLapsed(LocalDate today, String reason, String by, Instant now) {
        if (!EnumSet.of(VolunteerStage.ONBOARDED, VolunteerStage.PAUSED).contains(stage) || isVettedOn(today)) {
            return false;
        }
        move(VolunteerStage.EXPIRED, reason, by, now);
        return true;
    }

    /** The login tied to this volunteer (role VOLUNTEER), or none. */
    void tieLogin(@Nullable String login) {
        requireNotAnonymised();
        this.username = login == null || login.isBlank() ? null : login.strip();
    }

    private void requireVetted(LocalDate today) {
        var missing = missingOn(today);
        if (!missing.isEmpty()) {
            throw new DomainException("volunteer.requirements.missing", missing.stream()
                    .map(kind -> new org.springframework.context.support.DefaultMessageSourceResolvable(kind.messageKey()))
                    .toArray());
        }
    }

    private Optional<Met> met(Requirement kind) {
        return requirements.stream().filter(met -> met.kind() == kind).findFirst();
    }

    private void move(VolunteerStage to, @Nullable String why, String by, Instant now) {
        var from = stage;
        this.stage = to;
        this.leftAt = to == VolunteerStage.DECLINED || to == VolunteerStage.EXPIRED ? now : null;
        touched(by, now);
        history.add(new Change(now, by, from, to, why));
    }

    /** Every change recomputes the day the vetting lapses, which the suggestions filter on. */
    private void touched(String by, Instant now) {
        this.updatedBy = by;
        this.updatedAt = now;
        LocalDate until = NEVER;
        for (Requirement kind : required()) {
            var met = met(kind);
            if (met.isEmpty()) {
                this.vettedUntil = null;
                return;
            }
            var expires = met.get().expiresOn();
            if (expires != null && expires.isBefore(until)) {
                until = expires;
            }
        }
        this.vettedUntil = until;
    }

    /** An anonymised volunteer is history: nothing of them is changed or brought back. */
    private void requireNotAnonymised() {
        if (anonymisedAt != null) {
            throw new DomainException("volunteer.anonymised");
        }
    }

    private void require(VolunteerStage... allowed) {
        if (!Arrays.asList(allowed).contains(stage)) {
            throw illegal();
        }
    }

    private DomainException illegal() {
        return new DomainException("volunteer.transition.illegal",
                new org.springframework.context.support.DefaultMessageSourceResolvable(stage.messageKey()));
    }

    private static String reason(@Nullable String text) {
        String stripped = text == null || text.isBlank() ? null : text.strip();
        if (stripped == null) {
            throw new DomainException("volunteer.reason.missing");
        }
        if (stripped.length() > MAX_REASON) {
            throw new DomainException("volunteer.reason.tooLong", MAX_REASON);
        }
        return stripped;
    }

    private static @Nullable String text(@Nullable String text, int max, String field) {
        String stripped = text == null || text.isBlank() ? null : text.strip();
        if (stripped != null && stripped.length() > max) {
            throw new DomainException(field + ".tooLong", max);
        }
        return stripped;
    }

    public UUID id() { return id; }
    public @Nullable UUID organizationId() { return organizationId; }
    public @Nullable String organizationName() { return organizationName; }
    public String name() { return name; }
    public @Nullable String phone() { return phone; }
    public @Nullable String email() { return email; }
    public String postcode() { return postcode; }
    public @Nullable String district() { return district; }
    public boolean peer() { return peer; }
    public boolean criminalRecordRequired() { return criminalRecordRequired; }
    public VolunteerStage stage() { return stage; }
    public @Nullable LocalDate vettedUntil() { return vettedUntil; }
    public @Nullable String username() { return username; }
    /** When the volunteer stopped (declined, left, expired); null while still in the register's work. */
    public @Nullable Instant leftAt() { return leftAt; }
    public @Nullable Instant anonymisedAt() { return anonymisedAt; }
    public boolean isAnonymised() { return anonymisedAt != null; }
    public Set<Interest> interests() {
        return interests.stream().map(InterestRow::interest)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Interest.class)));
    }
    public Set<String> languages() {
        return languages.stream().map(LanguageRow::language).sorted()
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
    public Set<Availability> availability() { return Collections.unmodifiableSet(availability); }
    public boolean availableOn(DayOfWeek day, TimeOfDay part) { return availability.contains(new Availability(day, part)); }
    public Collection<Met> requirements() {
        return requirements.stream().sorted(java.util.Comparator.comparing(Met::kind)).toList();
    }
    public Optional<Met> requirement(Requirement kind) { return met(kind); }
    public List<Change> history() { return Collections.unmodifiableList(history); }
    public @Nullable Long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
