package dk.brobygger.referral;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import dk.brobygger.access.Users;
import dk.brobygger.directory.TimeOfDay;
import dk.brobygger.shared.DomainException;
import jakarta.servlet.http.HttpServletRequest;
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
 * The register of volunteers and peers: for staff under {@code /frivillige}, for an association's contact (its
 * own volunteers only) under {@code /forening/frivillige}. The list (search, stage filter, "lapsing soon", sort,
 * paging), the form for a new volunteer and for changes, and one volunteer with requirements, stage changes,
 * assignments and history. A broken rule is shown on the page it came from, in Danish, with what was typed kept; a
 * change to a volunteer someone else changed meanwhile answers 409 with the volunteer as it is now.
 */
@Controller
class VolunteerPages {

    private static final String STAFF = "/frivillige";
    private static final String CONTACT = "/forening/frivillige";

    private final Volunteers volunteers;
    private final VolunteerPhotos photos;
    private final VolunteerList list;
    private final Users users;

    VolunteerPages(Volunteers volunteers, VolunteerList list, Users users, VolunteerPhotos photos) {
        this.photos = photos;
        this.volunteers = volunteers;
        this.list = list;
        this.users = users;
    }

    /** The volunteer form as typed, kept when a rule is broken. */
    record Form(@Nullable String name, @Nullable String phone, @Nullable String email, @Nullable String postcode,
            @Nullable String district, boolean peer, boolean criminalRecordRequired, Set<Interest> interests,
            @Nullable String languages, Set<String> slots) {

        static Form of(Volunteer volunteer) {
            var slots = new LinkedHashSet<String>();
            volunteer.availability().forEach(a -> slots.add(a.weekday() + ":" + a.partOfDay()));
            return new Form(volunteer.name(), volunteer.phone(), volunteer.email(), volunteer.postcode(),
                    volunteer.district(), volunteer.peer(), volunteer.criminalRecordRequired(), volunteer.interests(),
                    String.join(", ", volunteer.languages()), slots);
        }

        public boolean has(Interest interest) {
            return interests.contains(interest);
        }

        public boolean available(DayOfWeek day, TimeOfDay part) {
            return slots.contains(day + ":" + part);
        }

        Volunteer.Profile profile() {
            var availability = new LinkedHashSet<Volunteer.Availability>();
            for (String slot : slots) {
                String[] parts = slot.split(":");
                if (parts.length == 2) {
                    try {
                        availability.add(new Volunteer.Availability(DayOfWeek.valueOf(parts[0]),
                                TimeOfDay.valueOf(parts[1])));
                    } catch (IllegalArgumentException ignored) {
                        // Not a slot the form offers: left out.
                    }
                }
            }
            var words = new LinkedHashSet<String>();
            if (languages != null) {
                Arrays.stream(languages.split("[,;]")).map(String::strip).filter(w -> !w.isEmpty())
                        .forEach(words::add);
            }
            return new Volunteer.Profile(name == null ? "" : name, phone, email, postcode == null ? "" : postcode,
                    district, peer, criminalRecordRequired, interests, words, availability);
        }
    }

    @GetMapping({STAFF, CONTACT})
    String list(@RequestParam(name = "q", required = false) @Nullable String query,
            @RequestParam(name = "vis", defaultValue = "ALL") String show,
            @RequestParam(name = "sorter", defaultValue = "NAME") String sort,
            @RequestParam(name = "side", defaultValue = "1") int page, HttpServletRequest request, Model model) {
        var user = volunteers.keeper();
        model.addAttribute("base", base(request));
        model.addAttribute("page", list.page(user, query, Codes.named(VolunteerList.Show.class, show,
                VolunteerList.Show.ALL), Codes.named(VolunteerList.Sort.class, sort, VolunteerList.Sort.NAME), page,
                volunteers.today()));
        model.addAttribute("shows", VolunteerList.Show.values());
        model.addAttribute("sorts", VolunteerList.Sort.values());
        return "referral/volunteers";
    }

