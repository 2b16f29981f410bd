package dk.brobygger.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login form's attempt limit ({@link LoginAttempts}) for HTTP Basic: a request whose user has had too many
 * wrong passwords from this client address is answered 429 with {@code Retry-After}, before its password is
 * checked. Only wrong passwords count, so a system sending hundreds of messages a second is never slowed.
 */
class BasicAttemptLimiter extends OncePerRequestFilter {

    /** Writes the body of a 429 answer in the chain's own format (problem detail, OperationOutcome). */
    @FunctionalInterface
    interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds) throws IOException;
    }

    private final LoginAttempts attempts;
    private final Refusal refusal;

    BasicAttemptLimiter(LoginAttempts attempts, Refusal refusal) {
        this.attempts = attempts;
        this.refusal = refusal;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request.getHeader("Authorization"));
        var wait = username == null ? java.util.Optional.<Duration>empty()
                : attempts.refusal(username, request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = seconds(wait.get());
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        refusal.write(request, response, seconds);
    }

    /** The user name of an HTTP Basic header, or null when there is none or it cannot be read. */
    static @Nullable String basicUsername(@Nullable String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
