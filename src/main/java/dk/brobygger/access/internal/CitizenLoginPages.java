package dk.brobygger.access.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A refused MitID login gets a page of its own in plain Danish: why, and what the citizen can do.
 * Any other failed OpenID Connect login goes back to the login page with the usual message.
 */
@Controller
class CitizenLoginPages {

    static final String REFUSED = "/login/afvist";

    @GetMapping(REFUSED)
    String refused(@RequestParam(name = "aarsag", required = false) @Nullable String reason, Model model,
            HttpServletResponse response) {
        var refusal = CitizenLoginRefusal.ofSlug(reason == null ? "" : reason)
                .orElse(CitizenLoginRefusal.ASSURANCE_TOO_LOW);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("reason", refusal.messageKey());
        return "access/login-refused";
    }

    /** Sends a refused citizen to the page that explains the refusal. */
    static AuthenticationFailureHandler failureHandler() {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            String target = exception instanceof OAuth2AuthenticationException oauth
                    ? CitizenLoginRefusal.ofErrorCode(oauth.getError().getErrorCode())
                            .map(refusal -> REFUSED + "?aarsag=" + refusal.slug()).orElse("/login?error")
                    : "/login?error";
            redirect(request, response, target);
        };
    }

    private static void redirect(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        response.sendRedirect(request.getContextPath() + target);
    }
}
