package dk.brobygger.course;

import java.util.EnumSet;
import java.util.Set;

/** A course's state, as FHIR EpisodeOfCare.status (DOMAIN.md §5). */
public enum CourseStatus {
    PLANNED, WAITLIST, ACTIVE, ONHOLD, FINISHED, CANCELLED;

    public static final Set<CourseStatus> OPEN = EnumSet.of(PLANNED, WAITLIST, ACTIVE, ONHOLD);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** The FHIR code (lower case), for the EpisodeOfCare mapping. */
    public String fhirCode() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String messageKey() {
        return "course.status." + name();
    }
}
