package dk.brobygger.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Borgere: staff find a citizen by CPR number or name and open the citizen's overview. */
@Controller
class CitizenPages {

    static final int PAGE_SIZE = 20;
    /** What looks like a CPR number is looked up as one, never searched for as a name. */
    private static final Pattern LOOKS_LIKE_CPR = Pattern.compile("\\s*\\d{6}-?\\d{4}\\s*");

    private final CitizenRegister register;
    private final CitizenSearch search;
    private final CitizenAccess access;
    private final Clock clock;

    private final CitizenOverviews overviews;
    private final MyCitizens mine;
    private final dk.brobygger.access.Users users;

    CitizenPages(CitizenRegister register, CitizenSearch search, CitizenAccess access, CitizenOverviews overviews,
            MyCitizens mine, dk.brobygger.access.Users users, Clock clock) {
        this.overviews = overviews;
        this.mine = mine;
        this.users = users;
        this.register = register;
        this.access = access;
        this.search = search;
        this.clock = clock;
    }

    @GetMapping("/borgere")
    String find(@RequestParam(name = "q", required = false) @Nullable String q,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        if (text.isEmpty()) {
            access.checkMaySearch();
            // Without a search the page lists the citizens the user works with: no empty page to start from.
            model.addAttribute("mine", mine.page(users.currentOrFail(), page, PAGE_SIZE,
                    "Så borgeren på listen over de borgere, man arbejder med"));
            return "citizen/search";
        }
        if (LOOKS_LIKE_CPR.matcher(text).matches()) {
            if (!CprNumber.isValid(text)) {
                model.addAttribute("cprError", "cpr.date");
                return "citizen/search";
            }
            java.util.Optional<Citizen> found;
            try {
                found = register.findByCpr(CprNumber.of(text));
            } catch (CitizenRegister.NotRelatedException e) {
                // The user may break the glass from the citizen's page, as in an emergency they must.
                return "redirect:/borgere/" + e.citizen().value();
            } catch (CprNumber.InvalidCprNumberException e) {
                model.addAttribute("cprError", e.messageKey());
                return "citizen/search";
            }
            if (found.isPresent()) {
                return "redirect:/borgere/" + found.get().id().value();
            }
            model.addAttribute("noCitizenWithCpr", true);
            return "citizen/search";
        }
        model.addAttribute("result", search.byName(text, page, PAGE_SIZE));
        return "citizen/search";
    }

    @GetMapping("/borgere/{id}")
    String overview(@PathVariable UUID id, Model model, HttpServletResponse response) {
        CitizenOverview overview;
        try {
            overview = overviews.of(new CitizenId(id));
        } catch (AccessDeniedException e) {
            return refused(id, null, null, model, response);
        }
        LocalDate today = LocalDate.now(clock);
        var citizen = overview.citizen();
        var network = overview.network();
        model.addAttribute("network", network);
        model.addAttribute("map", NetworkMap.layout(network));
        model.addAttribute("citizen", citizen);
        model.addAttribute("age", citizen.ageOn(today));
        return "citizen/overview";
    }

    /** Breaks the glass with a written reason, then shows the citizen; a missing reason is asked for again. */
    @PostMapping("/borgere/{id}/bryd-glasset")
    String breakTheGlass(@PathVariable UUID id, @RequestParam(name = "begrundelse", required = false) @Nullable String reason,
            Model model, HttpServletResponse response) {
        try {
            register.breakTheGlass(new CitizenId(id), reason);
        } catch (DomainException e) {
            return refused(id, reason, e, model, response);
        }
        return "redirect:/borgere/" + id;
    }

    /** No relation to the citizen: say so, and offer to break the glass with a reason. */
    static String refused(UUID id, @Nullable String reason, @Nullable DomainException error, Model model,
            HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        model.addAttribute("citizenId", id);
        model.addAttribute("reason", reason);
        model.addAttribute("error", error);
        return "citizen/refused";
    }
}
