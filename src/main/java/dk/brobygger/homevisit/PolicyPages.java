package dk.brobygger.homevisit;

import java.time.Clock;
import java.time.LocalDate;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators change the §79a age rules: the form shows how many citizens the change would select
 * (in all and by rule, beside the rules in force) before anything is saved, and the history below.
 */
@Controller
class PolicyPages {

    private final VisitPolicies policies;
    private final Clock clock;

    PolicyPages(VisitPolicies policies, Clock clock) {
        this.policies = policies;
        this.clock = clock;
    }

    /** The form as typed, so a refused or previewed form comes back as it was. */
    record Form(@Nullable String aloneAge, @Nullable String turningAges, @Nullable String yearlyFrom,
            @Nullable String riskFrom, @Nullable String riskTo, boolean exemptHomeCare, @Nullable String note) {

        static Form of(VisitPolicy policy) {
            return new Form(text(policy.aloneAge()), policy.turningAgesText().replace(",", ", "),
                    text(policy.yearlyFrom()), text(policy.riskFrom()), text(policy.riskTo()), policy.exemptHomeCare(),
                    policy.note());
        }

        VisitPolicy policy() {
            return new VisitPolicy(age(aloneAge), VisitPolicy.ages(turningAges), age(yearlyFrom), age(riskFrom),
                    age(riskTo), exemptHomeCare, note);
        }

        private static @Nullable Integer age(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new DomainException("homevisit.policy.notAnAge", text);
            }
        }

        private static @Nullable String text(@Nullable Integer age) {
            return age == null ? null : age.toString();
        }
    }

    @GetMapping("/admin/hjemmebesog/regler")
    String show(Model model) {
        var current = policies.current();
        return page(model, Form.of(current.policy()), LocalDate.now(clock).getYear());
    }

    @PostMapping("/admin/hjemmebesog/regler")
    String change(@RequestParam(name = "alene", required = false) @Nullable String aloneAge,
            @RequestParam(name = "fylder", required = false) @Nullable String turningAges,
            @RequestParam(name = "hvertAar", required = false) @Nullable String yearlyFrom,
            @RequestParam(name = "risikoFra", required = false) @Nullable String riskFrom,
            @RequestParam(name = "risikoTil", required = false) @Nullable String riskTo,
            @RequestParam(name = "undtag", defaultValue = "false") boolean exempt,
            @RequestParam(name = "note", required = false) @Nullable String note,
            @RequestParam(name = "aar", required = false) @Nullable String year,
            @RequestParam(name = "handling", defaultValue = "preview") String action, Model model,
            RedirectAttributes redirect) {
        var form = new Form(aloneAge, turningAges, yearlyFrom, riskFrom, riskTo, exempt, note);
        int chosenYear;
        try {
            chosenYear = HomeVisitApi.year(year, clock);
        } catch (DomainException e) {
            chosenYear = LocalDate.now(clock).getYear();
        }
        try {
            var policy = form.policy();
            if ("save".equals(action)) {
                policies.change(policy);
                redirect.addFlashAttribute("success", "homevisit.policy.saved");
                return "redirect:/admin/hjemmebesog/regler";
            }
            model.addAttribute("proposed", policies.preview(policy, chosenYear));
        } catch (DomainException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
        }
        return page(model, form, chosenYear);
    }

    private String page(Model model, Form form, int year) {
        var current = policies.current();
        model.addAttribute("form", form);
        model.addAttribute("year", year);
        model.addAttribute("current", current);
        model.addAttribute("inForce", policies.preview(current.policy(), year));
        model.addAttribute("history", policies.history());
        return "homevisit/policy";
    }
}
