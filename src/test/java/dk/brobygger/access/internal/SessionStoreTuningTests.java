package dk.brobygger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import dk.brobygger.BrobyggerTest;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sessions are kept in the database, but a request that changes nothing in its session does not write
 * it back: the last-access time is stored at most once a minute.
 */
@BrobyggerTest
class SessionStoreTuningTests {


    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aRequestSoonAfterTheLastOneLeavesTheStoredSessionAsItWas() throws Exception {
        Cookie[] session = logIn();
        long stored = lastAccess(session);

        mvc.perform(get("/borgere").cookie(session)).andExpect(status().isOk());
        mvc.perform(get("/borgere").cookie(session)).andExpect(status().isOk());

        assertThat(lastAccess(session)).isEqualTo(stored);
    }

    @Test
    void aRequestAMinuteLaterMovesTheLastAccessAndSoTheExpiry() throws Exception {
        Cookie[] session = logIn();
        long twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli();
        jdbc.sql("UPDATE spring_session SET last_access_time = :at, expiry_time = :at + max_inactive_interval * 1000"
                + " WHERE session_id = :id").param("at", twoMinutesAgo).param("id", sessionId(session)).update();

        long before = Instant.now().toEpochMilli();
        mvc.perform(get("/borgere").cookie(session)).andExpect(status().isOk());

        assertThat(lastAccess(session)).isGreaterThanOrEqualTo(before);
        assertThat(jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE session_id = :id")
                .param("id", sessionId(session)).query(Long.class).single()).isEqualTo(Duration.ofMinutes(30).toMillis());
    }

    @Test
    void aSessionPastItsTimeoutIsGone() throws Exception {
        Cookie[] session = logIn();
        jdbc.sql("UPDATE spring_session SET last_access_time = :at, expiry_time = :at + max_inactive_interval * 1000"
                + " WHERE session_id = :id").param("at", Instant.now().minus(Duration.ofMinutes(31)).toEpochMilli())
                .param("id", sessionId(session)).update();

        mvc.perform(get("/borgere").accept(MediaType.TEXT_HTML).cookie(session)).andExpect(redirectedUrl("/login"));
    }

    private Cookie[] logIn() throws Exception {
        return mvc.perform(post("/login").param("username", "hjemmebesog").param("password", "demo").with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("10.64.0.1");
                            return request;
                        }))
                .andExpect(authenticated()).andReturn().getResponse().getCookies();
    }

    private long lastAccess(Cookie[] session) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = :id")
                .param("id", sessionId(session)).query(Long.class).single();
    }

    /** The cookie carries the session id Base64-encoded; the table has the primary key and the id. */
    private static String sessionId(Cookie[] cookies) {
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals("SESSION")) {
                return new String(java.util.Base64.getDecoder().decode(cookie.getValue()));
            }
        }
        throw new AssertionError("no SESSION cookie");
    }
}
