package dk.brobygger.hospital.intake;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dk.brobygger.hospital.intake.HospitalIntake.Incoming;

import ca.uhn.fhir.context.FhirContext;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * FHIR {@code $process-message} for MedCom HospitalNotification bundles, as JSON or XML. A system user sends
 * them (HTTP Basic, role SYSTEM); the answer is always an OperationOutcome, in the format the sender accepts
 * (else the one it sent), with the Danish reason when the message was not applied. A body in any other media
 * type, a wildcard ({@code *}{@code /*}, {@code application/*}) or multipart among them, is refused with 415.
 */
@RestController
class ProcessMessageEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ProcessMessageEndpoint.class);

    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");
    static final MediaType FHIR_XML = MediaType.parseMediaType("application/fhir+xml");
    private static final Locale DANISH = Locale.of("da");
    /** As long as {@code hospital_message.media_type} (V75). */
    private static final int MEDIA_TYPE_LENGTH = 100;

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
        // Undecodable bytes become U+FFFD, and so does NUL, which no FHIR message holds and PostgreSQL cannot
        // keep in text: the message can still be kept for the administrator as it was read.
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
        if (xml == null) {
            return refusedFormat(text, contentType, replyInXml(accept, false));
        }
        // The media type is kept beside the message as its type and subtype, which fit the column; the parameters
        // (charset, or anything a sender puts there) are not the administrator's concern.
        var receipt = intake.receive(new Incoming(text, named(contentType), xml));
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

    /** Any other method on the endpoint, and any other address under {@code /fhir}: an OperationOutcome too. */
    @RequestMapping("/fhir/$process-message")
    ResponseEntity<String> otherMethod(HttpServletRequest request) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, outcome(IssueSeverity.ERROR, IssueType.NOTSUPPORTED,
                text("hospital.methodNotAllowed")), replyInXml(request));
    }

    @RequestMapping("/fhir/**")
    ResponseEntity<String> otherAddress(HttpServletRequest request) {
        return answer(HttpStatus.NOT_FOUND, outcome(IssueSeverity.ERROR, IssueType.NOTFOUND,
                text("hospital.notFound")), replyInXml(request));
    }

    /**
     * Whatever went wrong, the sender still gets an OperationOutcome in the format it asked for, and no stack
     * trace or class name: a request Spring MVC refused before the endpoint ran (a media type it cannot even
     * parse, say) with its status, anything unexpected as 500. An exception handler cannot take
     * {@code @RequestHeader}, so it reads the request itself.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse refused && refused.getStatusCode().is4xxClientError()) {
            log.debug("Hospital notification request refused", e);
            var status = HttpStatus.valueOf(refused.getStatusCode().value());
            return status == HttpStatus.UNSUPPORTED_MEDIA_TYPE
                    ? refusedFormat(body(request), request.getContentType(), replyInXml(request))
                    : answer(status, outcome(IssueSeverity.ERROR, IssueType.INVALID, text("hospital.invalidRequest")),
                            replyInXml(request));
        }
        log.error("Hospital notification intake failed", e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, outcome(IssueSeverity.FATAL, IssueType.EXCEPTION,
                text("hospital.failed")), replyInXml(request));
    }

    /** 415, and the message kept for the administrator (a sender that gets its format wrong still sent something). */
    private ResponseEntity<String> refusedFormat(String body, @Nullable String contentType, boolean inXml) {
        var outcome = outcome(IssueSeverity.ERROR, IssueType.NOTSUPPORTED,
                text("hospital.unsupportedMediaType", named(contentType)));
        if (!body.isBlank()) {
            var kept = intake.refuseFormat(body, named(contentType));
            if (kept instanceof Receipt.Rejected rejected) {
                outcome.addIssue().setSeverity(IssueSeverity.INFORMATION).setCode(IssueType.INFORMATIONAL)
                        .setDiagnostics(text("hospital.keptForAdministrator", rejected.quarantined()));
            }
        }
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, outcome, inXml);
    }

    /** The body of a request Spring refused before the endpoint read it; empty if it cannot be read. */
    private static String body(HttpServletRequest request) {
        try {
            return new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace('\0', '\uFFFD');
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean replyInXml(HttpServletRequest request) {
        return replyInXml(request.getHeader(HttpHeaders.ACCEPT), Boolean.TRUE.equals(format(request.getContentType())));
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
