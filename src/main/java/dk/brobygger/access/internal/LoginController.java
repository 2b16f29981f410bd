package dk.brobygger.access.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page: demo users with a password, and the OpenID Connect logins (staff, MitID for citizens) where configured. */
@Controller
class LoginController {

    private final boolean oidcEnabled;
    private final String citizenLogin;

    LoginController(ObjectProvider<ClientRegistrationRepository> oidc, CitizenLoginProperties citizens) {
        var registrations = oidc.getIfAvailable();
        this.oidcEnabled = registrations != null;
        this.citizenLogin = registrations != null && registrations.findByRegistrationId(citizens.registrationId()) != null
                ? citizens.registrationId()
                : "";
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidcEnabled", oidcEnabled);
        model.addAttribute("citizenLogin", citizenLogin);
        return "access/login";
    }
}
