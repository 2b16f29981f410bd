package dk.brobygger.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The accessibility statement the law requires of public websites (webtilgængelighedsloven). */
@Controller
class AccessibilityStatement {

    @GetMapping("/tilgaengelighed")
    String show() {
        return "shared/accessibility";
    }
}
