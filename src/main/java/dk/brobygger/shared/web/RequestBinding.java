package dk.brobygger.shared.web;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Binds only the indexes a form can have, for every form and every controller. A request field such as
 * {@code schedules[100000].weekday} would otherwise make the binder grow the list to that size (Spring's
 * own limit is 256), and an index a list or set cannot have ({@code [-1]}, {@code termIds[99999]} on a set)
 * fails the binding: both are refused as a bad request in Danish ({@link PageErrors}, {@link ApiProblems}),
 * never bound and never a server error. No form of ours has rows near this many.
 */
@ControllerAdvice
class RequestBinding {

    /** The most rows a list in a form may grow to while it is bound. */
    static final int MAX_ROWS = 100;

    @InitBinder
    void bindOnlyIndexesAFormCanHave(WebDataBinder binder) {
        binder.setAutoGrowCollectionLimit(MAX_ROWS);
    }
}
