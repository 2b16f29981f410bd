package dk.brobygger.course;

/** What kind of contact a course's contact was. */
public enum ContactKind {
    CONVERSATION, HOME_VISIT, PHONE, VIDEO, GROUP;

    public String messageKey() {
        return "course.contact." + name();
    }
}
