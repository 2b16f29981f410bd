package dk.brobygger.access.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (demo users) and the links to OpenID Connect login (production). */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "access/login";
    }
}
