package dk.brobygger.hospital.intake;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dk.brobygger.hospital.intake.HospitalIntake.Incoming;
import dk.brobygger.interop.FhirAnswers;
import dk.brobygger.interop.FhirProvider;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * FHIR {@code $process-message} for MedCom HospitalNotification bundles, as JSON or XML, on the one FHIR server
 * ({@link FhirProvider}). A system user sends them (HTTP Basic, role SYSTEM, checked by the {@code /fhir}
 * security chain); the answer is always an OperationOutcome, in the format the sender accepts (else the one it
 * sent), with the Danish reason when the message was not applied and a warning issue for each consistency check
 * that did not hold. The body is read here, not by HAPI ({@code manualRequest}), so that a message that is not
 * FHIR at all is still kept for the administrator as it came: a body in any other media type, a wildcard
 * ({@code *}{@code /*}, {@code application/*}) or multipart among them, is refused with 415 and kept.
 * Public because HAPI binds the operation by reflection.
 */
@Component
public class ProcessMessageProvider implements FhirProvider {

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    static final MediaType FHIR_XML = MediaType.parseMediaType("application/fhir+xml");
    private static final Locale DANISH = Locale.of("da");
    /** As long as {@code hospital_message.media_type} (V75). */
    private static final int MEDIA_TYPE_LENGTH = 100;

    private final HospitalIntake intake;
    private final MessageSource messages;

    ProcessMessageProvider(HospitalIntake intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    /** Receives one message bundle; a refusal is thrown with its status and OperationOutcome. */
    @Operation(name = "$process-message", manualRequest = true)
    public OperationOutcome processMessage(RequestDetails request) {
        String contentType = request.getHeader("Content-Type");
        byte[] body = request.loadRequestContents();
        Boolean xml = format(contentType);
        // Undecodable bytes become U+FFFD, and so does NUL, which no FHIR message holds and PostgreSQL cannot
        // keep in text: the message can still be kept for the administrator as it was read.
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
        if (xml == null) {
            throw refusedFormat(text, contentType);
        }
        // The media type is kept beside the message as its type and subtype, which fit the column; the parameters
        // (charset, or anything a sender puts there) are not the administrator's concern.
        var receipt = intake.receive(new Incoming(text, named(contentType), xml));
        return switch (receipt) {
            case Receipt.Accepted accepted -> {
                var outcome = FhirAnswers.outcome(IssueSeverity.INFORMATION, IssueType.INFORMATIONAL,
                        text("hospital.accepted", accepted.code()));
                accepted.warnings().forEach(warning -> outcome.addIssue().setSeverity(IssueSeverity.WARNING)
                        .setCode(IssueType.BUSINESSRULE).setDiagnostics(warning).getDetails().setText(warning));
                yield outcome;
            }
            case Receipt.AlreadyReceived again -> FhirAnswers.outcome(IssueSeverity.INFORMATION, IssueType.DUPLICATE,
                    text("hospital.alreadyReceived", again.messageId()));
            case Receipt.Rejected rejected -> {
                var outcome = FhirAnswers.outcome(IssueSeverity.ERROR, rejected.reason().issueType,
                        text(rejected.reason().messageKey(), rejected.arguments()));
                outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                        .setDiagnostics(text("hospital.keptForAdministrator", rejected.quarantined()));
                throw FhirAnswers.refusal(rejected.reason().status.value(), outcome);
            }
        };
    }

    /** 415, and the message kept for the administrator (a sender that gets its format wrong still sent something). */
    private RuntimeException refusedFormat(String body, @Nullable String contentType) {
        var outcome = FhirAnswers.outcome(IssueSeverity.ERROR, IssueType.NOTSUPPORTED,
                text("hospital.unsupportedMediaType", named(contentType)));
        if (!body.isBlank()) {
            var kept = intake.refuseFormat(body, named(contentType));
            if (kept instanceof Receipt.Rejected rejected) {
                outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                        .setDiagnostics(text("hospital.keptForAdministrator", rejected.quarantined()));
            }
        }
        return FhirAnswers.refusal(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), outcome);
    }

    /** The media type as the sender named it, type and subtype only, at most {@value #MEDIA_TYPE_LENGTH} characters. */
    private static String named(@Nullable String contentType) {
        try {
            var type = MediaType.parseMediaType(contentType == null ? "" : contentType);
            String named = type.getType() + "/" + type.getSubtype();
            return named.length() <= MEDIA_TYPE_LENGTH ? named : named.substring(0, MEDIA_TYPE_LENGTH);
        } catch (IllegalArgumentException e) {
            return "-";
        }
    }

    /** true for XML, false for JSON, null for anything else. */
    private static @Nullable Boolean format(@Nullable String contentType) {
        if (contentType == null) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            return null;
        }
        if (type.isCompatibleWith(FHIR_JSON) || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        if (type.isCompatibleWith(FHIR_XML) || type.isCompatibleWith(MediaType.APPLICATION_XML)
                || type.isCompatibleWith(MediaType.TEXT_XML)) {
            return true;
        }
        return null;
    }

    private String text(String key, @Nullable Object... arguments) {
        return messages.getMessage(key, arguments, key, DANISH);
    }
}
