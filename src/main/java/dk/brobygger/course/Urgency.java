package dk.brobygger.course;

/** How soon the person needs an answer. */
public enum Urgency {
    TODAY, THIS_WEEK, CAN_WAIT;

    public String messageKey() {
        return "course.urgency." + name();
    }
}
