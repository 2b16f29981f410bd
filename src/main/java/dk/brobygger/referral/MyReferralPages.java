package dk.brobygger.referral;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.directory.OfferFacts;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mine henvisninger" in /mig: the citizen's own referrals, where and when the first time is, what the citizen
 * must do next ("ring til foreningen", "fortæl hvordan det gik"), and the citizen's answer (yes, no, not now, and
 * how to be contacted) and report after the first visit, which reach the referrer. Only a citizen reaches these
 * pages (SecurityConfiguration's rule for /mig), and only their own referrals ({@link Referrals#own}).
 */
@Controller
class MyReferralPages {

    private final Referrals referrals;
    private final OfferFacts offers;
    private final Volunteers volunteers;
    private final Clock clock;

    MyReferralPages(Referrals referrals, OfferFacts offers, Volunteers volunteers, Clock clock) {
        this.referrals = referrals;
        this.volunteers = volunteers;
        this.offers = offers;
        this.clock = clock;
    }

    /** Something the citizen should do about one referral. */
    record CitizenTask(String messageKey, Referral referral) {
    }

    @GetMapping("/mig/henvisninger")
    String mine(Model model) {
        var own = referrals.own();
        if (own.isEmpty()) {
            return "citizen/my-none";
        }
        var list = own.get().referrals();
        LocalDateTime now = LocalDateTime.now(clock.withZone(DanishTime.ZONE));
        Map<UUID, String> places = new HashMap<>();
        list.stream().filter(Referral::isOpen).map(Referral::offerId).distinct()
                .forEach(offer -> offers.find(offer, null).ifPresent(found -> places.put(offer,
                        found.address() + ", " + found.postalCode() + " " + found.city())));
        model.addAttribute("citizen", own.get().citizen());
        model.addAttribute("referrals", list);
        model.addAttribute("places", places);
        model.addAttribute("companions", volunteers.companions(list));
        model.addAttribute("tasks", tasks(list, now));
        model.addAttribute("answers", CitizenAnswer.values());
        model.addAttribute("wishes", ContactWish.values());
        model.addAttribute("reports", CitizenReport.values());
        model.addAttribute("now", now);
        return "referral/my-referrals";
    }

    /**
     * What the citizen should do: call the association when it has said yes, no time is set, and the citizen asked
     * not to be called; tell how it went once the first time has passed and nothing was told yet.
     */
    static List<CitizenTask> tasks(List<Referral> referrals, LocalDateTime now) {
        return referrals.stream().<CitizenTask>mapMulti((referral, tasks) -> {
            if (referral.status() == ReferralStatus.ACCEPTED && referral.firstDate() == null
                    && referral.citizenWantsNoContact()) {
                tasks.accept(new CitizenTask("referral.my.task.call", referral));
            }
            if (referral.takesCitizenReport(now) && referral.citizenReport() == null) {
                tasks.accept(new CitizenTask("referral.my.task.report", referral));
            }
        }).toList();
    }

    @PostMapping("/mig/henvisninger/{id}/svar")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "svar", required = false) @Nullable String answer,
            @RequestParam(name = "kontakt", required = false) @Nullable String wish,
            @RequestParam(name = "note", required = false) @Nullable String note, Model model,
            RedirectAttributes redirect) {
        try {
            referrals.answerAsCitizen(new ReferralId(id), version, new Referrals.CitizenReply(
                    Codes.named(CitizenAnswer.class, answer), Codes.named(ContactWish.class, wish), note));
            redirect.addFlashAttribute("success", "referral.my.answered");
            return "redirect:/mig/henvisninger#h-" + id;
        } catch (DomainException e) {
            return mineWithError(id, e, note, model);
        }
    }

    @PostMapping("/mig/henvisninger/{id}/fortael")
    String report(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "hvordan", required = false) @Nullable String report,
            @RequestParam(name = "note", required = false) @Nullable String note, Model model,
            RedirectAttributes redirect) {
        try {
            referrals.reportAsCitizen(new ReferralId(id), version, Codes.named(CitizenReport.class, report), note);
            redirect.addFlashAttribute("success", "referral.my.reported");
            return "redirect:/mig/henvisninger#h-" + id;
        } catch (DomainException e) {
            return mineWithError(id, e, note, model);
        }
    }

    private String mineWithError(UUID id, DomainException e, @Nullable String note, Model model) {
        model.addAttribute("error", e.messageKey());
        model.addAttribute("errorArguments", e.arguments());
        model.addAttribute("errorReferral", id);
        model.addAttribute("note", note);
        return mine(model);
    }
}
