package dk.brobygger.course;

import dk.brobygger.shared.DomainException;

/** Someone else changed the course (or the type) after the version the change was made from: nothing was written. */
public class CourseConflictException extends DomainException {

    CourseConflictException(String messageKey) {
        super(messageKey);
    }
}
