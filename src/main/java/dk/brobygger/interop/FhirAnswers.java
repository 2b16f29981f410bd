package dk.brobygger.interop;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Small helpers for providers: an OperationOutcome with one issue, and a refusal that carries it with its status. */
public final class FhirAnswers {

    private FhirAnswers() {
    }

    /** An OperationOutcome with one issue whose diagnostics and details text are {@code text}. */
    public static OperationOutcome outcome(IssueSeverity severity, IssueType type, String text) {
        var outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(text).getDetails().setText(text);
        return outcome;
    }

    /** The answer {@code outcome} with HTTP status {@code status}, to throw from a provider method. */
    public static BaseServerResponseException refusal(int status, OperationOutcome outcome) {
        String text = outcome.getIssueFirstRep().getDiagnostics();
        return new UnclassifiedServerFailureException(status, text == null ? "" : text, outcome);
    }
}
