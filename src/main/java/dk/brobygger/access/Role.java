package dk.brobygger.access;

/** What a user may do (rolle). Teams decide whom they may see. */
public enum Role {
    /** Administrator: users, teams, configuration. */
    ADMIN,
    /** Kommunal redaktør: edits every offer directly and moderates associations' changes. */
    EDITOR,
    /** Foreningsredaktør: edits the own organisation's offers; changes wait for moderation. */
    ASSOCIATION_EDITOR,
    /** Medarbejder: professionals working with citizens. */
    STAFF,
    /** Leder: dashboards and reviews. */
    MANAGER,
    /** Borger: sees the own record. */
    CITIZEN,
    /**
     * System: another system that delivers messages (the MedCom intake at {@code /fhir}), never a person.
     * It sees no pages and no citizen records; it may only identify the citizen a message is about.
     */
    SYSTEM,
    /**
     * Foreningskontakt: an association's own person who answers the referrals to the organisation's offers
     * (tied to the organisation like an association editor). Sees only what citizens consented to share.
     */
    ASSOCIATION_CONTACT,
    /**
     * Frivillig eller peer: goes with citizens to their first visit (følgeskab). Tied to one volunteer record in
     * the referral module; sees only the own assignments and only what the citizen consented to share.
     */
    VOLUNTEER;

    /** The Spring Security authority name. */
    public String authority() {
        return "ROLE_" + name();
    }
}
