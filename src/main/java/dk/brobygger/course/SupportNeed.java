package dk.brobygger.course;

/**
 * Støttebehov: how much support the citizen needs, on KL's scale of Fælles Faglige Begreber (FFB) for the adult
 * social area: intet, let, moderat, højt, fuldstændigt. Optional on a course; in EpisodeOfCare an extension
 * ({@link CourseFhir}), in Brobygger's code system and in KL's own: each value is a concept of FFB in KL Terminologi
 * (value set KLNeedsAssessmentCodesFFB, "KLStøttebehovsvurderingskoderFFB", the children of "Støttebehovsniveau").
 * FFB's sixth value there, "Ikke vurderet", is not sent: a course not assessed has no support need extension.
 */
public enum SupportNeed {
    NONE("ae9f388a-91c3-46cf-af55-f81952f2977c", "Intet støttebehov"),
    LIGHT("dd628e73-d6c9-4837-a2b8-aa62d73bd6ae", "Let støttebehov"),
    MODERATE("401a397b-b3aa-4ca3-8b23-bd8f99dd3f76", "Moderat støttebehov"),
    HIGH("b99a0790-4d70-4152-b149-3fe58b745583", "Højt støttebehov"),
    COMPLETE("e99763d6-6c43-4969-ad52-2b1a7055f9dc", "Fuldstændigt støttebehov");

    /** KL's FFB code system (KL Terminologi, {@code http://fhir.kl.dk/term}), whose concepts are UUIDs. */
    public static final String KL_FFB = "urn:oid:1.2.208.176.2.22";

    private final String klCode;
    private final String klDisplay;

    SupportNeed(String klCode, String klDisplay) {
        this.klCode = klCode;
        this.klDisplay = klDisplay;
    }

    /** The concept's display in {@link #KL_FFB}, KL's Danish term (the code system's data, not the page's words). */
    public String klDisplay() {
        return klDisplay;
    }

    /** The concept in {@link #KL_FFB} (value set KLNeedsAssessmentCodesFFB). */
    public String klCode() {
        return klCode;
    }

    public String messageKey() {
        return "course.kl.need." + name();
    }

    /** The code in Brobygger's FHIR code system, e.g. {@code moderate}. */
    public String fhirCode() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
