package dk.brobygger.referral;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Følgeskab from the referral page ({@code /henvisninger/{id}/foelgeskab}, staff): the volunteers who fit, ranked
 * and each with why, for the interests ticked (by default those the offer's name speaks of) and a peer when the
 * citizen asked for one; and asking one of them to go along, with the meeting time and place. Assigning an
 * unvetted or paused volunteer is refused in Danish on the same page.
 */
@Controller
class AccompanimentPages {

    private final Volunteers volunteers;

    AccompanimentPages(Volunteers volunteers) {
        this.volunteers = volunteers;
    }

    @GetMapping("/henvisninger/{id}/foelgeskab")
    String suggestions(@PathVariable UUID id,
            @RequestParam(name = "interesse", required = false) @Nullable List<String> interests,
            @RequestParam(name = "peer", defaultValue = "false") boolean peer, Model model) {
        var suggested = volunteers.suggest(new ReferralId(id), interests(interests), peer);
        model.addAttribute("suggested", suggested);
        model.addAttribute("referral", suggested.referral());
        model.addAttribute("need", suggested.need());
        model.addAttribute("interests", Interest.values());
        model.addAttribute("assignments", suggested.asked());
        return "referral/accompaniment";
    }

    @PostMapping("/henvisninger/{id}/foelgeskab")
    String assign(@PathVariable UUID id, @RequestParam(name = "frivillig", required = false) @Nullable UUID volunteer,
            @RequestParam(name = "tidspunkt", required = false) @Nullable String when,
            @RequestParam(name = "sted", required = false) @Nullable String place,
            @RequestParam(name = "interesse", required = false) @Nullable List<String> interests,
            @RequestParam(name = "peer", defaultValue = "false") boolean peer, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return VolunteerPages.attempt(() -> {
            volunteers.assign(new ReferralId(id), volunteer, dateTime(when), place);
            redirect.addFlashAttribute("success", "volunteer.assigned");
            return "redirect:/henvisninger/" + id;
        }, response, model, () -> suggestions(id, interests, peer, model));
    }

    private static Set<Interest> interests(@Nullable List<String> values) {
        var found = EnumSet.noneOf(Interest.class);
        if (values != null) {
            for (String value : values) {
                var interest = Codes.named(Interest.class, value);
                if (interest != null) {
                    found.add(interest);
                }
            }
        }
        return found;
    }

    static @Nullable LocalDateTime dateTime(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("volunteer.date.invalid");
        }
    }
}
