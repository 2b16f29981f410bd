package dk.brobygger.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import dk.brobygger.TestDatabaseProfiles;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A client's malformed request is the client's mistake: it is answered 400 and costs the log one short line
 * at most, never a stack trace at ERROR. Runs on the real servlet container, which is what parses the query.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestDatabaseProfiles.class)
@ExtendWith(OutputCaptureExtension.class)
class ClientErrorLoggingTests {

    @LocalServerPort int port;

    @Test
    void aQueryThatIsNotUtf8IsABadRequestWithoutAStackTraceInTheLog(CapturedOutput output) throws IOException {
        int before = output.getAll().length();
        for (String query : new String[] {"q=%C3%28", "q=%FF%FE", "side=%E2%82", "distrikt=%C0%AF"}) {
            String answer = get("/tilbud?" + query);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).contains("Forespørgslen kunne ikke forstås");
        }
        String logged = output.getAll().substring(before);
        assertThat(logged).doesNotContain("ERROR").doesNotContain("\tat ").doesNotContain("Exception");
    }

    /** A raw request, so that nothing on the way re-encodes the query. */
    private String get(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
