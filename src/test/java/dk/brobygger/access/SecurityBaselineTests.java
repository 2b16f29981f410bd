package dk.brobygger.access;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The security baseline every page stands on. */
@BrobyggerTest
class SecurityBaselineTests {

    @Autowired MockMvc mvc;

    @Test
    void everyPageCarriesAStrictContentSecurityPolicyAndTheUsualHeaders() throws Exception {
        mvc.perform(get("/tilbud"))
                .andExpect(header().string("Content-Security-Policy",
                        allOf(containsString("script-src 'self'"), not(containsString("unsafe-inline")),
                                containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void swaggerUiAndFhirCarryTheSameReferrerAndPermissionsPolicies() throws Exception {
        for (var request : java.util.List.of(get("/swagger-ui/index.html"), get("/swagger-ui.html"),
                post("/fhir/$process-message"),
                post("/fhir/$process-message").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("medcom", "demo")))) {
            mvc.perform(request)
                    .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                    .andExpect(header().string("Permissions-Policy", containsString("camera=()")))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }
    }

    @Test
    void demoUsersLogInWithThePasswordDemo() throws Exception {
        mvc.perform(formLogin("/login").user("redaktoer").password("demo"))
                .andExpect(redirectedUrl("/start"));
        mvc.perform(formLogin("/login").user("redaktoer").password("forkert"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "demo"))
                .andExpect(status().isForbidden());
    }

    @Test
    void repeatedLoginAttemptsAreSlowedDown() throws Exception {
        for (int attempt = 0; attempt < 10; attempt++) {
            mvc.perform(post("/login").with(csrf()).param("username", "leder").param("password", "gæt" + attempt)
                            .with(request -> { request.setRemoteAddr("10.9.8.7"); return request; }))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).param("username", "leder").param("password", "demo")
                        .with(request -> { request.setRemoteAddr("10.9.8.7"); return request; }))
                .andExpect(redirectedUrl("/login?throttled"));
    }

    @Test
    void apisAnswerUnauthorisedInsteadOfRedirectingScripts() throws Exception {
        mvc.perform(get("/api/ingenting")).andExpect(status().isUnauthorized());
    }

    @Test
    void editorialPagesNeedAnEditor() throws Exception {
        mvc.perform(get("/redaktion").accept(org.springframework.http.MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    @Test
    void operationalEndpointsAreForAdministratorsButHealthIsOpen() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/prometheus").with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .httpBasic("hjemmebesog", "demo")))
                .andExpect(status().isForbidden());
    }
}
