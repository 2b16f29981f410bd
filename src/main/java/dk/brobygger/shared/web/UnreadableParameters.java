package dk.brobygger.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose parameters cannot be read (a query or form with percent-escapes that are not UTF-8, such as
 * {@code ?q=%C3%28}, or more parameters than the server takes) is the client's mistake: 400 with one short
 * Danish sentence, and one line in the log at DEBUG. Left to the servlet container, the parameters fail
 * wherever they are first read, and every such request, unauthenticated, wrote a stack trace of some 150 lines
 * at ERROR. The parameters are read here, right after the character encoding is set and before anything else;
 * the container keeps the failure, so the answer is written here rather than by an error page that would read
 * them again. Multipart bodies are left to the controllers, which answer them in their own format.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class UnreadableParameters extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(UnreadableParameters.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            try {
                request.getParameterMap();
            } catch (IllegalStateException unreadable) {
                log.debug("Refused {} {}: parameters cannot be read ({})", request.getMethod(), request.getRequestURI(),
                        unreadable.getMessage());
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("Forespørgslen kunne ikke forstås: adressen eller formularen indeholder tegn,"
                        + " der ikke er gyldig UTF-8.\n");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
