package dk.brobygger.referral;

import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.directory.Capacity;
import dk.brobygger.directory.OfferCapacity;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Pladser" ({@code /forening/kapacitet}, role ASSOCIATION_CONTACT): the association's own offers with their
 * capacity, which the contact changes directly (room and how many places, no room, waitlist, assessment first, and
 * a note); no moderation, every change in the offer's history. Another organisation's offer is not found. A change
 * someone else made meanwhile is a conflict in Danish, with what was typed kept.
 */
@Controller
class CapacityPages {

    private final OfferCapacity capacity;
    private final Users users;

    CapacityPages(OfferCapacity capacity, Users users) {
        this.capacity = capacity;
        this.users = users;
    }

    /** What was typed into one offer's form, kept when a rule is broken. */
    record Typed(UUID offerId, @Nullable Capacity capacity, @Nullable String places, @Nullable String note) {
    }

    @GetMapping("/forening/kapacitet")
    String offers(Model model) {
        model.addAttribute("offers", capacity.ofOrganization(organization(users.currentOrFail())));
        model.addAttribute("capacities", Capacity.values());
        return "referral/capacity";
    }

    @PostMapping("/forening/kapacitet/{offer}")
    String change(@PathVariable UUID offer, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "kapacitet", required = false) @Nullable String code,
            @RequestParam(name = "pladser", required = false) @Nullable String places,
            @RequestParam(name = "note", required = false) @Nullable String note, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        var user = users.currentOrFail();
        var chosen = Codes.named(Capacity.class, code);
        try {
            capacity.change(organization(user), offer, version, chosen, places(places), note, user.username());
            redirect.addFlashAttribute("success", "capacity.saved");
            return "redirect:/forening/kapacitet#o-" + offer;
        } catch (DomainException e) {
            response.setStatus(e.messageKey().equals("capacity.stale") ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            model.addAttribute("typed", new Typed(offer, chosen, places, note));
            return offers(model);
        }
    }

    private static @Nullable Integer places(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("capacity.places.notNumber");
        }
    }

    private static UUID organization(BrobyggerUser user) {
        if (user.organizationId() == null) {
            throw new AccessDeniedException("The contact is tied to no organisation");
        }
        return user.organizationId();
    }
}
