package dk.brobygger.directory.editorial;

import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import dk.brobygger.access.Users;
import dk.brobygger.directory.offer.Offers;
import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.Organizations;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderation queue: pending proposals oldest first, each compared field by field, approved or rejected. */
@Controller
class ModerationPages {

    static final int PAGE_SIZE = 20;

    private final ChangeRequests requests;
    private final Moderation moderation;
    private final Offers offers;
    private final Organizations organizations;
    private final ChangeText changeText;
    private final Users users;

    ModerationPages(ChangeRequests requests, Moderation moderation, Offers offers, Organizations organizations,
            ChangeText changeText, Users users) {
        this.requests = requests;
        this.moderation = moderation;
        this.offers = offers;
        this.organizations = organizations;
        this.changeText = changeText;
        this.users = users;
    }

    @GetMapping("/redaktion/moderation")
    String queue(@RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        int current = Math.max(1, page);
        var pending = requests.findByStatus(ChangeRequest.Status.PENDING, PageRequest.of(current - 1, PAGE_SIZE,
                Sort.by("submittedAt").ascending().and(Sort.by("id"))));
        model.addAttribute("requests", pending.getContent());
        model.addAttribute("total", pending.getTotalElements());
        model.addAttribute("page", current);
        model.addAttribute("pages", Math.max(1, pending.getTotalPages()));
        model.addAttribute("organizationNames", organizations.findAllById(pending.getContent().stream()
                .map(ChangeRequest::organizationId).distinct().toList()).stream()
                .collect(Collectors.toMap(Organization::id, Organization::name)));
        return "directory/editorial/moderation";
    }

    @GetMapping("/redaktion/moderation/{id}")
    String request(@PathVariable String id, Model model, Locale locale) {
        return detail(moderation.find(EditorialSupport.parse(id)), model, locale, null);
    }

    @PostMapping("/redaktion/moderation/{id}/godkend")
    String approve(@PathVariable String id, Model model, Locale locale, RedirectAttributes redirect) {
        var request = moderation.find(EditorialSupport.parse(id));
        try {
            moderation.approve(request.id(), users.currentOrFail().username());
        } catch (OptimisticLockingFailureException e) {
            model.addAttribute("conflict", true);
            return detail(moderation.find(request.id()), model, locale, null);
        } catch (DomainException e) {
            model.addAttribute("problem", e.messageKey());
            return detail(moderation.find(request.id()), model, locale, null);
        }
        redirect.addFlashAttribute("success", "editorial.moderation.approved");
        redirect.addFlashAttribute("successArgument", request.summary());
        return "redirect:/redaktion/moderation";
    }

    @PostMapping("/redaktion/moderation/{id}/afvis")
    String reject(@PathVariable String id, @RequestParam(name = "reason", defaultValue = "") String reason,
            Model model, Locale locale, RedirectAttributes redirect) {
        var request = moderation.find(EditorialSupport.parse(id));
        if (reason.isBlank()) {
            model.addAttribute("reasonError", "editorial.reject.reason.required");
            return detail(request, model, locale, reason);
        }
        if (reason.length() > 2000) {
            model.addAttribute("reasonError", "editorial.reject.reason.tooLong");
            return detail(request, model, locale, reason);
        }
        try {
            moderation.reject(request.id(), reason, users.currentOrFail().username());
        } catch (DomainException e) {
            model.addAttribute("problem", e.messageKey());
            return detail(moderation.find(request.id()), model, locale, reason);
        }
        redirect.addFlashAttribute("success", "editorial.moderation.rejected");
        redirect.addFlashAttribute("successArgument", request.summary());
        return "redirect:/redaktion/moderation";
    }

    private String detail(ChangeRequest request, Model model, Locale locale, @Nullable String reason) {
        var organization = organizations.findById(request.organizationId()).orElseThrow();
        model.addAttribute("request", request);
        model.addAttribute("organization", organization);
        model.addAttribute("reason", reason == null ? "" : reason);
        switch (request.subject()) {
            case NEW_OFFER -> model.addAttribute("changes",
                    changeText.ofOffer(null, moderation.offerProposal(request), locale));
            case OFFER -> {
                var offer = offers.findById(Objects.requireNonNull(request.offerId())).orElseThrow();
                model.addAttribute("offer", offer);
                model.addAttribute("changedSince", request.isPending()
                        && !Objects.equals(offer.version(), request.baseVersion()));
                model.addAttribute("changes",
                        changeText.ofOffer(offer.details(), moderation.offerProposal(request), locale));
            }
            case ORGANIZATION -> {
                model.addAttribute("changedSince", request.isPending()
                        && !Objects.equals(organization.version(), request.baseVersion()));
                model.addAttribute("changes", changeText.ofOrganization(organization.details(),
                        moderation.organizationProposal(request), locale));
            }
        }
        return "directory/editorial/moderation-request";
    }
}
