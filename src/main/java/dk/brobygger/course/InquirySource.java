package dk.brobygger.course;

/** Who made the inquiry (henvendelse): anyone may contact Én indgang. */
public enum InquirySource {
    CITIZEN, RELATIVE, ASSOCIATION, GP, PSYCHOLOGIST, REGION, SCHOOL, JOBCENTRE, ANONYMOUS;

    public String messageKey() {
        return "course.source." + name();
    }

    /** The sources the public form offers: a person writing for themselves or for someone they know. */
    public static final java.util.List<InquirySource> PUBLIC = java.util.List.of(CITIZEN, RELATIVE, ASSOCIATION, GP,
            PSYCHOLOGIST, SCHOOL, ANONYMOUS);
}
