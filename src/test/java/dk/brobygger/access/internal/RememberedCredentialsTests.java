package dk.brobygger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/** A system's checked password is remembered for a short while; a wrong one is always checked in full. */
class RememberedCredentialsTests {

    final AtomicInteger checks = new AtomicInteger();
    final AuthenticationManager slowHash = request -> {
        checks.incrementAndGet();
        if (!"demo".equals(request.getCredentials())) {
            throw new BadCredentialsException("wrong");
        }
        return UsernamePasswordAuthenticationToken.authenticated(request.getName(), null, List.of());
    };
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final RememberedCredentials manager = new RememberedCredentials(slowHash, Duration.ofMinutes(1), clock);

    @Test
    void aCorrectPasswordIsCheckedOnceWithinTheMinuteAndAgainAfterIt() {
        for (int i = 0; i < 5; i++) {
            assertThat(manager.authenticate(login("demo")).isAuthenticated()).isTrue();
        }
        assertThat(checks).hasValue(1);

        now.set(now.get().plus(Duration.ofMinutes(2)));
        manager.authenticate(login("demo"));
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverTakenFromMemory() {
        manager.authenticate(login("demo"));

        assertThatThrownBy(() -> manager.authenticate(login("gæt"))).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> manager.authenticate(login("gæt"))).isInstanceOf(BadCredentialsException.class);
        assertThat(checks).hasValue(3);
    }

    private static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("medcom", password);
    }
}
