package dk.brobygger.hospital;

import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenTabs;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Sygehusforløb: the citizen's hospital timeline for staff related to the citizen, in plain Danish. */
@Controller
class TimelinePages {

    static final int PAGE_SIZE = 20;

    private final HospitalTimeline timeline;
    private final CitizenTabs tabs;

    TimelinePages(HospitalTimeline timeline, CitizenTabs tabs) {
        this.timeline = timeline;
        this.tabs = tabs;
    }

    @GetMapping("/borgere/{id}/sygehus")
    String timeline(@PathVariable UUID id, @RequestParam(name = "side", defaultValue = "1") int page, Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("timeline", timeline.of(new CitizenId(id), page, PAGE_SIZE));
            model.addAttribute("tabs", tabs.of(new CitizenId(id)));
        } catch (AccessDeniedException e) {
            // The same refusal as the citizen's own page, with the same way in: break the glass with a reason.
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            model.addAttribute("citizenId", id);
            return "citizen/refused";
        }
        return "hospital/timeline";
    }
}
