package dk.brobygger.outreach;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators change the outreach rules: per reason the age span, living alone, how many days and
 * whether it applies, with a count of the citizens a change would select before it is saved, and the
 * history of every rule.
 */
@Controller
class OutreachRulePages {

    private final OutreachRules rules;

    OutreachRulePages(OutreachRules rules) {
        this.rules = rules;
    }

    @GetMapping("/admin/opsporing/regler")
    String show(Model model) {
        return page(model);
    }

    @PostMapping("/admin/opsporing/regler")
    String change(@RequestParam("aarsag") String reason,
            @RequestParam(name = "minAlder", required = false) @Nullable String minAge,
            @RequestParam(name = "maxAlder", required = false) @Nullable String maxAge,
            @RequestParam(name = "alene", defaultValue = "false") boolean livingAlone,
            @RequestParam(name = "dage", required = false) @Nullable String days,
            @RequestParam(name = "aktiv", defaultValue = "false") boolean active,
            @RequestParam(name = "handling", defaultValue = "preview") String action, Model model,
            RedirectAttributes redirect) {
        RiskReason chosen;
        try {
            chosen = RiskReason.valueOf(reason.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("outreach.event.typeUnknown", reason, LifeEvents.types());
        }
        try {
            var settings = new OutreachRule.Settings(number(minAge), number(maxAge), livingAlone,
                    days == null || days.isBlank() ? 0 : requiredNumber(days), active);
            if ("save".equals(action)) {
                rules.change(chosen, settings);
                redirect.addFlashAttribute("success", "outreach.rules.saved");
                return "redirect:/admin/opsporing/regler";
            }
            model.addAttribute("preview", rules.preview(chosen, settings));
        } catch (DomainException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        model.addAttribute("open", chosen);
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("rules", rules.current());
        model.addAttribute("history", java.util.Arrays.stream(RiskReason.values())
                .flatMap(reason -> rules.history(reason).stream())
                .sorted(Comparator.comparing(OutreachRule::changedAt).reversed().thenComparing(OutreachRule::id,
                        Comparator.reverseOrder()))
                .limit(100).toList());
        return "outreach/rules";
    }

    private static @Nullable Integer number(@Nullable String text) {
        return text == null || text.isBlank() ? null : requiredNumber(text);
    }

    private static int requiredNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("outreach.rules.notANumber", text);
        }
    }

    static List<RiskReason> reasons() {
        return List.of(RiskReason.values());
    }
}
