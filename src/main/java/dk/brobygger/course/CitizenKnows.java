package dk.brobygger.course;

/** Whether the citizen the inquiry is about knows of it and agrees (for an inquiry from someone else). */
public enum CitizenKnows {
    KNOWS_AND_AGREES, KNOWS_NOT_AGREED, DOES_NOT_KNOW, UNKNOWN;

    public String messageKey() {
        return "course.knows." + name();
    }
}
