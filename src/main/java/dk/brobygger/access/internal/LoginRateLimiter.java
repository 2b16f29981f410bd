package dk.brobygger.access.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing at the login form ({@link LoginAttempts}): once a user name has had too many
 * wrong passwords from a client address, or the address too many for anyone, the attempt goes back to the
 * login page with a Danish message; it never reaches the password check.
 */
class LoginRateLimiter extends OncePerRequestFilter {

    private final LoginAttempts attempts;

    LoginRateLimiter(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = String.valueOf(request.getParameter("username"));
        var refusal = attempts.refusal(username, request.getRemoteAddr());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Retry-After", String.valueOf(BasicAttemptLimiter.seconds(refusal.get())));
        response.sendRedirect(request.getContextPath() + "/login?throttled");
    }
}
