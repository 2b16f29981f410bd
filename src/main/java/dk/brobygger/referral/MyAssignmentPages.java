package dk.brobygger.referral;

import java.util.List;
import java.util.UUID;

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
 * The volunteer's own pages ({@code /frivillig}, role VOLUNTEER): the own assignments only, each with the offer,
 * the meeting time and place, and of the citizen only what they consented to share (first name, how to reach them,
 * their words) while the assignment is open and the consent in force; after the consent is withdrawn, or the
 * assignment ended, nothing of the citizen. The volunteer accepts or declines, and after the visit reports in two
 * taps. Another volunteer's assignment is not found.
 */
@Controller
class MyAssignmentPages {

    private final Volunteers volunteers;
    private final VolunteerPhotos photos;
    private final VolunteerReads reads;

    MyAssignmentPages(Volunteers volunteers, VolunteerPhotos photos, VolunteerReads reads) {
        this.volunteers = volunteers;
        this.photos = photos;
        this.reads = reads;
    }

    /** One assignment as the volunteer sees it: the citizen's shared fields only when {@code shown}. */
    record Seen(Assignment assignment, String offerName, boolean shown, @Nullable String firstName,
            @Nullable String contact, @Nullable String words) {

        static Seen of(Assignment assignment, Referral referral, boolean consented) {
            boolean shown = consented && (assignment.isOpen() || assignment.status() == Assignment.Status.REPORTED);
            return new Seen(assignment, referral.offerName(), shown,
                    shown && referral.shares(SharedField.FIRST_NAME) ? referral.firstName() : null,
                    shown && referral.shares(SharedField.CONTACT) ? referral.contact() : null,
                    shown ? referral.sharedWords() : null);
        }
    }

    @GetMapping("/frivillig")
    String mine(Model model) {
        var me = volunteers.me();
        List<Seen> seen = volunteers.ofVolunteer(me.id()).stream().map(assignment -> {
            var referral = volunteers.referralOf(assignment);
            return Seen.of(assignment, referral, assignment.isOpen() && volunteers.consented(referral));
        }).toList();
        model.addAttribute("me", me);
        model.addAttribute("assignments", seen);
        model.addAttribute("hasPhoto", photos.mine().isPresent());
        model.addAttribute("photoMaxMb", VolunteerPhotos.MAX_BYTES / (1024 * 1024));
        return "referral/my-assignments";
    }

    /**
     * Dine oplysninger: everything the register keeps about the logged-in volunteer, the changes with who and when,
     * who has opened their record or seen their photo, and how long it is all kept.
     */
    @GetMapping("/frivillig/oplysninger")
    String myData(@RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        var me = volunteers.me();
        var today = volunteers.today();
        model.addAttribute("volunteer", me);
        model.addAttribute("required", me.required());
        model.addAttribute("missing", me.missingOn(today));
        model.addAttribute("lapsing", me.lapsingWithin(Volunteers.WARN_DAYS, today));
        model.addAttribute("requirementKinds", Requirement.values());
        model.addAttribute("reads", reads.of(me.id(), page));
        model.addAttribute("retentionDays", volunteers.retentionDays());
        return "referral/my-data";
    }

    @GetMapping("/frivillig/opgaver/{id}")
    String assignment(@PathVariable UUID id, Model model) {
        var assignment = volunteers.mine(id);
        var referral = volunteers.referralOf(assignment);
        boolean open = assignment.isOpen() || assignment.status() == Assignment.Status.REPORTED;
        model.addAttribute("seen", Seen.of(assignment, referral, open && volunteers.consented(referral)));
        model.addAttribute("visits", Assignment.Visit.values());
        model.addAttribute("supports", Assignment.Support.values());
        model.addAttribute("today", volunteers.today());
        model.addAttribute("nexts", Assignment.Next.values());
        return "referral/my-assignment";
    }

    @PostMapping("/frivillig/opgaver/{id}/svar")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "svar", required = false) @Nullable String answer,
            @RequestParam(name = "begrundelse", required = false) @Nullable String reason,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return VolunteerPages.attempt(() -> {
            if ("JA".equals(answer)) {
                volunteers.accept(id, version);
            } else if ("NEJ".equals(answer)) {
                volunteers.decline(id, version, reason);
            } else {
                throw new dk.brobygger.shared.DomainException("volunteer.answer.unknown");
            }
            redirect.addFlashAttribute("success", "JA".equals(answer) ? "volunteer.accepted" : "volunteer.declined");
            return "redirect:/frivillig/opgaver/" + id;
        }, response, model, () -> assignment(id, model));
    }

    @PostMapping("/frivillig/opgaver/{id}/rapport")
    String report(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "besoeg", required = false) @Nullable String visit,
            @RequestParam(name = "naeste", required = false) @Nullable String next,
            @RequestParam(name = "minutter", required = false) @Nullable String minutes, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return VolunteerPages.attempt(() -> {
            volunteers.report(id, version, Codes.named(Assignment.Visit.class, visit), Codes.named(Assignment.Next.class, next),
                    minutes(minutes));
            redirect.addFlashAttribute("success", "volunteer.reported");
            return "redirect:/frivillig/opgaver/" + id;
        }, response, model, () -> assignment(id, model));
    }

    @PostMapping("/frivillig/opgaver/{id}/gang")
    String time(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "dato", required = false) @Nullable String day,
            @RequestParam(name = "stoette", required = false) @Nullable String support,
            @RequestParam(name = "minutter", required = false) @Nullable String minutes, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        return VolunteerPages.attempt(() -> {
            volunteers.accompanied(id, version, date(day), Codes.named(Assignment.Support.class, support),
                    minutes(minutes));
            redirect.addFlashAttribute("success", "volunteer.time.recorded");
            return "redirect:/frivillig/opgaver/" + id;
        }, response, model, () -> assignment(id, model));
    }

    private static java.time.@Nullable LocalDate date(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new dk.brobygger.shared.DomainException("volunteer.time.incomplete");
        }
    }

    /** The optional time given; a value that is no number of minutes is refused by the aggregate's rule. */
    private static @Nullable Integer minutes(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
