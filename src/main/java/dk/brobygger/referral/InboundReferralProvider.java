package dk.brobygger.referral;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dk.brobygger.interop.FhirAnswers;
import dk.brobygger.interop.FhirProvider;
import dk.brobygger.shared.CprNumber;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * A referral from another system (a GP system, the region) at {@code POST /fhir}: a FHIR transaction Bundle with the
 * Patient identified by CPR number (identifier system {@value #CPR_SYSTEM}, DOMAIN.md §7), the ServiceRequest for
 * what the citizen is referred to, and optionally the Task for it (HL7 SDOH Clinical Care IG). It lands for the
 * municipal team that owns such requests ({@link InboundReferrals}); the answer is a transaction-response Bundle,
 * or, when the CPR number names nobody, a Danish OperationOutcome saying the referral is kept in quarantine.
 * A bundle that is not such a referral is refused (400/422) and nothing is kept. Only a system tied to no
 * organisation refers this way. Public because HAPI binds the method by reflection.
 */
@Component
public class InboundReferralProvider implements FhirProvider {

    static final String CPR_SYSTEM = "urn:oid:1.2.208.176.1.2";
    private static final Locale DANISH = Locale.of("da");

    private final InboundReferrals inbound;
    private final FhirContext fhir;
    private final MessageSource messages;

    InboundReferralProvider(InboundReferrals inbound, FhirContext fhir, MessageSource messages) {
        this.inbound = inbound;
        this.fhir = fhir;
        this.messages = messages;
    }

    /** Receives one referral; see the class. */
    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        var incoming = read(bundle);
        InboundReferrals.Receipt receipt;
        try {
            receipt = inbound.receive(incoming);
        } catch (AccessDeniedException e) {
            throw refusal(403, IssueType.FORBIDDEN, "referral.inbound.forbidden");
        }
        if (receipt.quarantined()) {
            var outcome = FhirAnswers.outcome(IssueSeverity.ERROR, IssueType.NOTFOUND,
                    text("referral.inbound.quarantined"));
            outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                    .setDiagnostics(text("referral.inbound.kept", receipt.id()));
            throw FhirAnswers.refusal(422, outcome);
        }
        var response = new Bundle().setType(BundleType.TRANSACTIONRESPONSE);
        response.setId(receipt.id().toString());
        for (var entry : bundle.getEntry()) {
            var answer = response.addEntry().getResponse().setStatus("201 Created");
            if (entry.getResource() instanceof ServiceRequest) {
                answer.setOutcome(FhirAnswers.outcome(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL,
                        text("referral.inbound.received", inbound.team(), receipt.id())));
            }
        }
        return response;
    }

    /** The referral in the bundle, or a Danish refusal naming what is missing. */
    private InboundReferrals.Incoming read(@Nullable Bundle bundle) {
        if (bundle == null || bundle.getType() != BundleType.TRANSACTION) {
            throw refusal(400, IssueType.STRUCTURE, "referral.inbound.notTransaction");
        }
        var patients = resources(bundle, Patient.class);
        var requests = resources(bundle, ServiceRequest.class);
        var taskList = resources(bundle, Task.class);
        if (patients.size() != 1) {
            throw refusal(422, IssueType.REQUIRED, "referral.inbound.patient.missing");
        }
        if (requests.size() != 1 || taskList.size() > 1) {
            throw refusal(422, IssueType.REQUIRED, "referral.inbound.request.missing");
        }
        String cpr = patients.getFirst().getIdentifier().stream()
                .filter(identifier -> CPR_SYSTEM.equals(identifier.getSystem()) && identifier.hasValue())
                .map(identifier -> identifier.getValue().strip()).findFirst()
                .orElseThrow(() -> refusal(422, IssueType.REQUIRED, "referral.inbound.cpr.missing"));
        if (!CprNumber.isValid(cpr)) {
            throw refusal(422, IssueType.INVALID, "referral.inbound.cpr.invalid");
        }
        var request = requests.getFirst();
        String wish = request.getCode().hasText() ? request.getCode().getText()
                : request.getCode().getCoding().stream().map(Coding::getDisplay)
                        .filter(display -> display != null && !display.isBlank()).findFirst().orElse(null);
        if (wish == null || wish.isBlank()) {
            throw refusal(422, IssueType.REQUIRED, "referral.inbound.wish.missing");
        }
        if (!taskList.isEmpty() && taskList.getFirst().getIntent() != Task.TaskIntent.ORDER) {
            throw refusal(422, IssueType.INVALID, "referral.inbound.task.intent");
        }
        String requester = request.getRequester().getDisplay();
        if ((requester == null || requester.isBlank()) && !taskList.isEmpty()) {
            requester = taskList.getFirst().getRequester().getDisplay();
        }
        String note = request.getNote().stream().map(annotation -> annotation.getText())
                .filter(text -> text != null && !text.isBlank()).collect(Collectors.joining("\n"));
        return new InboundReferrals.Incoming(CprNumber.of(cpr), wish, requester, note.isEmpty() ? null : note,
                fhir.newJsonParser().encodeResourceToString(bundle));
    }

    private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private BaseServerResponseException refusal(int status, IssueType type, String key) {
        return FhirAnswers.refusal(status, FhirAnswers.outcome(IssueSeverity.ERROR, type, text(key)));
    }

    private String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, DANISH);
    }
}
