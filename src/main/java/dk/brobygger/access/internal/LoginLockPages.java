package dk.brobygger.access.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Låste logins: the administrator sees who is locked out after too many wrong passwords, and lifts a lock. */
@Controller
class LoginLockPages {

    private final LoginAttempts attempts;

    LoginLockPages(LoginAttempts attempts) {
        this.attempts = attempts;
    }

    @GetMapping("/admin/laaste-logins")
    String locks(Model model) {
        model.addAttribute("locks", attempts.locks());
        return "access/login-locks";
    }

    @PostMapping("/admin/laaste-logins/ophaev")
    String lift(@RequestParam(required = false) @Nullable String username, @RequestParam String address,
            RedirectAttributes redirect) {
        attempts.lift(username, address);
        redirect.addFlashAttribute("lifted", true);
        return "redirect:/admin/laaste-logins";
    }
}
