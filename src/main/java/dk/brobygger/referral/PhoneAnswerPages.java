package dk.brobygger.referral;

import java.util.UUID;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Not every citizen opens /mig: on the referral's page staff write down what the citizen said on the phone (the
 * answer and how to be contacted, or how the first visit went), marked as told on the phone. A broken rule comes
 * back to the referral's page in Danish.
 */
@Controller
class PhoneAnswerPages {

    private final Referrals referrals;

    PhoneAnswerPages(Referrals referrals) {
        this.referrals = referrals;
    }

    @PostMapping("/henvisninger/{id}/borgerens-svar")
    String answer(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "svar", required = false) @Nullable String answer,
            @RequestParam(name = "kontakt", required = false) @Nullable String wish,
            @RequestParam(name = "note", required = false) @Nullable String note, RedirectAttributes redirect) {
        return back(id, redirect, "referral.phone.answered", () -> referrals.answerFromPhoneCall(new ReferralId(id),
                version, new Referrals.CitizenReply(Codes.named(CitizenAnswer.class, answer),
                        Codes.named(ContactWish.class, wish), note)));
    }

    @PostMapping("/henvisninger/{id}/borgerens-fortaelling")
    String report(@PathVariable UUID id, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "hvordan", required = false) @Nullable String report,
            @RequestParam(name = "note", required = false) @Nullable String note, RedirectAttributes redirect) {
        return back(id, redirect, "referral.phone.reported", () -> referrals.reportFromPhoneCall(new ReferralId(id),
                version, Codes.named(CitizenReport.class, report), note));
    }

    private static String back(UUID id, RedirectAttributes redirect, String success, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("success", success);
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", e.messageKey());
            redirect.addFlashAttribute("errorArguments", e.arguments());
        }
        return "redirect:/henvisninger/" + id + "#borgerens-svar";
    }
}
