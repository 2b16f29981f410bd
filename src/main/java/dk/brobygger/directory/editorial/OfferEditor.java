package dk.brobygger.directory.editorial;

import java.time.DayOfWeek;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.offer.DirectoryChanges;
import dk.brobygger.directory.offer.Locations;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.Offers;
import dk.brobygger.directory.offer.Organization;
import dk.brobygger.directory.offer.Organizations;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;
import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating and editing offers. Municipal editors save directly; an association editor's save
 * becomes a proposal for moderation. Confirming an offer as current is one click for both.
 */
@Controller
class OfferEditor {

    private final Offers offers;
    private final Organizations organizations;
    private final Locations locations;
    private final Taxonomy taxonomy;
    private final DirectoryChanges changes;
    private final Moderation moderation;
    private final ChangeText changeText;
    private final Users users;

    OfferEditor(Offers offers, Organizations organizations, Locations locations, Taxonomy taxonomy,
            DirectoryChanges changes, Moderation moderation, ChangeText changeText, Users users) {
        this.offers = offers;
        this.organizations = organizations;
        this.locations = locations;
        this.taxonomy = taxonomy;
        this.changes = changes;
        this.moderation = moderation;
        this.changeText = changeText;
        this.users = users;
    }

    @InitBinder("form")
    void binder(WebDataBinder binder) {
        EditorialSupport.trimStrings(binder);
    }

    @GetMapping("/redaktion/tilbud/ny")
    String newOffer(@RequestParam("organisation") String organizationId, Model model) {
        var organization = editableOrganization(organizationId);
        return form(organization, null, OfferForm.blank(), model);
    }

    @PostMapping("/redaktion/tilbud/ny")
    String create(@RequestParam("organisation") String organizationId, @Valid @ModelAttribute("form") OfferForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        var organization = editableOrganization(organizationId);
        BrobyggerUser user = users.currentOrFail();
        form.validateTogether(errors);
        if (errors.hasErrors()) {
            return invalid(organization, null, form, model);
        }
        try {
            if (user.isMunicipalEditor()) {
                var offer = changes.createOffer(organization.id(), form.toDetails(), user.username(), "CREATED");
                redirect.addFlashAttribute("success", "editorial.offer.created");
                return "redirect:/tilbud/" + offer.id();
            }
            moderation.proposeOffer(user, organization.id(), null, null, form.toDetails());
            redirect.addFlashAttribute("success", "editorial.proposal.waiting");
            return "redirect:/redaktion";
        } catch (DomainException e) {
            errors.rejectValue("locationId", e.messageKey());
            return invalid(organization, null, form, model);
        }
    }

    @GetMapping("/redaktion/tilbud/{id}/rediger")
    String edit(@PathVariable String id, Model model) {
        var offer = editableOffer(id);
        var organization = organizations.findById(offer.organizationId()).orElseThrow();
        return form(organization, offer, OfferForm.of(offer.details(), offer.version()), model);
    }

    @PostMapping("/redaktion/tilbud/{id}/rediger")
    String save(@PathVariable String id, @Valid @ModelAttribute("form") OfferForm form, BindingResult errors,
            Model model, RedirectAttributes redirect, Locale locale) {
        var offer = editableOffer(id);
        var organization = organizations.findById(offer.organizationId()).orElseThrow();
        BrobyggerUser user = users.currentOrFail();
        form.validateTogether(errors);
        if (form.getVersion() == null) {
            errors.reject("editorial.conflict");
        }
        if (errors.hasErrors()) {
            return invalid(organization, offer, form, model);
        }
        try {
            if (user.isMunicipalEditor()) {
                changes.reviseOffer(offer.id(), form.getVersion(), form.toDetails(), user.username(), "CHANGED");
                redirect.addFlashAttribute("success", "editorial.offer.saved");
                return "redirect:/tilbud/" + offer.id();
            }
            moderation.proposeOffer(user, organization.id(), offer.id(), form.getVersion(), form.toDetails());
            redirect.addFlashAttribute("success", "editorial.proposal.waiting");
            return "redirect:/redaktion";
        } catch (OptimisticLockingFailureException e) {
            // Show what is saved now beside what the editor typed; saving again is then a choice.
            var current = offers.findById(offer.id()).orElseThrow();
            model.addAttribute("conflict", changeText.ofOffer(current.details(), form.toDetails(), locale));
            model.addAttribute("conflictBy", current.updatedBy());
            model.addAttribute("conflictAt", current.updatedAt());
            form.setVersion(current.version());
            return invalid(organization, current, form, model);
        } catch (DomainException e) {
            errors.rejectValue("locationId", e.messageKey());
            return invalid(organization, offer, form, model);
        }
    }

    @PostMapping("/redaktion/tilbud/{id}/bekraeft")
    String confirm(@PathVariable String id, @RequestParam(name = "tilbage", required = false) @Nullable String back,
            @RequestHeader(name = "Referer", required = false) @Nullable String referer,
            RedirectAttributes redirect) {
        var offer = editableOffer(id);
        changes.confirm(offer.id(), users.currentOrFail().username());
        redirect.addFlashAttribute("success", "editorial.offer.confirmed");
        redirect.addFlashAttribute("successArgument", offer.name());
        String target = back != null ? back : EditorialSupport.pathOf(referer);
        if (target != null && EditorialSupport.isLocalPath(target)) {
            return "redirect:" + target;
        }
        return "redirect:/tilbud/" + offer.id();
    }

    private String invalid(Organization organization, @Nullable Offer offer, OfferForm form, Model model) {
        model.addAttribute("invalid", true);
        return form(organization, offer, form, model);
    }

    private String form(Organization organization, @Nullable Offer offer, OfferForm form, Model model) {
        form.padSchedules();
        model.addAttribute("form", form);
        model.addAttribute("organization", organization);
        model.addAttribute("offer", offer);
        model.addAttribute("locations", locations.findByOrganizationIdOrderByName(organization.id()));
        model.addAttribute("categories", taxonomy.categories());
        model.addAttribute("targetGroups", taxonomy.targetGroups());
        model.addAttribute("statuses", OfferStatus.values());
        model.addAttribute("supportLevels", SupportLevel.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("languageCodes", OfferForm.LANGUAGES);
        model.addAttribute("moderated", !users.currentOrFail().isMunicipalEditor());
        return "directory/editorial/offer-form";
    }

    private Organization editableOrganization(String id) {
        var organization = organizations.findById(EditorialSupport.parse(id))
                .orElseThrow(() -> new NotFoundException("organization " + id));
        EditorialSupport.requireMayEdit(users.currentOrFail(), organization.id());
        return organization;
    }

    private Offer editableOffer(String id) {
        UUID offerId = EditorialSupport.parse(id);
        var offer = offers.findById(offerId).orElseThrow(() -> new NotFoundException("offer " + id));
        EditorialSupport.requireMayEdit(users.currentOrFail(), offer.organizationId());
        return offer;
    }
}