    @GetMapping({STAFF + "/ny", CONTACT + "/ny"})
    String blank(HttpServletRequest request, Model model) {
        volunteers.keeper();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form(null, null, null, null, null, false, true, Set.of(), "dansk",
                    Set.of()));
        }
        return form(request, model, null);
    }

    @PostMapping({STAFF, CONTACT})
    String register(@RequestParam(name = "navn", required = false) @Nullable String name,
            @RequestParam(name = "telefon", required = false) @Nullable String phone,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @RequestParam(name = "postnummer", required = false) @Nullable String postcode,
            @RequestParam(name = "bydel", required = false) @Nullable String district,
            @RequestParam(name = "peer", defaultValue = "false") boolean peer,
            @RequestParam(name = "straffeattest", defaultValue = "false") boolean criminalRecord,
            @RequestParam(name = "interesse", required = false) @Nullable List<String> interests,
            @RequestParam(name = "sprog", required = false) @Nullable String languages,
            @RequestParam(name = "tid", required = false) @Nullable List<String> slots, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var form = new Form(name, phone, email, postcode, district, peer, criminalRecord, interests(interests),
                languages, slots == null ? Set.of() : new LinkedHashSet<>(slots));
        return attempt(() -> {
            var saved = volunteers.register(form.profile());
            redirect.addFlashAttribute("success", "volunteer.registered");
            return "redirect:" + base(request) + "/" + saved.id();
        }, response, model, () -> {
            model.addAttribute("form", form);
            return form(request, model, null);
        });
    }

    @GetMapping({STAFF + "/{id}/ret", CONTACT + "/{id}/ret"})
    String edit(@PathVariable UUID id, HttpServletRequest request, Model model) {
        var volunteer = volunteers.get(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.of(volunteer));
        }
        return form(request, model, volunteer);
    }

    @PostMapping({STAFF + "/{id}/ret", CONTACT + "/{id}/ret"})
    String update(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "navn", required = false) @Nullable String name,
            @RequestParam(name = "telefon", required = false) @Nullable String phone,
            @RequestParam(name = "email", required = false) @Nullable String email,
            @RequestParam(name = "postnummer", required = false) @Nullable String postcode,
            @RequestParam(name = "bydel", required = false) @Nullable String district,
            @RequestParam(name = "peer", defaultValue = "false") boolean peer,
            @RequestParam(name = "straffeattest", defaultValue = "false") boolean criminalRecord,
            @RequestParam(name = "interesse", required = false) @Nullable List<String> interests,
            @RequestParam(name = "sprog", required = false) @Nullable String languages,
            @RequestParam(name = "tid", required = false) @Nullable List<String> slots, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var form = new Form(name, phone, email, postcode, district, peer, criminalRecord, interests(interests),
                languages, slots == null ? Set.of() : new LinkedHashSet<>(slots));
        return attempt(() -> {
            volunteers.update(id, version, form.profile());
            redirect.addFlashAttribute("success", "volunteer.saved");
            return "redirect:" + base(request) + "/" + id;
        }, response, model, () -> {
            model.addAttribute("form", form);
            return form(request, model, volunteers.get(id));
        });
    }

    @GetMapping({STAFF + "/{id}", CONTACT + "/{id}"})
    String volunteer(@PathVariable UUID id, HttpServletRequest request, Model model) {
        var volunteer = volunteers.get(id);
        var today = volunteers.today();
        model.addAttribute("base", base(request));
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("today", today);
        model.addAttribute("required", volunteer.required());
        model.addAttribute("missing", volunteer.missingOn(today));
        model.addAttribute("lapsing", volunteer.lapsingWithin(Volunteers.WARN_DAYS, today));
        model.addAttribute("requirementKinds", Requirement.values());
        model.addAttribute("assignments", volunteers.ofVolunteer(id));
        model.addAttribute("staff", Volunteers.isStaff(users.currentOrFail()));
        model.addAttribute("warnDays", Volunteers.WARN_DAYS);
        model.addAttribute("anonymised", volunteer.isAnonymised());
        model.addAttribute("hasPhoto", photos.shared(id));
        return "referral/volunteer";
    }

    @PostMapping({STAFF + "/{id}/stadie", CONTACT + "/{id}/stadie"})
    String stage(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "skift", required = false) @Nullable String change,
            @RequestParam(name = "begrundelse", required = false) @Nullable String reason, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return attempt(() -> {
            volunteers.stage(id, version, Codes.named(Volunteers.StageChange.class, change),
                    reason);
            redirect.addFlashAttribute("success", "volunteer.stageChanged");
            return "redirect:" + base(request) + "/" + id;
        }, response, model, () -> {
            model.addAttribute("reason", reason);
            return volunteer(id, request, model);
        });
    }

    @PostMapping({STAFF + "/{id}/krav", CONTACT + "/{id}/krav"})
    String requirement(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "krav", required = false) @Nullable String kind,
            @RequestParam(name = "opfyldt", required = false) @Nullable String metOn,
            @RequestParam(name = "udloeber", required = false) @Nullable String expiresOn, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return attempt(() -> {
            volunteers.meet(id, version, Codes.named(Requirement.class, kind), date(metOn),
                    date(expiresOn));
            redirect.addFlashAttribute("success", "volunteer.requirementSaved");
            return "redirect:" + base(request) + "/" + id;
        }, response, model, () -> volunteer(id, request, model));
    }

    @PostMapping(STAFF + "/{id}/login")
    String login(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "brugernavn", required = false) @Nullable String username,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return attempt(() -> {
            volunteers.tieLogin(id, version, username);
            redirect.addFlashAttribute("success", "volunteer.loginTied");
            return "redirect:" + STAFF + "/" + id;
        }, response, model, () -> volunteer(id, request, model));
    }

    private String form(HttpServletRequest request, Model model, @Nullable Volunteer volunteer) {
        model.addAttribute("base", base(request));
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("interests", Interest.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("partsOfDay", TimeOfDay.values());
        return "referral/volunteer-form";
    }

    /**
     * Runs a change; a broken rule shows the page again with the Danish message (409 when someone else changed
     * the volunteer meanwhile, else 400). The one place this controller turns rules into messages.
     */
    static String attempt(Supplier<String> change, HttpServletResponse response, Model model,
            Supplier<String> again) {
        try {
            return change.get();
        } catch (DomainException e) {
            response.setStatus(e.messageKey().endsWith(".stale") ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return again.get();
        }
    }

    static String base(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + CONTACT) ? CONTACT : STAFF;
    }

    private static Set<Interest> interests(@Nullable List<String> values) {
        var found = EnumSet.noneOf(Interest.class);
        if (values != null) {
            values.forEach(value -> {
                var interest = Codes.named(Interest.class, value);
                if (interest != null) {
                    found.add(interest);
                }
            });
        }
        return found;
    }

    static @Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("volunteer.date.invalid");
        }
    }
}
