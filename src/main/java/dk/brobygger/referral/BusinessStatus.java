package dk.brobygger.referral;

/**
 * The detail of a referral's state (FHIR Task.businessStatus, DOMAIN.md §8): why it was declined, where the
 * citizen is on the way into the community, why it stopped.
 */
public enum BusinessStatus {
    /** Ikke i målgruppen. */
    NOT_ELIGIBLE,
    /** Ingen plads: declined for capacity, or waiting on the waitlist. */
    NO_CAPACITY,
    /** Borgeren skal selv gøre noget (ringe, svare) før det kan gå videre. */
    NEEDS_CITIZEN_ACTION,
    /** En frivillig eller peer går med. */
    BUDDY_ASSIGNED,
    /** Første gang aftalt: the association proposed a first date. */
    FIRST_VISIT_PLANNED,
    /** Fulgt med første gang. */
    ACCOMPANIED_TO_FIRST_VISIT,
    /** Kom. */
    ATTENDED,
    /** Kom ikke. */
    DID_NOT_ATTEND,
    /** Kommer fast. */
    ATTENDING_REGULARLY,
    /** Kunne ikke komme i kontakt med borgeren. */
    COULD_NOT_CONTACT,
    /** Borgeren ønsker det ikke længere. */
    NO_LONGER_INTERESTED,
    /** Henvist til et andet tilbud. */
    REFERRED_ELSEWHERE,
    /** Another reason, given in words. */
    OTHER;

    public String messageKey() {
        return "referral.business." + name();
    }
}
