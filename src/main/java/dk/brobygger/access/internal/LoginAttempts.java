package dk.brobygger.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dk.brobygger.access.Role;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Forsøg på at logge ind: wrong passwords counted per user name and client address, and per client address,
 * for the login form and HTTP Basic alike. When a count is used up, further attempts are refused before the
 * password is checked, until the bucket refills. Keyed by the real client address (see {@link TrustedProxies}),
 * so guessing from one address never locks the user out anywhere else. A system user is never locked out
 * from the addresses it is configured to send from ({@code brobygger.login.system-addresses}). An
 * administrator sees the locks and lifts one at {@code /admin/laasninger}.
 *
 * <p>The counts live in this node's memory: behind a load balancer each node counts on its own, which only
 * makes guessing slower by the number of nodes, never faster.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    /** A bound on memory: more keys than this and the counts start over. */
    private static final int MAX_TRACKED = 100_000;

    /** A lock: the user (or every user, when {@code username} is null) from one client address, until when. */
    record Lock(@Nullable String username, String address, Instant until) {
    }

    private record Key(String username, String address) {
    }

    private final Map<Key, Bucket> perUser = new ConcurrentHashMap<>();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private final int attemptsPerUser;
    private final int attemptsPerAddress;
    private final Set<String> systemAddresses;
    private final JdbcUsers users;
    private final Clock clock;

    LoginAttempts(@Value("${brobygger.login.attempts-per-minute:10}") int attemptsPerUser,
            @Value("${brobygger.login.attempts-per-minute-per-address:60}") int attemptsPerAddress,
            @Value("${brobygger.login.system-addresses:}") List<String> systemAddresses, JdbcUsers users,
            Clock clock) {
        this.attemptsPerUser = attemptsPerUser;
        this.attemptsPerAddress = attemptsPerAddress;
        this.systemAddresses = systemAddresses.stream().map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.users = users;
        this.clock = clock;
    }

    /** How long this attempt must wait, if the user (or the address) has used up its attempts. */
    Optional<Duration> refusal(String username, String address) {
        Key key = key(username, address);
        Duration wait = max(waitFor(perUser.get(key)), waitFor(perAddress.get(address)));
        if (wait.isZero() || exempt(key)) {
            return Optional.empty();
        }
        return Optional.of(wait);
    }

    /** A wrong password (or another refused login) from this address. */
    void failed(String username, String address) {
        Key key = key(username, address);
        if (perUser.size() > MAX_TRACKED || perAddress.size() > MAX_TRACKED) {
            perUser.clear();
            perAddress.clear();
        }
        boolean user = perUser.computeIfAbsent(key, k -> bucket(attemptsPerUser)).tryConsume(1);
        boolean client = perAddress.computeIfAbsent(address, k -> bucket(attemptsPerAddress)).tryConsume(1);
        if (!user || !client) {
            log.info("Login attempts used up for user {} from {}", key.username(), address);
        }
    }

    /** A refused password, from the form or HTTP Basic on any chain (OpenID Connect logins are the provider's). */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        var authentication = event.getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken
                && authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null && authentication.getName() != null) {
            failed(authentication.getName(), details.getRemoteAddress());
        }
    }

    /** The locks in force now, soonest lifted first. */
    List<Lock> locks() {
        Instant now = clock.instant();
        var locks = new ArrayList<Lock>();
        perUser.forEach((key, bucket) -> {
            Duration wait = waitFor(bucket);
            if (!wait.isZero()) {
                locks.add(new Lock(key.username(), key.address(), now.plus(wait)));
            }
        });
        perAddress.forEach((address, bucket) -> {
            Duration wait = waitFor(bucket);
            if (!wait.isZero()) {
                locks.add(new Lock(null, address, now.plus(wait)));
            }
        });
        locks.sort(Comparator.comparing(Lock::until));
        return locks;
    }

    /** Lifts a lock: the user from the address, or the address for everyone when {@code username} is null. */
    void lift(@Nullable String username, String address) {
        if (username == null || username.isBlank()) {
            perAddress.remove(address);
        } else {
            perUser.remove(key(username, address));
            perAddress.remove(address);
        }
        log.info("Login lock lifted for user {} from {}", username == null ? "(alle)" : username, address);
    }

    private boolean exempt(Key key) {
        return systemAddresses.contains(key.address())
                && users.find(key.username()).filter(user -> user.has(Role.SYSTEM)).isPresent();
    }

    /** User names are at most 100 characters; a longer one typed at the door is cut, so memory stays bounded. */
    private static Key key(String username, String address) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        return new Key(name.length() > 100 ? name.substring(0, 100) : name, address);
    }

    private static Duration waitFor(@Nullable Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.max(1, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
