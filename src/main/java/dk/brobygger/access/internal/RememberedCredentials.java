package dk.brobygger.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic for systems that send many messages (MedCom intake, hundreds a second): a password hash is
 * deliberately slow to check, so a correct username and password is remembered for a short while, as a
 * SHA-256 digest and never in clear. A wrong password is always checked in full; a disabled user or a new
 * password takes effect within {@code ttl}.
 */
final class RememberedCredentials implements AuthenticationManager {

    /** A bound on memory: systems are few, so more entries than this means something odd; start over then. */
    static final int MAX_ENTRIES = 100;

    private record Remembered(byte[] digest, Authentication authentication, Instant until) {
    }

    private final AuthenticationManager delegate;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    RememberedCredentials(AuthenticationManager delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        if (!(request instanceof UsernamePasswordAuthenticationToken) || !(request.getCredentials() instanceof String password)) {
            return delegate.authenticate(request);
        }
        String username = request.getName();
        byte[] digest = digest(username, password);
        Instant now = clock.instant();
        var known = remembered.get(username);
        if (known != null && now.isBefore(known.until()) && MessageDigest.isEqual(known.digest(), digest)) {
            return known.authentication();
        }
        Authentication authenticated = delegate.authenticate(request);
        if (remembered.size() >= MAX_ENTRIES) {
            remembered.clear();
        }
        remembered.put(username, new Remembered(digest, authenticated, now.plus(ttl)));
        return authenticated;
    }

    private static byte[] digest(String username, String password) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
