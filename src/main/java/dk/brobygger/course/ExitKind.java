package dk.brobygger.course;

/** Udgang: where the citizen goes when the course ends. Every course plans one from its start. */
public enum ExitKind {
    /** A community or association, e.g. an offer in the directory (and later a referral to it). */
    COMMUNITY,
    /** Another municipal service. */
    MUNICIPAL_SERVICE,
    /** The region (psychiatry, F-ACT). */
    REGION,
    /** The citizen needs no more help. */
    NO_MORE_HELP;

    public String messageKey() {
        return "course.exit." + name();
    }

    /** Does an exit of this kind name where to (which association, service or regional team)? */
    public boolean needsDestination() {
        return this != NO_MORE_HELP;
    }
}
