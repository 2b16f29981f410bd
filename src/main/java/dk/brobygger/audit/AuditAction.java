package dk.brobygger.audit;

/** What a user did, or tried to do, with personal data. Whether it was allowed is the {@link AuditOutcome}. */
public enum AuditAction {
    /** Opened a citizen's record or part of it. */
    READ,
    /** Searched among citizens; the record names no single citizen. */
    SEARCH,
    CREATE,
    UPDATE,
    DELETE,
    /** Bryd glasset: saw a citizen outside need-to-know, with a written reason, flagged for review. */
    BREAK_THE_GLASS,
    /** Took data out of Brobygger, e.g. a CSV export (also of this log). */
    EXPORT,
    /** Anonymised a citizen's record when it was no longer needed. */
    ANONYMISE,
    /**
     * Saw a list of citizens picked by a rule, not by a relation (who is due a §79a visit, the outreach
     * list). One record per listing names no single citizen; the purpose says which list and how many.
     */
    LIST,
    /**
     * Shared data about the citizen with a party outside the municipality's staff (an association, a
     * volunteer, a relative, the region, the GP) under the citizen's consent; refused without one.
     */
    SHARE
}
