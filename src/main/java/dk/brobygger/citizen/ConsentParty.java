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

    /** The party in Danish, for audit purposes: the log is written in Danish whatever language the reader uses. */
    String danishName() {
        return switch (this) {
            case RELATIVES -> "pårørende";
            case REGION -> "regionen";
            case GP -> "egen læge";
            case ASSOCIATION -> "en forening";
        };
    }
}
