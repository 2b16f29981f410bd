package dk.brobygger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * X-Forwarded-For counts only from the configured proxy (10.255.0.1 in the tests): from anyone else the audit
 * log and the login limit see the address the request came from.
 */
@BrobyggerTest
class TrustedProxiesTests {

    static final String PROXY = "10.255.0.1";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aForgedForwardedAddressFromAnUntrustedClientIsNotWhatTheAuditLogSays() throws Exception {
        assertThat(auditedAddressOfASearch("10.20.0.1", "203.0.113.9")).isEqualTo("10.20.0.1");
        assertThat(auditedAddressOfASearch("10.20.0.1", "203.0.113.9, 10.255.0.1")).isEqualTo("10.20.0.1");
    }

    @Test
    void theTrustedProxysForwardedAddressIsTheClientsAddress() throws Exception {
        assertThat(auditedAddressOfASearch(PROXY, "203.0.113.10")).isEqualTo("203.0.113.10");
    }

    @Test
    void throughTheProxyAnAddressTheClientWroteItselfDoesNotCount() throws Exception {
        // The proxy appends the address it saw; whatever the client put before it is not believed.
        assertThat(auditedAddressOfASearch(PROXY, "6.6.6.6, 203.0.113.11")).isEqualTo("203.0.113.11");
    }

    @Test
    void hostileForwardedHeadersNeverBreakAnAuditedCall() throws Exception {
        var random = new Random(11);
        for (String header : hostileHeaders(random)) {
            for (String from : List.of("10.20.0.3", PROXY)) {
                String address = auditedAddressOfASearch(from, header);
                if (!from.equals(PROXY)) {
                    assertThat(address).isEqualTo(from);
                }
                assertThat(address.length()).as("an IP address at most").isLessThanOrEqualTo(45);
            }
        }
    }

    @Test
    void rotatingForgedAddressesDoesNotGetRoundTheLoginLimit() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            int forged = attempt;
            mvc.perform(post("/login").with(csrf()).param("username", "leder").param("password", "gæt" + attempt)
                            .with(from("10.20.0.4")).header("X-Forwarded-For", "198.51.100." + forged))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).param("username", "leder").param("password", "demo")
                        .with(from("10.20.0.4")).header("X-Forwarded-For", "198.51.100.77"))
                .andExpect(redirectedUrl("/login?throttled"));
    }

    /** Long, odd and many-valued X-Forwarded-For headers, generated. */
    static List<String> hostileHeaders(Random random) {
        var headers = new java.util.ArrayList<String>(List.of("1".repeat(1_000), "a,".repeat(500),
                "203.0.113.12," + "x".repeat(998), "<script>", "unknown", " , , ", "::1%eth0" + "9".repeat(200)));
        for (int i = 0; i < 8; i++) {
            var text = new StringBuilder();
            int length = 1 + random.nextInt(1_200);
            for (int c = 0; c < length; c++) {
                text.append((char) (0x21 + random.nextInt(0x5e)));
            }
            headers.add(text.toString());
        }
        return headers;
    }

    private String auditedAddressOfASearch(String from, String forwardedFor) throws Exception {
        String token = "proxytest" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(get("/borgere").param("q", token).with(httpBasic("hjemmebesog", "demo")).with(from(from))
                        .header("X-Forwarded-For", forwardedFor))
                .andExpect(status().isOk());
        return jdbc.sql("SELECT client_address FROM audit_record WHERE purpose = :purpose")
                .param("purpose", "Navnesøgning: " + token).query(String.class).single();
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
