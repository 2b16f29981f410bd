package dk.brobygger.directory;

/**
 * Whether an offer can take a citizen now, in the capacity codes of the HL7 SDOH Clinical Care IG: room, no room,
 * a waitlist, or the association must assess the citizen first. Kept current by the association's own contacts
 * ({@link OfferCapacity}), without the moderation content changes go through.
 */
public enum Capacity {
    /** Plads: places free (how many, when the association has said). */
    AVAILABLE,
    /** Ingen plads og ingen venteliste. */
    NO_CAPACITY,
    /** Ingen plads nu, men venteliste. */
    WAITLIST,
    /** Foreningen skal vurdere borgeren først. */
    ASSESSMENT_REQUIRED;

    public String messageKey() {
        return "capacity." + name();
    }
}
