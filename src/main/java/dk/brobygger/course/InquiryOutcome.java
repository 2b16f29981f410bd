package dk.brobygger.course;

/** How an inquiry was closed: a course started, or the person got what they needed without one. */
public enum InquiryOutcome {
    COURSE_STARTED, ADVICE_GIVEN, REFERRED_ELSEWHERE, NO_CONTACT;

    public String messageKey() {
        return "course.outcome." + name();
    }

    /** The outcomes a host chooses by hand (a course started closes the inquiry by itself). */
    public static final java.util.List<InquiryOutcome> BY_HOST = java.util.List.of(ADVICE_GIVEN, REFERRED_ELSEWHERE,
            NO_CONTACT);
}
