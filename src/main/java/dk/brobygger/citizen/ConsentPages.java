package dk.brobygger.citizen;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;
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

/** Samtykker on the page: record a consent, withdraw one; those in force and the history, with who recorded them. */
@Controller
class ConsentPages {

    /** A consent as typed; dates as the date field sends them (ÅÅÅÅ-MM-DD) or as Danes write them (DD-MM-ÅÅÅÅ). */
    record ConsentForm(@Nullable String party, @Nullable String partyName, @Nullable String scope,
            @Nullable String givenOn, @Nullable String validUntil) {
    }

    private static final DateTimeFormatter DANISH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private final CitizenRegister register;
    private final Consents consents;
    private final MessageSource messages;
    private final Clock clock;

    ConsentPages(CitizenRegister register, Consents consents, MessageSource messages, Clock clock) {
        this.register = register;
        this.consents = consents;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/borgere/{id}/samtykker")
    String consents(@PathVariable UUID id, Model model, HttpServletResponse response) {
        Citizen citizen;
        try {
            citizen = register.get(new CitizenId(id));
        } catch (AccessDeniedException e) {
            return CitizenPages.refused(id, null, null, model, response);
        }
        var form = new ConsentForm(null, null, null, LocalDate.now(clock).toString(), null);
        return page(citizen, form, null, model);
    }

    @PostMapping("/borgere/{id}/samtykker")
    String record(@PathVariable UUID id, @ModelAttribute("form") ConsentForm form, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        var citizenId = new CitizenId(id);
        register.checkMayChange(citizenId);
        var errors = new FieldErrors(messages, locale);
        ConsentParty party = null;
        for (var candidate : ConsentParty.values()) {
            if (candidate.name().equals(form.party())) {
                party = candidate;
            }
        }
        LocalDate givenOn = date(form.givenOn(), "givenOn", errors);
        LocalDate validUntil = date(form.validUntil(), "validUntil", errors);
        if (errors.isEmpty()) {
            try {
                consents.record(citizenId, new Consents.Grant(party, form.partyName(), form.scope(),
                        givenOn == null ? LocalDate.now(clock) : givenOn, validUntil));
                redirect.addFlashAttribute("success", "consent.recorded");
                return "redirect:/borgere/" + id + "/samtykker";
            } catch (DomainException e) {
                errors.add(fieldOf(e), e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(register.get(citizenId), form, errors, model);
    }

    @PostMapping("/borgere/{id}/samtykker/{consentId}/tilbagekald")
    String withdraw(@PathVariable UUID id, @PathVariable UUID consentId, RedirectAttributes redirect) {
        consents.withdraw(new CitizenId(id), consentId);
        redirect.addFlashAttribute("success", "consent.withdrawn");
        return "redirect:/borgere/" + id + "/samtykker";
    }

    private String page(Citizen citizen, ConsentForm form, @Nullable FieldErrors errors, Model model) {
        CitizenFormPages.refuseAnonymised(citizen);
        LocalDate today = LocalDate.now(clock);
        var all = consents.of(citizen.id());
        model.addAttribute("citizen", citizen);
        model.addAttribute("active", all.stream().filter(consent -> consent.isInForceOn(today)).toList());
        model.addAttribute("history", all.stream().filter(consent -> !consent.isInForceOn(today)).toList());
        model.addAttribute("today", today);
        model.addAttribute("parties", ConsentParty.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "citizen/consents";
    }

    /** Why a consent is not in force: withdrawn, expired or not yet begun; for the history list. */
    static String state(Consent consent, LocalDate today) {
        if (consent.withdrawnAt() != null) {
            return "withdrawn";
        }
        return consent.givenOn().isAfter(today) ? "future" : "expired";
    }

    private static @Nullable LocalDate date(@Nullable String text, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return DanishTime.parseDate(value);
        } catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(value.replace('.', '-').replace('/', '-'), DANISH_DATE);
            } catch (DateTimeParseException danish) {
                errors.add(field, "consent.date.invalid");
                return null;
            }
        }
    }

    /** "consent.scope.missing" is about the scope; "consent.partyName.association" about the name. */
    private static String fieldOf(DomainException e) {
        String[] parts = e.messageKey().split("\\.");
        return parts.length > 1 ? parts[1] : "party";
    }
}
