package dk.brobygger.citizen;

/** Who a citizen's information may be shared with (DESIGN.md: relatives, region, GP, association). */
public enum ConsentParty {
    /** Pårørende. */
    RELATIVES,
    /** Regionen, e.g. psychiatry or the F-ACT team. */
    REGION,
    /** Egen læge. */
    GP,
    /** A named association or volunteer organisation. */
    ASSOCIATION;

    public String messageKey() {
        return "consent.party." + name();
    }
}
