package dk.brobygger.citizen;

import dk.brobygger.shared.ClusterJobs;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Opbevaring for administrators (under /admin, which only they reach): the retention settings in
 * force, and a button that runs the nightly job now (unless it runs already, on any node). Each citizen it handles
 * is audited.
 */
@Controller
class RetentionPages {

    private final CitizenRetention retention;

    RetentionPages(CitizenRetention retention) {
        this.retention = retention;
    }

    @GetMapping("/admin/opbevaring")
    String settings(Model model) {
        var settings = retention.settings();
        model.addAttribute("settings", settings);
        model.addAttribute("years", settings.period().getYears());
        model.addAttribute("months", settings.period().getMonths());
        model.addAttribute("days", settings.period().getDays());
        model.addAttribute("cutoff", retention.cutoff());
        return "citizen/retention";
    }

    @PostMapping("/admin/opbevaring/koer")
    String run(RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("outcome", retention.apply());
        } catch (ClusterJobs.JobAlreadyRunning e) {
            // The nightly run, or a colleague's on another node: nothing was started, and the page says so.
            redirect.addFlashAttribute("alreadyRunning", Boolean.TRUE);
        }
        return "redirect:/admin/opbevaring";
    }
}
