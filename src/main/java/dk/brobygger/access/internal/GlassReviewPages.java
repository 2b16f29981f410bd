package dk.brobygger.access.internal;

import dk.brobygger.access.NeedToKnow;
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

    private final NeedToKnow needToKnow;
    private final Users users;

    GlassReviewPages(NeedToKnow needToKnow, Users users) {
        this.needToKnow = needToKnow;
        this.users = users;
    }

    @GetMapping("/leder/bryd-glasset")
    String list(Model model) {
        model.addAttribute("events", needToKnow.awaitingReview());
        return "access/glass-review";
    }

    @PostMapping("/leder/bryd-glasset/{id}/gennemgaaet")
    String reviewed(@PathVariable long id, RedirectAttributes redirect) {
        needToKnow.markReviewed(id, users.currentOrFail().username());
        redirect.addFlashAttribute("reviewed", true);
        return "redirect:/leder/bryd-glasset";
    }
}
