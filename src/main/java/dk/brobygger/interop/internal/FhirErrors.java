package dk.brobygger.interop.internal;

import java.util.Locale;

import dk.brobygger.interop.FhirAnswers;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;

import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;

/**
 * Every failure at {@code /fhir} is an OperationOutcome in Danish, without HAPI's codes, class names or stack
 * traces: a provider's own refusal (it carries an OperationOutcome) is kept as it is; HAPI's own refusals
 * (unknown address, wrong method, unreadable request) get the server's wording for their status, their headers
 * (e.g. {@code Allow}) kept; anything unexpected is logged and answered 500.
 */
public class FhirErrors {

    private static final Logger log = LoggerFactory.getLogger(FhirErrors.class);
    private static final Locale DANISH = Locale.of("da");

    private final MessageSource messages;

    FhirErrors(MessageSource messages) {
        this.messages = messages;
    }

    @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
    public BaseServerResponseException answer(Throwable failure) {
        if (failure instanceof BaseServerResponseException refusal && refusal.getOperationOutcome() != null) {
            return refusal;
        }
        int status;
        if (failure instanceof BaseServerResponseException refusal) {
            status = refusal.getStatusCode();
            log.debug("FHIR request refused with {}", status, failure);
        } else if (failure instanceof DataFormatException) {
            status = 400;
            log.debug("FHIR request could not be read", failure);
        } else {
            status = 500;
            log.error("FHIR request failed", failure);
        }
        var outcome = switch (status) {
            case 404 -> FhirAnswers.outcome(IssueSeverity.ERROR, IssueType.NOTFOUND, text("fhir.notFound"));
            case 405 -> FhirAnswers.outcome(IssueSeverity.ERROR, IssueType.NOTSUPPORTED, text("fhir.methodNotAllowed"));
            case 415 -> FhirAnswers.outcome(IssueSeverity.ERROR, IssueType.NOTSUPPORTED,
                    text("fhir.unsupportedMediaType"));
            default -> status >= 500
                    ? FhirAnswers.outcome(IssueSeverity.FATAL, IssueType.EXCEPTION, text("fhir.failed"))
                    : FhirAnswers.outcome(IssueSeverity.ERROR, IssueType.INVALID, text("fhir.invalidRequest"));
        };
        var answer = new UnclassifiedServerFailureException(status, outcome.getIssueFirstRep().getDiagnostics(),
                outcome);
        if (failure instanceof BaseServerResponseException refusal && refusal.hasResponseHeaders()) {
            refusal.getResponseHeaders().forEach((name, values) -> values.forEach(value ->
                    answer.addResponseHeader(name, value)));
        }
        return answer;
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, DANISH);
    }
}
