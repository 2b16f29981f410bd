package dk.brobygger.referral;

import java.util.UUID;

import dk.brobygger.shared.DomainException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Henvisninger udefra": the receiving team's page of referrals from other systems, those for known citizens
 * (with a link to the citizen) and those in quarantine (the CPR number named nobody), each marked handled when
 * dealt with. A second mark of the same referral is refused in Danish on the page.
 */
@Controller
class InboundReferralPages {

    private final InboundReferrals inbound;

    InboundReferralPages(InboundReferrals inbound) {
        this.inbound = inbound;
    }

    @GetMapping("/henvisninger/udefra")
    String list(Model model) {
        model.addAttribute("known", inbound.open(false));
        model.addAttribute("quarantined", inbound.open(true));
        model.addAttribute("team", inbound.team());
        return "referral/inbound";
    }

    @PostMapping("/henvisninger/udefra/{id}/behandlet")
    String handled(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version, Model model,
            RedirectAttributes redirect) {
        try {
            inbound.handled(id, version);
            redirect.addFlashAttribute("success", "referral.inbound.handled");
            return "redirect:/henvisninger/udefra";
        } catch (DomainException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return list(model);
        }
    }
}
