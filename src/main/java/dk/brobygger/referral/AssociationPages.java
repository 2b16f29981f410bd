package dk.brobygger.referral;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.shared.DomainException;
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
 * The association's side ({@code /forening/henvisninger}, role ASSOCIATION_CONTACT): the inbox of referrals to
 * the organisation's own offers and one referral, where the contact accepts, declines with a reason, puts the
 * citizen on the waitlist, proposes the first date, records whether the citizen came, "kommer fast", stopped or
 * completed. Another organisation's referral is not found, by list or by id. An answer to a referral someone else
 * changed meanwhile is refused in Danish and nothing is overwritten.
 */
@Controller
class AssociationPages {

    private final AssociationInbox inbox;
    private final Referrals referrals;
    private final Users users;

    AssociationPages(AssociationInbox inbox, Referrals referrals, Users users) {
        this.inbox = inbox;
        this.referrals = referrals;
        this.users = users;
    }

    @GetMapping("/forening/henvisninger")
    String inbox(@RequestParam(name = "vis", defaultValue = "OPEN") String filter,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        var user = users.currentOrFail();
        var chosen = Codes.named(AssociationInbox.Filter.class, filter, AssociationInbox.Filter.OPEN);
        model.addAttribute("page", inbox.page(user, chosen, page));
        model.addAttribute("filters", AssociationInbox.Filter.values());
        model.addAttribute("tied", user.organizationId() != null);
        return "referral/inbox";
    }

    @GetMapping("/forening/henvisninger/{id}")
    String referral(@PathVariable UUID id, Model model) {
        var referral = referrals.forAssociation(new ReferralId(id));
        model.addAttribute("referral", referral);
        model.addAttribute("consented", inbox.consented(referral));
        model.addAttribute("declineReasons", new BusinessStatus[] {BusinessStatus.NO_CAPACITY,
                BusinessStatus.NOT_ELIGIBLE, BusinessStatus.OTHER});
        model.addAttribute("stopReasons", new BusinessStatus[] {BusinessStatus.COULD_NOT_CONTACT,
                BusinessStatus.NO_LONGER_INTERESTED, BusinessStatus.REFERRED_ELSEWHERE, BusinessStatus.OTHER});
        model.addAttribute("regularlyAfter", referrals.regularlyAfter());
        return "referral/answer";
    }

    @PostMapping("/forening/henvisninger/{id}")
    String answer(@PathVariable UUID id, @RequestParam(name = "svar") String action,
            @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "grund", required = false) @Nullable String reason,
            @RequestParam(name = "note", required = false) @Nullable String note,
            @RequestParam(name = "dato", required = false) @Nullable String date, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        try {
            referrals.answer(new ReferralId(id), version, new Referrals.Answer(action(action),
                    Codes.named(BusinessStatus.class, reason),
                    note, dateTime(date)));
            redirect.addFlashAttribute("success", "referral.answered");
            return "redirect:/forening/henvisninger/" + id;
        } catch (DomainException e) {
            // The referral as it is now, with the Danish reason; someone else's answer in between is a conflict.
            response.setStatus(e.messageKey().equals("referral.stale") ? HttpServletResponse.SC_CONFLICT
                    : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return referral(id, model);
        }
    }

    private static Referrals.Action action(String value) {
        var action = Codes.named(Referrals.Action.class, value);
        if (action == null) {
            throw new DomainException("referral.answer.unknown");
        }
        return action;
    }

    private static @Nullable LocalDateTime dateTime(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("referral.firstDate.missing");
        }
    }
}
