package dk.brobygger.access;

import static dk.brobygger.access.TrustedProxiesTests.from;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * HTTP Basic has the login form's attempt limit, on the pages and APIs (demo) and at /fhir: per user and client
 * address, answered 429 with Retry-After, lifted by an administrator; a system user has no web login.
 */
@BrobyggerTest
class LoginAttemptLimitTests {

    static final String PROCESS_MESSAGE = "/fhir/$process-message";

    @Autowired MockMvc mvc;

    @Test
    void fortyWrongBasicPasswordsThenTheRightOneIsThrottledFromThatAddressOnly() throws Exception {
        for (int attempt = 0; attempt < 40; attempt++) {
            int status = mvc.perform(get("/api/instruments").with(httpBasic("vaert", "gæt" + attempt))
                    .with(from("10.30.0.1"))).andReturn().getResponse().getStatus();
            org.assertj.core.api.Assertions.assertThat(status).isIn(401, 429);
        }
        mvc.perform(get("/api/instruments").with(httpBasic("vaert", "demo")).with(from("10.30.0.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.detail").value(containsString("for mange forkerte adgangskoder")));
        // Nobody locks the user out from elsewhere.
        mvc.perform(get("/api/instruments").with(httpBasic("vaert", "demo")).with(from("10.30.0.2")))
                .andExpect(status().isOk());
    }

    @Test
    void anAdministratorSeesTheLockAndLiftsIt() throws Exception {
        for (int attempt = 0; attempt < 12; attempt++) {
            mvc.perform(get("/api/instruments").with(httpBasic("akut", "gæt" + attempt)).with(from("10.30.0.5")));
        }
        mvc.perform(get("/api/instruments").with(httpBasic("akut", "demo")).with(from("10.30.0.5")))
                .andExpect(status().isTooManyRequests());

        mvc.perform(get("/admin/laaste-logins").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Låste logins")))
                .andExpect(content().string(containsString("10.30.0.5")))
                .andExpect(content().string(containsString("akut")));
        mvc.perform(post("/admin/laaste-logins/ophaev").param("username", "akut").param("address", "10.30.0.5")
                        .with(httpBasic("hjemmebesog", "demo")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/laaste-logins/ophaev").param("username", "akut").param("address", "10.30.0.5")
                        .with(httpBasic("admin", "demo")).with(csrf()))
                .andExpect(redirectedUrl("/admin/laaste-logins"));

        mvc.perform(get("/api/instruments").with(httpBasic("akut", "demo")).with(from("10.30.0.5")))
                .andExpect(status().isOk());
        mvc.perform(get("/admin/laaste-logins").with(httpBasic("admin", "demo")))
                .andExpect(content().string(not(containsString("10.30.0.5"))));
    }

    @Test
    void atFhirTheRefusalIsAnOperationOutcome() throws Exception {
        for (int attempt = 0; attempt < 40; attempt++) {
            mvc.perform(post(PROCESS_MESSAGE).with(httpBasic("medcom", "gæt" + attempt)).with(from("10.30.0.3"))
                    .contentType("application/fhir+json").content("{}"));
        }
        mvc.perform(post(PROCESS_MESSAGE).with(httpBasic("medcom", "demo")).with(from("10.30.0.3"))
                        .contentType("application/fhir+json").content("{}"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().contentTypeCompatibleWith("application/fhir+json"))
                .andExpect(jsonPath("$.resourceType").value("OperationOutcome"))
                .andExpect(jsonPath("$.issue[0].code").value("throttled"))
                .andExpect(jsonPath("$.issue[0].diagnostics").value(containsString("Prøv igen om")));
    }

    @Test
    void aSystemUserIsNeverLockedOutFromItsConfiguredAddress() throws Exception {
        for (int attempt = 0; attempt < 40; attempt++) {
            mvc.perform(post(PROCESS_MESSAGE).with(httpBasic("medcom", "gæt" + attempt)).with(from("10.255.0.9"))
                            .contentType("application/fhir+json").content("{}"))
                    .andExpect(status().isUnauthorized());
        }
        int status = mvc.perform(post(PROCESS_MESSAGE).with(httpBasic("medcom", "demo")).with(from("10.255.0.9"))
                .contentType("application/fhir+json").content("{}")).andReturn().getResponse().getStatus();
        org.assertj.core.api.Assertions.assertThat(status).isNotIn(401, 403, 429);
    }

    @Test
    void hostileAuthorizationHeadersAreRefusedAndNeverAServerError() throws Exception {
        var random = new java.util.Random(29);
        var headers = new java.util.ArrayList<String>(java.util.List.of("Basic", "Basic ", "Basic !!!", "basic "
                + base64("x".repeat(5_000) + ":y"), "Basic " + base64("uden-kolon"), "Basic " + base64(":"),
                "Basic " + base64("\u0000:\u0000"), "Bearer abc", "Basic " + "A".repeat(3_000)));
        for (int i = 0; i < 10; i++) {
            var bytes = new byte[1 + random.nextInt(300)];
            random.nextBytes(bytes);
            headers.add("Basic " + java.util.Base64.getEncoder().encodeToString(bytes));
        }
        for (String authorization : headers) {
            for (String path : java.util.List.of("/api/instruments", PROCESS_MESSAGE)) {
                int status = mvc.perform(post(path).header("Authorization", authorization).with(from("10.30.0.7"))
                        .contentType("application/fhir+json").content("{}")).andReturn().getResponse().getStatus();
                org.assertj.core.api.Assertions.assertThat(status).as("%s at %s", authorization.length() > 30
                        ? authorization.substring(0, 30) + "…" : authorization, path).isIn(400, 401, 403, 429);
            }
        }
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theSystemUserHasNoWebLoginAndIsRefusedLikeAWrongPassword() throws Exception {
        mvc.perform(formLogin("/login").user("medcom").password("demo"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/instruments").with(httpBasic("medcom", "demo")))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/instruments").with(httpBasic("medcom", "forkert")))
                .andExpect(status().isUnauthorized());
    }
}
