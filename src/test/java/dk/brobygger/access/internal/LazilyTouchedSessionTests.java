package dk.brobygger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

/** A session passes a new last-access time on to the stored one only once a minute. */
class LazilyTouchedSessionTests {

    final Instant start = Instant.parse("2026-11-23T08:00:00Z");
    final MapSession stored = new MapSession();
    final SessionStoreTuning.LazilyTouchedSessions.LazilyTouchedSession session =
            new SessionStoreTuning.LazilyTouchedSessions.LazilyTouchedSession(stored, Duration.ofMinutes(1));

    LazilyTouchedSessionTests() {
        stored.setLastAccessedTime(start);
    }

    @Test
    void keepsItsLastAccessForLessThanAMinute() {
        session.setLastAccessedTime(start.plusSeconds(59));
        assertThat(session.getLastAccessedTime()).isEqualTo(start);
        assertThat(stored.getLastAccessedTime()).isEqualTo(start);
    }

    @Test
    void movesItsLastAccessAfterAMinute() {
        session.setLastAccessedTime(start.plusSeconds(60));
        assertThat(stored.getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
    }

    @Test
    void passesEverythingElseOn() {
        session.setAttribute("kurv", "fuld");
        session.setMaxInactiveInterval(Duration.ofMinutes(30));
        assertThat(stored.<String>getAttribute("kurv")).isEqualTo("fuld");
        assertThat(session.getAttributeNames()).containsExactly("kurv");
        assertThat(session.getId()).isEqualTo(stored.getId());
        assertThat(session.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
        session.removeAttribute("kurv");
        assertThat(stored.getAttributeNames()).isEmpty();
    }
}
