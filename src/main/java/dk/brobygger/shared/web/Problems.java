package dk.brobygger.shared.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * Problem details (RFC 9457) with a Danish title and detail from the message bundles: the one way the JSON APIs
 * say what went wrong. {@link ApiProblems} maps the common exceptions with it for every API; a controller keeps a
 * handler only for an exception of its own (e.g. "the CPR number is registered already"), written in one line.
 */
@Component
public class Problems {

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    /** A problem with the given status, its detail and title looked up in the message bundles. */
    public ProblemDetail of(HttpStatus status, String detailKey, String titleKey, Locale locale, Object... arguments) {
        var problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(detailKey, arguments, detailKey, locale));
        problem.setTitle(messages.getMessage(titleKey, null, locale));
        return problem;
    }

    /** 409: the request conflicts with what is stored (already registered, changed by someone else). */
    public ProblemDetail conflict(String detailKey, Locale locale, Object... arguments) {
        return of(HttpStatus.CONFLICT, detailKey, "problem.conflict.title", locale, arguments);
    }
}
