package dk.brobygger.access.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing: a few login attempts per minute for each user name and client
 * address, and a wider limit per client address. A refused attempt goes back to the login page
 * with a Danish message; it never reaches the password check.
 */
class LoginRateLimiter extends OncePerRequestFilter {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Bucket> perUser = new ConcurrentHashMap<>();
    private final Map<String, Bucket> perAddress = new ConcurrentHashMap<>();
    private final int attemptsPerUser;
    private final int attemptsPerAddress;

    LoginRateLimiter(int attemptsPerUser, int attemptsPerAddress) {
        this.attemptsPerUser = attemptsPerUser;
        this.attemptsPerAddress = attemptsPerAddress;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = request.getRemoteAddr();
        String username = String.valueOf(request.getParameter("username")).trim().toLowerCase();
        if (perUser.size() > MAX_TRACKED || perAddress.size() > MAX_TRACKED) {
            perUser.clear();
            perAddress.clear();
        }
        Bucket user = perUser.computeIfAbsent(username + "|" + address, key -> bucket(attemptsPerUser));
        Bucket client = perAddress.computeIfAbsent(address, key -> bucket(attemptsPerAddress));
        if (user.tryConsume(1) && client.tryConsume(1)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", "60");
        response.sendRedirect(request.getContextPath() + "/login?throttled");
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }
}
