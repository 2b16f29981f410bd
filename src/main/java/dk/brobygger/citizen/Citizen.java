package dk.brobygger.citizen;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.shared.CprNumber;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Borger: a citizen known to the municipality. Birth date and sex come from the CPR number and are
 * stored beside it only for queries; nothing can set them on their own. Names are refused, never
 * cut, when longer than {@value #MAX_NAME} characters. After the retention period a citizen may be
 * anonymised ({@link CitizenRetention}): the record then keeps no CPR number, name or contact.
 */
@Table("citizen")
public class Citizen {

    public static final int MAX_NAME = 200;

    @Id
    private final UUID id;
    private final @Nullable String cpr;
    private final LocalDate birthDate;
    private final CprNumber.Sex sex;
    private String name;
    private @Nullable String address;
    private @Nullable String postcode;
    private @Nullable String district;
    private @Nullable String phone;
    private @Nullable String email;
    private @Nullable LivingSituation livingSituation;
    private @Nullable String language;
    private boolean needsInterpreter;
    private @Nullable String transportNotes;
    @Version
    private @Nullable Long version;
    private final Instant createdAt;
    private final String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    private @Nullable Instant anonymisedAt;

    @PersistenceCreator
    Citizen(UUID id, @Nullable String cpr, LocalDate birthDate, CprNumber.Sex sex, String name, @Nullable String address,
            @Nullable String postcode, @Nullable String district, @Nullable String phone, @Nullable String email,
            @Nullable LivingSituation livingSituation, @Nullable String language, boolean needsInterpreter,
            @Nullable String transportNotes, @Nullable Long version, Instant createdAt, String createdBy,
            Instant updatedAt, String updatedBy, @Nullable Instant anonymisedAt) {
        this.id = id;
        this.cpr = cpr;
        this.birthDate = birthDate;
        this.sex = sex;
        this.name = name;
        this.address = address;
        this.postcode = postcode;
        this.district = district;
        this.phone = phone;
        this.email = email;
        this.livingSituation = livingSituation;
        this.language = language;
        this.needsInterpreter = needsInterpreter;
        this.transportNotes = transportNotes;
        this.version = version;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.updatedAt = updatedAt;
        this.updatedBy = updatedBy;
        this.anonymisedAt = anonymisedAt;
    }

    /** A new citizen record; the district must already be known to exist (see {@link CitizenRegister}). */
    static Citizen register(CprNumber cpr, String name, Address address, @Nullable District district,
            Contact contact, Circumstances circumstances, String by, Instant now) {
        var citizen = new Citizen(UUID.randomUUID(), cpr.value(), cpr.birthDate(), cpr.sex(), validName(name),
                null, null, null, null, null, null, null, false, null, null, now, by, now, by, null);
        citizen.place(address, district);
        citizen.phone = contact.phone();
        citizen.email = contact.email();
        citizen.apply(circumstances);
        return citizen;
    }

    /** Changes the name, e.g. after marriage or a typing error. */
    void rename(String newName, String by, Instant now) {
        this.name = validName(newName);
        touch(by, now);
    }

    /** Flytning: the citizen now lives at another address, perhaps in another district. */
    void moveTo(Address newAddress, @Nullable District newDistrict, String by, Instant now) {
        place(newAddress, newDistrict);
        touch(by, now);
    }

    /** New phone number or e-mail address. */
    void reachAt(Contact contact, String by, Instant now) {
        this.phone = contact.phone();
        this.email = contact.email();
        touch(by, now);
    }

    /** Records how the citizen lives now: living situation, language, interpreter, transport. */
    void describe(Circumstances circumstances, String by, Instant now) {
        apply(circumstances);
        touch(by, now);
    }

    private void place(Address newAddress, @Nullable District newDistrict) {
        this.address = newAddress.street();
        this.postcode = newAddress.postcode();
        this.district = newDistrict == null ? null : newDistrict.code();
    }

    private void apply(Circumstances circumstances) {
        this.livingSituation = circumstances.livingSituation();
        this.language = circumstances.language();
        this.needsInterpreter = circumstances.needsInterpreter();
        this.transportNotes = circumstances.transportNotes();
    }

    private void touch(String by, Instant now) {
        this.updatedAt = now;
        this.updatedBy = by;
    }

    private static String validName(@Nullable String name) {
        return Texts.required(name, MAX_NAME, "citizen.name.missing", "citizen.name.tooLong");
    }

    public CitizenId id() { return new CitizenId(id); }
    /** The CPR number; an anonymised citizen has none, so ask {@link #isAnonymised()} first where it may be one. */
    public CprNumber cpr() {
        if (cpr == null) {
            throw new IllegalStateException("An anonymised citizen has no CPR number");
        }
        return new CprNumber(cpr);
    }
    public boolean isAnonymised() { return anonymisedAt != null; }
    public @Nullable Instant anonymisedAt() { return anonymisedAt; }
    public LocalDate birthDate() { return birthDate; }
    public CprNumber.Sex sex() { return sex; }
    public int ageOn(LocalDate day) { return java.time.Period.between(birthDate, day).getYears(); }
    public String name() { return name; }
    public Address address() { return new Address(address, postcode); }
    public @Nullable District district() { return district == null ? null : new District(district); }
    public Contact contact() { return new Contact(phone, email); }
    public Circumstances circumstances() {
        return new Circumstances(livingSituation, language, needsInterpreter, transportNotes);
    }
    public @Nullable LivingSituation livingSituation() { return livingSituation; }
    public @Nullable Long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public String createdBy() { return createdBy; }
    public Instant updatedAt() { return updatedAt; }
    public String updatedBy() { return updatedBy; }
}
