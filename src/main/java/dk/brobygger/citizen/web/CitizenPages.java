package dk.brobygger.citizen.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.citizen.CitizenAccess;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.citizen.CitizenSearch;
import dk.brobygger.shared.CprNumber;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    CitizenPages(CitizenRegister register, CitizenSearch search, CitizenAccess access, Clock clock) {
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
            return "citizen/search";
        }
        if (LOOKS_LIKE_CPR.matcher(text).matches()) {
            if (!CprNumber.isValid(text)) {
                model.addAttribute("cprError", "cpr.date");
                return "citizen/search";
            }
            var found = register.findByCpr(CprNumber.of(text));
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
    String overview(@PathVariable UUID id, Model model) {
        var citizen = register.get(new CitizenId(id));
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("citizen", citizen);
        model.addAttribute("age", citizen.ageOn(today));
        return "citizen/overview";
    }
}
