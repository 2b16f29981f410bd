package dk.brobygger.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dk.brobygger.TestDatabaseProfiles;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one FHIR server on the real servlet container: HAPI's RestfulServer registered for {@code /fhir/*} behind
 * the {@code /fhir} security chain, its CapabilityStatement at {@code /fhir/metadata} naming
 * {@code $process-message}, and refusals as OperationOutcomes in the requested format.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
class FhirServerOverHttpTests {

    static final String MEDCOM = "Basic " + Base64.getEncoder().encodeToString("medcom:demo".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theCapabilityStatementNamesProcessMessageInJsonAndXml() throws Exception {
        var json = send(HttpRequest.newBuilder(uri("/fhir/metadata")).header("Authorization", MEDCOM).GET());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/fhir+json"));
        assertThat(json.body()).contains("\"resourceType\":\"CapabilityStatement\"").contains("process-message")
                .contains("\"fhirVersion\":\"4.0.1\"");

        var xml = send(HttpRequest.newBuilder(uri("/fhir/metadata")).header("Authorization", MEDCOM)
                .header("Accept", "application/fhir+xml").GET());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<CapabilityStatement xmlns=\"http://hl7.org/fhir\">").contains("process-message");
    }

    @Test
    void withoutCredentialsTheAnswerIsA401OperationOutcomeInTheRequestedFormat() throws Exception {
        var json = send(HttpRequest.newBuilder(uri("/fhir/$process-message"))
                .header("Content-Type", "application/fhir+json").POST(BodyPublishers.ofString("{}")));
        assertThat(json.statusCode()).isEqualTo(401);
        assertThat(json.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                assertThat(value).startsWith("Basic"));
        assertThat(json.body()).contains("\"resourceType\":\"OperationOutcome\"").contains("\"code\":\"login\"");

        var xml = send(HttpRequest.newBuilder(uri("/fhir/metadata")).header("Accept", "application/fhir+xml").GET());
        assertThat(xml.statusCode()).isEqualTo(401);
        assertThat(xml.body()).contains("<OperationOutcome xmlns=\"http://hl7.org/fhir\">");
    }

    @Test
    void aWrongMethodAndAnUnknownAddressAreAnsweredInDanishWithoutInternals() throws Exception {
        var get = send(HttpRequest.newBuilder(uri("/fhir/$process-message")).header("Authorization", MEDCOM).GET());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.body()).contains("OperationOutcome").contains("POST").doesNotContain("HAPI");

        var unknown = send(HttpRequest.newBuilder(uri("/fhir/Task/1")).header("Authorization", MEDCOM).GET());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("OperationOutcome").contains("findes ikke").doesNotContain("HAPI");
    }

    @Test
    void aMessageSentAsAFormIsRefused415AndKeptWithItsBody() throws Exception {
        String body = "besked=" + System.nanoTime();
        var answer = send(HttpRequest.newBuilder(uri("/fhir/$process-message")).header("Authorization", MEDCOM)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(body)));

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("OperationOutcome").contains("application/fhir+json");
        assertThat(jdbc.sql("SELECT reason FROM hospital_message WHERE body = :body").param("body", body)
                .query(String.class).list()).containsExactly("UNSUPPORTED_MEDIA_TYPE");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
