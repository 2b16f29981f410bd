package dk.brobygger.access.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page: demo users with a password, and the OpenID Connect login where configured. */
@Controller
class LoginController {

    private final boolean oidcEnabled;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidc) {
        this.oidcEnabled = oidc.getIfAvailable() != null;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidcEnabled", oidcEnabled);
        return "access/login";
    }
}
