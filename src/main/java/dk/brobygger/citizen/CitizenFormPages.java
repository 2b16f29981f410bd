package dk.brobygger.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import dk.brobygger.citizen.CitizenRegister.CprAlreadyRegisteredException;
import dk.brobygger.citizen.CitizenRegister.StaleCitizenException;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registrér og ret borger: the forms for a new citizen and for changing one. Every field is checked
 * and every problem named in Danish at its field; nothing is saved until all are right. A change
 * made from an old version is never saved over someone else's: the form shows their change beside
 * the user's and lets the user save again.
 */
@Controller
class CitizenFormPages {

    /** The form as typed; everything is text until checked. */
    record CitizenForm(@Nullable String cpr, @Nullable String name, @Nullable String address,
            @Nullable String postcode, @Nullable String district, @Nullable String phone, @Nullable String email,
            @Nullable String livingSituation, @Nullable String language, @Nullable Boolean needsInterpreter,
            @Nullable String transportNotes, @Nullable Long version) {

        static CitizenForm empty() {
            return new CitizenForm(null, null, null, null, null, null, null, null, null, false, null, null);
        }

        static CitizenForm of(Citizen citizen) {
            var circumstances = citizen.circumstances();
            var district = citizen.district();
            var living = circumstances.livingSituation();
            return new CitizenForm(citizen.cpr().formatted(), citizen.name(), citizen.address().street(),
                    citizen.address().postcode(), district == null ? null : district.code(), citizen.contact().phone(),
                    citizen.contact().email(), living == null ? null : living.name(), circumstances.language(),
                    circumstances.needsInterpreter(), circumstances.transportNotes(), citizen.version());
        }

        CitizenForm atVersion(@Nullable Long newVersion) {
            return new CitizenForm(cpr, name, address, postcode, district, phone, email, livingSituation, language,
                    needsInterpreter, transportNotes, newVersion);
        }
    }

    /** One field someone else changed: what is saved now beside what this user typed. */
    record Difference(String label, String theirs, String yours) {
    }

    private final CitizenRegister register;
    private final CitizenAccess access;
    private final MessageSource messages;

