package dk.brobygger.access.internal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Administration: one page with every administrator's task, so the menu stays short. */
@Controller
class AdminPages {

    @GetMapping("/admin")
    String admin() {
        return "access/admin";
    }
}
