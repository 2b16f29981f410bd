package dk.brobygger.course;

/**
 * Opfølgningsresultat: what the follow-up of a course concluded, as KL's Fælles Sprog III (FSIII) names it:
 * fortsættes, ændres inden for rammen, afsluttes, revisitation. Optional on a course; in EpisodeOfCare an
 * extension ({@link CourseFhir}).
 */
public enum FollowUpResult {
    CONTINUES, CHANGED_WITHIN_FRAME, ENDS, REVISITATION;

    public String messageKey() {
        return "course.kl.result." + name();
    }

    /** The code in Brobygger's FHIR code system, e.g. {@code changed-within-frame}. */
    public String fhirCode() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
