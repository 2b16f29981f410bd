package dk.brobygger.access.internal;

import dk.brobygger.access.BreakTheGlass;
import dk.brobygger.access.Users;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managers' review list: every "break the glass" appears here with who, when and why, until a
 * manager has looked at it. The list shows no citizen data beyond the citizen's id.
 */
@Controller
class GlassReviewPages {

    private final BreakTheGlass glass;
    private final Users users;

    GlassReviewPages(BreakTheGlass glass, Users users) {
        this.glass = glass;
        this.users = users;
    }

    @GetMapping("/leder/bryd-glasset")
    String list(Model model) {
        model.addAttribute("events", glass.awaitingReview());
        return "access/glass-review";
    }

    @PostMapping("/leder/bryd-glasset/{id}/gennemgaaet")
    String reviewed(@PathVariable long id, RedirectAttributes redirect) {
        glass.markReviewed(id, users.currentOrFail().username());
        redirect.addFlashAttribute("reviewed", true);
        return "redirect:/leder/bryd-glasset";
    }
}