    CitizenFormPages(CitizenRegister register, CitizenAccess access, MessageSource messages) {
        this.register = register;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/borgere/ny")
    String newCitizen(Model model) {
        access.checkMayRegister();
        return form(model, CitizenForm.empty(), null, null, null);
    }

    @PostMapping("/borgere/ny")
    String register(@ModelAttribute("form") CitizenForm form, BindingResult binding, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        access.checkMayRegister();
        var errors = new FieldErrors(messages, locale);
        errors.addAll(binding);
        CprNumber cpr = null;
        if (blank(form.cpr())) {
            errors.add("cpr", "cpr.missing");
        } else {
            cpr = errors.check("cpr", () -> CprNumber.of(form.cpr()));
        }
        var fields = parse(form, errors);
        if (errors.isEmpty()) {
            try {
                var id = register.register(new CitizenRegister.NewCitizen(Objects.requireNonNull(cpr), fields.name(),
                        fields.address(), fields.district(), fields.contact(), fields.circumstances()));
                redirect.addFlashAttribute("success", "citizen.registered");
                return "redirect:/borgere/" + id.value();
            } catch (CprAlreadyRegisteredException e) {
                // Says only that the number is taken: whoever may not see the citizen learns nothing more.
                errors.add("cpr", "citizen.cpr.taken");
            } catch (DomainException e) {
                errors.add(fieldOf(e), e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, form, null, errors, null);
    }

    @GetMapping("/borgere/{id}/ret")
    String edit(@PathVariable UUID id, Model model, HttpServletResponse response) {
        Citizen citizen;
        try {
            citizen = register.get(new CitizenId(id));
        } catch (AccessDeniedException e) {
            return CitizenPages.refused(id, null, null, model, response);
        }
        refuseAnonymised(citizen);
        return form(model, CitizenForm.of(citizen), citizen, null, null);
    }

    @PostMapping("/borgere/{id}/ret")
    String revise(@PathVariable UUID id, @ModelAttribute("form") CitizenForm form, BindingResult binding, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        var citizenId = new CitizenId(id);
        register.checkMayChange(citizenId);
        var errors = new FieldErrors(messages, locale);
        errors.addAll(binding);
        var fields = parse(form, errors);
        if (form.version() == null) {
            errors.add("version", "citizen.version.missing");
        }
        if (errors.isEmpty()) {
            try {
                register.revise(citizenId, form.version(), new CitizenRegister.Revision(fields.name(),
                        fields.address(), fields.district(), fields.contact(), fields.circumstances()));
                redirect.addFlashAttribute("success", "citizen.saved");
                return "redirect:/borgere/" + id;
            } catch (StaleCitizenException e) {
                var current = e.current();
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                // The form keeps what this user typed, now based on the saved version: saving again is a
                // deliberate choice made with the other change in view.
                return form(model, form.atVersion(current.version()), current, null,
                        differences(current, fields, locale));
            } catch (DomainException e) {
                errors.add(fieldOf(e), e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, form, register.get(citizenId), errors, null);
    }

    private String form(Model model, CitizenForm form, @Nullable Citizen citizen, @Nullable FieldErrors errors,
            @Nullable List<Difference> conflict) {
        model.addAttribute("form", form);
        model.addAttribute("citizen", citizen);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        model.addAttribute("districts", register.districts());
        model.addAttribute("livingSituations", LivingSituation.values());
        return "citizen/form";
    }

    /** The fields every form of the citizen has, checked; null where there are errors. */
    private record Fields(String name, Address address, @Nullable District district, Contact contact,
            Circumstances circumstances) {
    }

    private static Fields parse(CitizenForm form, FieldErrors errors) {
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            errors.add("name", "citizen.name.missing");
        } else if (name.length() > Citizen.MAX_NAME) {
            errors.add("name", "citizen.name.tooLong", Citizen.MAX_NAME, name.length());
        }
        errors.check("address", () -> new Address(form.address(), null));
        errors.check("postcode", () -> new Address(null, form.postcode()));
        District district = errors.check("district", () -> blank(form.district()) ? null : new District(form.district()));
        errors.check("phone", () -> new Contact(form.phone(), null));
        errors.check("email", () -> new Contact(null, form.email()));
        LivingSituation living = errors.check("livingSituation",
                () -> blank(form.livingSituation()) ? null : LivingSituation.of(form.livingSituation()));
        errors.check("language", () -> new Circumstances(null, form.language(), false, null));
        errors.check("transportNotes", () -> new Circumstances(null, null, false, form.transportNotes()));
        if (!errors.isEmpty()) {
            return new Fields(name, Address.unknown(), null, Contact.none(), Circumstances.of(null));
        }
        return new Fields(name, new Address(form.address(), form.postcode()), district,
                new Contact(form.phone(), form.email()), new Circumstances(living, form.language(),
                        Boolean.TRUE.equals(form.needsInterpreter()), form.transportNotes()));
    }

    /** The field a domain refusal is about, from its message key ("citizen.district.unknown" is the district). */
    private static String fieldOf(DomainException e) {
        String key = e.messageKey();
        if (key.startsWith("cpr.") || key.startsWith("citizen.cpr")) {
            return "cpr";
        }
        String[] parts = key.split("\\.");
        return parts.length > 1 ? parts[1] : "name";
    }

    private List<Difference> differences(Citizen theirs, Fields yours, Locale locale) {
        var rows = new ArrayList<Difference>();
        var saved = theirs.circumstances();
        var typed = yours.circumstances();
        compare(rows, "citizen.name", theirs.name(), yours.name(), locale);
        compare(rows, "citizen.street", theirs.address().street(), yours.address().street(), locale);
        compare(rows, "citizen.postcode", theirs.address().postcode(), yours.address().postcode(), locale);
        compare(rows, "citizen.district", code(theirs.district()), code(yours.district()), locale);
        compare(rows, "citizen.phone", theirs.contact().phone(), yours.contact().phone(), locale);
        compare(rows, "citizen.email", theirs.contact().email(), yours.contact().email(), locale);
        compare(rows, "citizen.livingSituation", living(saved.livingSituation(), locale),
                living(typed.livingSituation(), locale), locale);
        compare(rows, "citizen.language", saved.language(), typed.language(), locale);
        compare(rows, "citizen.needsInterpreter.label", yesNo(saved.needsInterpreter(), locale),
                yesNo(typed.needsInterpreter(), locale), locale);
        compare(rows, "citizen.transportNotes", saved.transportNotes(), typed.transportNotes(), locale);
        return rows;
    }

    private void compare(List<Difference> rows, String labelKey, @Nullable String theirs, @Nullable String yours,
            Locale locale) {
        if (!Objects.equals(theirs, yours)) {
            String empty = messages.getMessage("citizen.unknown", null, locale);
            rows.add(new Difference(messages.getMessage(labelKey, null, locale), theirs == null ? empty : theirs,
                    yours == null ? empty : yours));
        }
    }

    private @Nullable String living(@Nullable LivingSituation situation, Locale locale) {
        return situation == null ? null : messages.getMessage(situation.messageKey(), null, locale);
    }

    private String yesNo(boolean value, Locale locale) {
        return messages.getMessage(value ? "citizen.yes" : "citizen.no", null, locale);
    }

    private static @Nullable String code(@Nullable District district) {
        return district == null ? null : district.code();
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    /** An anonymised record has nothing left to correct. */
    static void refuseAnonymised(Citizen citizen) {
        if (citizen.isAnonymised()) {
            throw new DomainException("citizen.anonymised.readOnly");
        }
    }
}
