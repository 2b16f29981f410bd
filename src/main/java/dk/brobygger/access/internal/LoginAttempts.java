package dk.brobygger.access.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import dk.brobygger.access.Role;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * <p>With several nodes the counts are shared: on PostgreSQL the buckets live in the database
 * ({@link SharedAttemptBuckets}, Bucket4j), so ten wrong passwords are ten however the load balancer spreads them.
 * Whether an attempt is refused is asked of the database at most once every {@code brobygger.login.check-every}
 * (default 1 second) per user name and address on each node: a lock another node just set holds here within that
 * time; one this node sets holds at once. On the embedded H2 database (one node) the buckets live in memory.
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    /** A lock: the user (or every user, when {@code username} is null) from one client address, until when. */
    record Lock(@Nullable String username, String address, Instant until) {
    }

    private record Key(String username, String address) {

        String user() {
            return "u " + address + " " + username;
        }

        String client() {
            return "a " + address;
        }
    }

    private final AttemptBuckets buckets;
    private final Cache<Key, Optional<Duration>> recentlyChecked;
    private final int attemptsPerUser;
    private final int attemptsPerAddress;
    private final Set<String> systemAddresses;
    private final JdbcUsers users;
    private final Clock clock;

    LoginAttempts(AttemptBuckets buckets,
            @Value("${brobygger.login.attempts-per-minute:10}") int attemptsPerUser,
            @Value("${brobygger.login.attempts-per-minute-per-address:60}") int attemptsPerAddress,
            @Value("${brobygger.login.system-addresses:}") List<String> systemAddresses,
            @Value("${brobygger.login.check-every:PT1S}") Duration checkEvery, JdbcUsers users, Clock clock) {
        this.buckets = buckets;
        this.recentlyChecked = Caffeine.newBuilder().expireAfterWrite(checkEvery).maximumSize(10_000).build();
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
        var wait = recentlyChecked.get(key, this::wait);
        if (wait.isEmpty() || exempt(key)) {
            return Optional.empty();
        }
        return wait;
    }

    private Optional<Duration> wait(Key key) {
        var existing = buckets.existing(List.of(key.user(), key.client()));
        Duration user = existing.contains(key.user()) ? waitFor(buckets.bucket(key.user(), attemptsPerUser)) : Duration.ZERO;
        Duration client = existing.contains(key.client())
                ? waitFor(buckets.bucket(key.client(), attemptsPerAddress)) : Duration.ZERO;
        Duration wait = max(user, client);
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A wrong password (or another refused login) from this address. */
    void failed(String username, String address) {
        Key key = key(username, address);
        boolean user = buckets.bucket(key.user(), attemptsPerUser).tryConsume(1);
        boolean client = buckets.bucket(key.client(), attemptsPerAddress).tryConsume(1);
        recentlyChecked.invalidate(key);
        if (!user || !client) {
            if (!client) {
                recentlyChecked.asMap().keySet().removeIf(k -> k.address().equals(address));
            }
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
        for (String key : buckets.keys()) {
            boolean user = key.startsWith("u ");
            if (!user && !key.startsWith("a ")) {
                continue; // another limit in the same buckets (BucketAddressLimits), no login lock
            }
            String rest = key.substring(2);
            int space = rest.indexOf(' ');
            if (user && space < 0) {
                continue;
            }
            Duration wait = waitFor(buckets.bucket(key, user ? attemptsPerUser : attemptsPerAddress));
            if (!wait.isZero()) {
                locks.add(user ? new Lock(rest.substring(space + 1), rest.substring(0, space), now.plus(wait))
                        : new Lock(null, rest, now.plus(wait)));
            }
        }
        locks.sort(Comparator.comparing(Lock::until));
        return locks;
    }

    /** Lifts a lock: the user from the address, or the address for everyone when {@code username} is null. */
    void lift(@Nullable String username, String address) {
        if (username != null && !username.isBlank()) {
            buckets.remove(key(username, address).user());
        }
        buckets.remove("a " + address);
        recentlyChecked.invalidateAll();
        log.info("Login lock lifted for user {} from {}", username == null ? "(alle)" : username, address);
    }

    private boolean exempt(Key key) {
        return systemAddresses.contains(key.address())
                && users.find(key.username()).filter(user -> user.has(Role.SYSTEM)).isPresent();
    }

    /**
     * User names are at most 100 characters; a longer one typed at the door is cut, so memory stays bounded. Control
     * characters (a NUL in a hostile Basic header) become "?": PostgreSQL refuses them in text.
     */
    private static Key key(String username, String address) {
        String name = username.strip().toLowerCase(Locale.ROOT).replaceAll("\\p{Cntrl}", "?");
        return new Key(name.length() > 100 ? name.substring(0, 100) : name, address);
    }

    /** One question to the bucket: may one more attempt be made, and if not, how long until it may. */
    private static Duration waitFor(Bucket bucket) {
        var estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, estimate.getNanosToWaitForRefill()));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
