package dk.brobygger.course;

/**
 * How a relative takes part in a course, on the citizen's wish: involved (in meetings and the plan), kept informed
 * only, or no longer involved (the citizen no longer wishes it, or the relative stepped back; a reason is kept).
 */
public enum RelativeInvolvement {
    INVOLVED, INFORMED, ENDED;

    public String messageKey() {
        return "course.relative.involvement." + name();
    }
}
