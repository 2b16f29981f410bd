package dk.brobygger.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import ca.uhn.fhir.context.FhirContext;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The {@code /fhir} security chain's refusals as FHIR OperationOutcomes in Danish, like every other answer there:
 * 401 (no or wrong credentials, with {@code WWW-Authenticate}), 403 (a user who is not a system user) and 429
 * (too many wrong passwords). XML when the client asks for it ({@code _format}, {@code Accept}) or sent XML
 * without saying what it accepts, JSON otherwise: the same negotiation as the FHIR server's.
 */
final class FhirRefusals {

    static final String REALM = "Brobygger FHIR";
    private static final Locale DANISH = Locale.of("da");

    private final ObjectProvider<FhirContext> fhir;
    private final MessageSource messages;

    FhirRefusals(ObjectProvider<FhirContext> fhir, MessageSource messages) {
        this.fhir = fhir;
        this.messages = messages;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            write(request, response, HttpServletResponse.SC_UNAUTHORIZED, IssueType.LOGIN, text("fhir.unauthorized"));
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, denied) -> write(request, response, HttpServletResponse.SC_FORBIDDEN,
                IssueType.FORBIDDEN, text("fhir.forbidden"));
    }

    BasicAttemptLimiter.Refusal throttled() {
        return (request, response, seconds) -> write(request, response, 429, IssueType.THROTTLED,
                "For mange forkerte adgangskoder fra denne adresse. Prøv igen om " + seconds + " sekunder.");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, IssueType type,
            String text) throws IOException {
        var context = fhir.getIfAvailable(FhirContext::forR4Cached);
        var outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(text).getDetails()
                .setText(text);
        boolean xml = inXml(request);
        response.setStatus(status);
        response.setContentType(xml ? "application/fhir+xml" : "application/fhir+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        var parser = xml ? context.newXmlParser() : context.newJsonParser();
        response.getWriter().write(parser.encodeResourceToString(outcome));
    }

    /** {@code _format} first, then {@code Accept}, then the format the request was sent in; JSON by default. */
    static boolean inXml(HttpServletRequest request) {
        String format = lower(request.getParameter("_format"));
        if (format.contains("xml") || format.contains("json")) {
            return format.contains("xml");
        }
        String accept = lower(request.getHeader("Accept"));
        boolean json = accept.contains("json");
        boolean xml = accept.contains("xml");
        if (json || xml) {
            return xml && !json;
        }
        return lower(request.getContentType()).contains("xml");
    }

    private static String lower(@Nullable String value) {
        return value == null ? "" : value.toLowerCase(Locale.ROOT);
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, DANISH);
    }
}
