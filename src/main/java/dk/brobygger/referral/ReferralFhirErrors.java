package dk.brobygger.referral;

import java.util.Locale;

import dk.brobygger.interop.FhirAnswers;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The referral providers' refusals at {@code /fhir}, in one place, as OperationOutcomes in Danish: a referral that
 * is not the system's organisation's is not found (404, as one that does not exist), a referral changed since the
 * version the system saw is a conflict (409; 412 for a failed If-Match), a broken rule (an illegal transition, a
 * missing reason, an unknown owner or status) 422, input that is not a referral's Task at all 400.
 */
@Component
class ReferralFhirErrors {

    private static final Locale DANISH = Locale.of("da");

    private final MessageSource messages;

    ReferralFhirErrors(MessageSource messages) {
        this.messages = messages;
    }

    BaseServerResponseException notFound() {
        return refusal(404, IssueType.NOTFOUND, "referral.fhir.notFound");
    }

    BaseServerResponseException refusal(int status, IssueType type, String key, Object... arguments) {
        String text = messages.getMessage(key, arguments, key, DANISH);
        return FhirAnswers.refusal(status, FhirAnswers.outcome(IssueSeverity.ERROR, type, text));
    }

    /** What a provider throws for a failure of the referral service. */
    RuntimeException of(RuntimeException failure) {
        return switch (failure) {
            case BaseServerResponseException refusal -> refusal;
            case NotFoundException missing -> notFound();
            case AccessDeniedException denied -> notFound();
            case DomainException broken when "referral.stale".equals(broken.messageKey()) ->
                    refusal(409, IssueType.CONFLICT, "referral.fhir.stale");
            case DomainException broken -> refusal(422, IssueType.BUSINESSRULE, broken.messageKey(), broken.arguments());
            default -> failure;
        };
    }
}
