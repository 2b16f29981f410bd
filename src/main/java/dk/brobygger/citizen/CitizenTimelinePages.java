package dk.brobygger.citizen;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Tidslinje: everything the municipality has registered about a citizen, from every module, newest first,
 * filtered by kind and paged by "Vis ældre" (the {@code foer} cursor: entries before that instant).
 */
@Controller
class CitizenTimelinePages {

    private final CitizenTimeline timeline;
    private final CitizenRegister register;

    CitizenTimelinePages(CitizenTimeline timeline, CitizenRegister register) {
        this.timeline = timeline;
        this.register = register;
    }

    @GetMapping("/borgere/{id}/tidslinje")
    String timeline(@PathVariable UUID id, @RequestParam(name = "slags", required = false) @Nullable List<String> kinds,
            @RequestParam(name = "foer", required = false) @Nullable String before, Model model,
            HttpServletResponse response) {
        var citizenId = new CitizenId(id);
        List<String> chosen = kinds == null ? List.of() : kinds.stream().filter(kind -> !kind.isBlank()).toList();
        CitizenTimeline.Page page;
        Citizen citizen;
        try {
            page = timeline.of(citizenId, chosen, cursor(before), CitizenTimeline.PAGE_SIZE);
            citizen = register.get(citizenId);
        } catch (AccessDeniedException e) {
            return CitizenPages.refused(id, null, null, model, response);
        }
        model.addAttribute("citizen", citizen);
        model.addAttribute("page", page);
        model.addAttribute("kinds", timeline.kinds());
        model.addAttribute("labels", timeline.kinds().stream()
                .collect(java.util.stream.Collectors.toMap(CitizenTimeline.Kind::kind, CitizenTimeline.Kind::labelKey)));
        model.addAttribute("chosen", chosen);
        model.addAttribute("older", before != null);
        return "citizen/timeline";
    }

    /** A cursor that is not an instant is as if none were given: the newest page. */
    private static @Nullable Instant cursor(@Nullable String before) {
        if (before == null || before.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(before);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
