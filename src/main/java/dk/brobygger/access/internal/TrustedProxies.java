package dk.brobygger.access.internal;

import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.catalina.filters.RemoteIpFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Betroede proxyer: {@code X-Forwarded-For} and {@code X-Forwarded-Proto}/{@code -Host}/{@code -Port} count
 * only when the request comes from one of the configured proxies ({@code brobygger.trusted-proxies}); from
 * anyone else the client's address is its socket address, so a forged header reaches neither the audit log
 * nor the login attempt limit. Tomcat's {@link RemoteIpFilter} does the work (the addresses are read right to
 * left, the proxies' own skipped); it runs as a servlet filter rather than as Tomcat's valve so the rule is the
 * same under MockMvc, and with no proxies configured it is not run at all. A forwarded value that is not an IP
 * address is ignored: the request then keeps the proxy's address.
 */
class TrustedProxies extends OncePerRequestFilter {

    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final @Nullable RemoteIpFilter remoteIp;

    TrustedProxies(List<String> proxies) {
        var addresses = proxies.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
        if (addresses.isEmpty()) {
            this.remoteIp = null;
        } else {
            var filter = new RemoteIpFilter();
            // Tomcat's default trusts every private network; here only the listed addresses are trusted.
            filter.setInternalProxies(addresses.stream().map(Pattern::quote).collect(Collectors.joining("|")));
            filter.setTrustedProxies(null);
            filter.setRemoteIpHeader("X-Forwarded-For");
            filter.setProtocolHeader("X-Forwarded-Proto");
            filter.setHostHeader("X-Forwarded-Host");
            filter.setPortHeader("X-Forwarded-Port");
            this.remoteIp = filter;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (remoteIp == null) {
            chain.doFilter(request, response);
            return;
        }
        remoteIp.doFilter(request, response, (forwarded, answer) -> {
            boolean readable = IP_ADDRESS.matcher(forwarded.getRemoteAddr()).matches();
            chain.doFilter(readable ? forwarded : request, answer);
        });
    }
}
