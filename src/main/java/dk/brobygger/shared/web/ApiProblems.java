package dk.brobygger.shared.web;

import java.time.DateTimeException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dk.brobygger.shared.ClusterJobs;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * JSON APIs answer bad input with RFC 9457 problem details in Danish, never a stack trace. The one place for the
 * mappings every API shares: a broken domain rule 400, not found 404, no access 403, a concurrent change 409
 * (a stale version, or a lock or an insert lost to another request), invalid fields 400 with the field errors,
 * a field index no form has or a date beyond the calendar 400, a body in a media type the API does not read
 * ({@code *}{@code /*}, {@code application/*}, multipart without a boundary) 415. Controllers keep handlers only
 * for exceptions of their own.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(-1) // before Spring Boot's English problem details (order 0) for the exceptions both map
class ApiProblems {

    private final MessageSource messages;
    private final Problems problems;

    ApiProblems(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domainRuleBroken(DomainException e, Locale locale) {
        return problems.of(HttpStatus.BAD_REQUEST, e.messageKey(), "problem.domain", locale, e.arguments());
    }

    /** A job started by hand while it runs on some node ({@link ClusterJobs}): nothing was started. */
    @ExceptionHandler(ClusterJobs.JobAlreadyRunning.class)
    ProblemDetail jobAlreadyRunning(ClusterJobs.JobAlreadyRunning e, Locale locale) {
        return problems.of(HttpStatus.CONFLICT, e.messageKey(), "problem.conflict.title", locale);
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e, Locale locale) {
        return problems.of(HttpStatus.NOT_FOUND, "problem.notFound", "error.404.title", locale);
    }

    /** A logged-in user without the right to this thing (e.g. no need-to-know relation to a citizen). */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e, Locale locale) {
        return problems.of(HttpStatus.FORBIDDEN, "problem.forbidden", "error.403.title", locale);
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail conflict(ConcurrencyFailureException e, Locale locale) {
        return problems.conflict("problem.conflict", locale);
    }

    @ExceptionHandler(InvalidPropertyException.class)
    ProblemDetail noSuchField(InvalidPropertyException e, Locale locale) {
        return problems.of(HttpStatus.BAD_REQUEST, "error.400.field", "error.400.title", locale);
    }

    @ExceptionHandler(DateTimeException.class)
    ProblemDetail noSuchDate(DateTimeException e, Locale locale) {
        return problems.of(HttpStatus.BAD_REQUEST, "error.400.date", "error.400.title", locale);
    }

    /** A body that is not the JSON the API reads (broken, too deep, a date beyond the calendar), in Danish. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e, Locale locale) {
        return problems.of(HttpStatus.BAD_REQUEST, "problem.unreadableBody", "error.400.title", locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
        return problems.of(HttpStatus.CONTENT_TOO_LARGE, "error.413.text", "error.413.title", locale);
    }

    @ExceptionHandler({HttpMediaTypeNotSupportedException.class, MultipartException.class})
    ProblemDetail unsupportedMediaType(Exception e, Locale locale) {
        return problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "problem.mediaType", "error.415.title", locale);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e, Locale locale) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid", null, locale));
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors()
                .forEach(error -> errors.putIfAbsent(error.getField(), message(error, locale)));
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * The field's message from the bundles; a value that could not even be converted (text where a number or a
     * yes/no belongs) has no message of its own, and Spring's default names Java types, so it gets a Danish one.
     */
    private String message(FieldError error, Locale locale) {
        if (!error.isBindingFailure()) {
            return messages.getMessage(error, locale);
        }
        return messages.getMessage(new DefaultMessageSourceResolvable(error.getCodes(), null,
                messages.getMessage("problem.invalidValue", null, locale)), locale);
    }
}
