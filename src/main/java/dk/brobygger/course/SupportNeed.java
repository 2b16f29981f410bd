package dk.brobygger.course;

/**
 * Støttebehov: how much support the citizen needs, on KL's scale of Fælles Faglige Begreber (FFB) for the adult
 * social area: intet, let, moderat, højt, fuldstændigt. Optional on a course; in EpisodeOfCare an extension
 * ({@link CourseFhir}).
 */
public enum SupportNeed {
    NONE, LIGHT, MODERATE, HIGH, COMPLETE;

    public String messageKey() {
        return "course.kl.need." + name();
    }

    /** The code in Brobygger's FHIR code system, e.g. {@code moderate}. */
    public String fhirCode() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
