package dk.brobygger.citizen;

import java.util.Locale;
import java.util.UUID;

import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Netværk on the page: add a private or professional person, remove one (kept as history). */
@Controller
class NetworkPages {

    /** A member as typed. */
    record MemberForm(@Nullable String kind, @Nullable String name, @Nullable String role,
            @Nullable String closeness, @Nullable String phone, @Nullable String email) {

        static MemberForm empty() {
            return new MemberForm(null, null, null, "2", null, null);
        }
    }

    private final CitizenRegister register;
    private final Networks networks;
    private final MessageSource messages;

    NetworkPages(CitizenRegister register, Networks networks, MessageSource messages) {
        this.register = register;
        this.networks = networks;
        this.messages = messages;
    }

    @GetMapping("/borgere/{id}/netvaerk")
    String network(@PathVariable UUID id, Model model, HttpServletResponse response) {
        Citizen citizen;
        try {
            citizen = register.get(new CitizenId(id));
        } catch (AccessDeniedException e) {
            return CitizenPages.refused(id, null, null, model, response);
        }
        return page(citizen, MemberForm.empty(), null, model);
    }

    @PostMapping("/borgere/{id}/netvaerk")
    String add(@PathVariable UUID id, @ModelAttribute("form") MemberForm form, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        var citizenId = new CitizenId(id);
        register.checkMayChange(citizenId);
        var errors = new FieldErrors(messages, locale);
        Integer closeness = null;
        if (form.closeness() != null && !form.closeness().isBlank()) {
            try {
                closeness = Integer.valueOf(form.closeness().strip());
            } catch (NumberFormatException e) {
                errors.add("closeness", "network.closeness.range");
            }
        }
        if (errors.isEmpty()) {
            try {
                networks.add(citizenId, new Networks.NewMember(kind(form.kind()), form.name(), form.role(), closeness,
                        form.phone(), form.email()));
                redirect.addFlashAttribute("success", "network.added");
                return "redirect:/borgere/" + id + "/netvaerk";
            } catch (DomainException e) {
                errors.add(fieldOf(e), e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(register.get(citizenId), form, errors, model);
    }

    /** "Fjern" asks first: the question, a button that removes and a way back (no script needed). */
    @GetMapping("/borgere/{id}/netvaerk/{memberId}/fjern")
    String confirmRemove(@PathVariable UUID id, @PathVariable UUID memberId, Model model,
            HttpServletResponse response) {
        Citizen citizen;
        try {
            citizen = register.get(new CitizenId(id));
        } catch (AccessDeniedException e) {
            return CitizenPages.refused(id, null, null, model, response);
        }
        CitizenFormPages.refuseAnonymised(citizen);
        var member = networks.of(citizen.id()).stream().filter(m -> m.id().equals(memberId)).findFirst()
                .orElseThrow(() -> new NotFoundException("network member"));
        model.addAttribute("citizen", citizen);
        model.addAttribute("member", member);
        return "citizen/network-remove";
    }

    @PostMapping("/borgere/{id}/netvaerk/{memberId}/fjern")
    String remove(@PathVariable UUID id, @PathVariable UUID memberId, RedirectAttributes redirect) {
        networks.remove(new CitizenId(id), memberId);
        redirect.addFlashAttribute("success", "network.removed");
        return "redirect:/borgere/" + id + "/netvaerk";
    }

    private String page(Citizen citizen, MemberForm form, @Nullable FieldErrors errors, Model model) {
        CitizenFormPages.refuseAnonymised(citizen);
        var members = networks.of(citizen.id());
        model.addAttribute("citizen", citizen);
        model.addAttribute("members", members);
        model.addAttribute("map", NetworkMap.layout(members));
        model.addAttribute("removed", networks.removed(citizen.id()));
        model.addAttribute("kinds", NetworkMember.Kind.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "citizen/network";
    }

    private static NetworkMember.@Nullable Kind kind(@Nullable String text) {
        for (var kind : NetworkMember.Kind.values()) {
            if (kind.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return kind;
            }
        }
        return null;
    }

    /** "network.role.missing" is about the role. */
    private static String fieldOf(DomainException e) {
        String[] parts = e.messageKey().split("\\.");
        return parts.length > 1 ? parts[1] : "name";
    }
}
