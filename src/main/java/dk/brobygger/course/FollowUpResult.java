package dk.brobygger.course;

/**
 * Opfølgningsresultat: what the follow-up of a course concluded, as KL's Fælles Sprog III (FSIII) names it:
 * fortsættes, ændres inden for rammen, afsluttes, revisitation. Optional on a course; in EpisodeOfCare an
 * extension ({@link CourseFhir}).
 */
public enum FollowUpResult {
    CONTINUES("9c90b0e5-9c0a-4b72-a18c-76cd6d6c6213"),
    CHANGED_WITHIN_FRAME("c6e71993-5d72-409a-8ab9-ecc094968635"),
    ENDS("59753987-c38d-41c5-b201-0eeff3032fef"),
    REVISITATION("61b9a5c2-2ea7-45ad-82b8-53cbb513290e");

    /** KL's FSIII code system (KL Terminologi, {@code http://fhir.kl.dk/term}), whose concepts are UUIDs. */
    public static final String KL_FSIII = "urn:oid:1.2.208.176.2.21";

    private final String klCode;

    FollowUpResult(String klCode) {
        this.klCode = klCode;
    }

    /** The concept in {@link #KL_FSIII} (value set KLFollowUpCodesFSIII). */
    public String klCode() {
        return klCode;
    }

    public String messageKey() {
        return "course.kl.result." + name();
    }

    /** The code in Brobygger's FHIR code system, e.g. {@code changed-within-frame}. */
    public String fhirCode() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
