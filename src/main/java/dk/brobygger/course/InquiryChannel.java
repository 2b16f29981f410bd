package dk.brobygger.course;

/** How the inquiry reached Én indgang. */
public enum InquiryChannel {
    WALK_IN, PHONE, EMAIL, PUBLIC_FORM, MY_PAGE, MEETING;

    public String messageKey() {
        return "course.channel." + name();
    }

    /** The channels a host records by hand (the forms record their own). */
    public static final java.util.List<InquiryChannel> BY_HOST = java.util.List.of(PHONE, WALK_IN, EMAIL, MEETING);
}
