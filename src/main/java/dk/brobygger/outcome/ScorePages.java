package dk.brobygger.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenTabs;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Målinger on the citizen's pages: the scores over time and a form to give an instrument. */
@Controller
class ScorePages {

    private final CitizenRegister register;
    private final Instruments instruments;
    private final Scores scores;
    private final Clock clock;
    private final CitizenTabs tabs;

    ScorePages(CitizenRegister register, Instruments instruments, Scores scores, Clock clock, CitizenTabs tabs) {
        this.tabs = tabs;
        this.register = register;
        this.instruments = instruments;
        this.scores = scores;
        this.clock = clock;
    }

    @GetMapping("/borgere/{id}/maalinger")
    String scores(@PathVariable UUID id, Model model) {
        var citizen = register.get(new CitizenId(id));
        var all = scores.of(citizen.id());
        model.addAttribute("citizen", citizen);
        model.addAttribute("tabs", tabs.of(citizen.id()));
        model.addAttribute("scores", all);
        model.addAttribute("charts", ScoreChart.of(all, instruments));
        model.addAttribute("instruments", instruments.all().stream()
                .map(Instruments.Loaded::instrument)
                .collect(java.util.stream.Collectors.toMap(Instrument::code, i -> i, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values());
        return "outcome/scores";
    }

    @GetMapping("/borgere/{id}/maalinger/ny")
    String form(@PathVariable UUID id, @RequestParam(name = "instrument", defaultValue = "") String code,
            Model model) {
        var citizen = register.get(new CitizenId(id));
        model.addAttribute("citizen", citizen);
        model.addAttribute("instrument", instruments.current(code));
        model.addAttribute("answered", Map.of());
        model.addAttribute("answeredOn", LocalDate.now(clock));
        return "outcome/score-form";
    }

    @PostMapping("/borgere/{id}/maalinger")
    String record(@PathVariable UUID id, @RequestParam(name = "instrument", defaultValue = "") String code,
            @RequestParam(name = "version", defaultValue = "") String version, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        var citizenId = new CitizenId(id);
        Map<String, Integer> answers = new HashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("svar.") && !value.isBlank()) {
                try {
                    answers.put(name.substring("svar.".length()), Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    // an impossible value is left out, so the item is reported as not answered
                }
            }
        });
        @Nullable String context = form.get("sammenhaeng");
        try {
            LocalDate answeredOn = parseDate(form.get("dato"));
            scores.record(citizenId, code, version, answers, answeredOn, context);
            redirect.addFlashAttribute("success", "outcome.recorded");
            return "redirect:/borgere/" + id + "/maalinger";
        } catch (DomainException e) {
            model.addAttribute("citizen", register.get(citizenId));
            model.addAttribute("instrument", instruments.find(code, version)
                    .orElseThrow(() -> new dk.brobygger.shared.NotFoundException("instrument " + code)));
            model.addAttribute("answered", answers);
            model.addAttribute("answeredOn", form.get("dato"));
            model.addAttribute("context", context);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return "outcome/score-form";
        }
    }

    private static LocalDate parseDate(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("outcome.answeredOn.missing");
        }
        try {
            return DanishTime.parseDate(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("outcome.answeredOn.invalid");
        }
    }
}
