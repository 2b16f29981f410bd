package dk.brobygger.access.internal;

import java.io.IOException;

import dk.brobygger.access.BrobyggerUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session remembers who logged in, not what they may do now. On every request the user is read
 * again: changed roles take effect at once, and a user who has been disabled (or removed) is logged
 * out at their next request instead of keeping their session until it expires. OpenID Connect
 * logins get their roles from here too, by user name. "Again" means at most a few seconds old
 * ({@link JdbcUsers#findRecent}); a change made on this instance is seen at once.
 */
final class SessionUserRefresh extends OncePerRequestFilter {

    private final JdbcUsers users;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    SessionUserRefresh(JdbcUsers users) {
        this.users = users;
    }

    /** Stylesheets, scripts and images show nothing that depends on who asks. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/vendor/")
                || path.startsWith("/img/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = contexts.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        var user = users.findRecent(authentication.getName()).filter(BrobyggerUser::isEnabled);
        if (user.isEmpty()) {
            refuse(request, response);
            return;
        }
        if (!user.get().equals(authentication.getPrincipal())) {
            var refreshed = UsernamePasswordAuthenticationToken.authenticated(user.get(), null,
                    user.get().getAuthorities());
            refreshed.setDetails(authentication.getDetails());
            // Only this request sees the new context; the next one reads the user again anyway.
            var context = contexts.createEmptyContext();
            context.setAuthentication(refreshed);
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        contexts.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        boolean script = request.getHeader("Authorization") != null
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        if (script) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            response.sendRedirect(request.getContextPath() + "/login?spaerret");
        }
    }
}
