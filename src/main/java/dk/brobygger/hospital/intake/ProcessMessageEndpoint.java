package dk.brobygger.hospital.intake;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dk.brobygger.hospital.intake.HospitalIntake.Incoming;

import ca.uhn.fhir.context.FhirContext;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR {@code $process-message} for MedCom HospitalNotification bundles, as JSON or XML. A system user sends
 * them (HTTP Basic, role SYSTEM); the answer is always an OperationOutcome, in the format the sender accepts
 * (else the one it sent), with the Danish reason when the message was not applied.
 */
@RestController
class ProcessMessageEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ProcessMessageEndpoint.class);

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    static final MediaType FHIR_XML = MediaType.parseMediaType("application/fhir+xml");
    private static final Locale DANISH = Locale.of("da");

    private final HospitalIntake intake;
    private final FhirContext fhir;
    private final MessageSource messages;

    ProcessMessageEndpoint(HospitalIntake intake, FhirContext fhir, MessageSource messages) {
        this.intake = intake;
        this.fhir = fhir;
        this.messages = messages;
    }

    @PostMapping("/fhir/$process-message")
    ResponseEntity<String> process(@RequestBody(required = false) byte @Nullable [] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        Boolean xml = format(contentType);
        if (xml == null) {
            return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, outcome(IssueSeverity.ERROR, IssueType.NOTSUPPORTED,
                    text("hospital.unsupportedMediaType", contentType == null ? "-" : contentType)), replyInXml(accept, false));
        }
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        var receipt = intake.receive(new Incoming(text, contentType, xml));
        boolean inXml = replyInXml(accept, xml);
        return switch (receipt) {
            case Receipt.Accepted accepted -> answer(HttpStatus.OK, outcome(IssueSeverity.INFORMATION,
                    IssueType.INFORMATIONAL, text("hospital.accepted", accepted.code())), inXml);
            case Receipt.AlreadyReceived again -> answer(HttpStatus.OK, outcome(IssueSeverity.INFORMATION,
                    IssueType.DUPLICATE, text("hospital.alreadyReceived", again.messageId())), inXml);
            case Receipt.Rejected rejected -> {
                var outcome = outcome(IssueSeverity.ERROR, rejected.reason().issueType,
                        text(rejected.reason().messageKey(), rejected.arguments()));
                outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                        .setDiagnostics(text("hospital.keptForAdministrator", rejected.quarantined()));
                yield answer(rejected.reason().status, outcome, inXml);
            }
        };
    }

    /** Whatever went wrong unexpectedly, the sender still gets an OperationOutcome, and no stack trace. */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<String> failed(RuntimeException e,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        log.error("Hospital notification intake failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, outcome(IssueSeverity.FATAL, IssueType.EXCEPTION,
                text("hospital.failed")), replyInXml(accept, false));
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
        if (type.isCompatibleWith(FHIR_JSON) || type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return false;
        }
        if (type.isCompatibleWith(FHIR_XML) || type.isCompatibleWith(MediaType.APPLICATION_XML)
                || type.isCompatibleWith(MediaType.TEXT_XML)) {
            return true;
        }
        return null;
    }

    private static boolean replyInXml(@Nullable String accept, boolean sentXml) {
        if (accept == null || accept.isBlank()) {
            return sentXml;
        }
        String wanted = accept.toLowerCase(Locale.ROOT);
        boolean json = wanted.contains("json");
        boolean xml = wanted.contains("xml");
        return xml && !json || !json && !xml && sentXml;
    }

    private static OperationOutcome outcome(IssueSeverity severity, IssueType type, String text) {
        var outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(text).getDetails().setText(text);
        return outcome;
    }

    private ResponseEntity<String> answer(HttpStatus status, OperationOutcome outcome, boolean xml) {
        var parser = xml ? fhir.newXmlParser() : fhir.newJsonParser();
        return ResponseEntity.status(status)
                .contentType(new MediaType(xml ? FHIR_XML : FHIR_JSON, StandardCharsets.UTF_8))
                .body(parser.encodeResourceToString(outcome));
    }

    private String text(String key, @Nullable Object... arguments) {
        return messages.getMessage(key, arguments, key, DANISH);
    }
}
