package dk.brobygger.referral;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.Teams;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenTabs;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.SupportLevel;
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
 * Staff's referral pages: the tab "Henvisninger" on the citizen's pages (the citizen's referrals, and offers to
 * refer to), the fit of one offer with the form that sends the referral (reached in one click from a home visit's
 * suggestions), and one referral with its history, where the referrer cancels, marks it entered in error or sends
 * it again. A broken rule is shown on the page it came from, in Danish, with what was typed kept.
 */
@Controller
class ReferralPages {

    private final Referrals referrals;
    private final ReferrerList list;
    private final OfferSearch search;
    private final CitizenTabs tabs;

    private final Teams teams;
    private final Volunteers volunteers;
    private final Clock clock;

    private final InboundReferrals inbound;

    ReferralPages(Referrals referrals, ReferrerList list, OfferSearch search, CitizenTabs tabs, Teams teams,
            Volunteers volunteers, InboundReferrals inbound, Clock clock) {
        this.inbound = inbound;
        this.clock = clock;
        this.teams = teams;
        this.volunteers = volunteers;
        this.referrals = referrals;
        this.list = list;
        this.search = search;
        this.tabs = tabs;
    }

    @GetMapping("/henvisninger")
    String mine(@RequestParam(name = "vis", defaultValue = "MINE") String whose,
            @RequestParam(name = "sorter", defaultValue = "OLDEST") String sort,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        model.addAttribute("page", list.page(Codes.named(ReferrerList.Whose.class, whose, ReferrerList.Whose.MINE),
                Codes.named(ReferrerList.Sort.class, sort, ReferrerList.Sort.OLDEST), page));
        model.addAttribute("whoses", ReferrerList.Whose.values());
        model.addAttribute("sorts", ReferrerList.Sort.values());
        return "referral/mine";
    }

    @GetMapping("/borgere/{id}/henvisninger")
    String citizenReferrals(@PathVariable UUID id, @RequestParam(name = "q", required = false) @Nullable String text,
            @RequestParam(name = "stoette", required = false) @Nullable String need,
            @RequestParam(name = "fra", required = false) @Nullable String from,
            @RequestParam(name = "udefra", required = false) @Nullable UUID fromOutside, Model model) {
        var page = referrals.ofCitizen(new CitizenId(id));
        showInbound(model, inbound(fromOutside, id));
        model.addAttribute("origin", ReferralContext.named(from));
        var level = supportLevel(need);
        model.addAttribute("citizen", page.citizen());
        model.addAttribute("referrals", page.referrals());
        model.addAttribute("tabs", tabs.of(page.citizen().id()));
        model.addAttribute("q", text);
        model.addAttribute("need", level);
        model.addAttribute("supportLevels", SupportLevel.values());
        String postcode = page.citizen().address().postcode();
        boolean searched = text != null && !text.isBlank();
        model.addAttribute("offers", search.search(new OfferQuery(text, Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of(), Set.of(), false, false, false, postcode, null,
                searched || postcode == null ? OfferQuery.Sort.RELEVANCE : OfferQuery.Sort.DISTANCE, 1, 10)));
        return "referral/citizen-referrals";
    }

    @GetMapping("/borgere/{id}/henvisninger/ny")
    String prepare(@PathVariable UUID id, @RequestParam(name = "tilbud", required = false) @Nullable UUID offer,
            @RequestParam(name = "stoette", required = false) @Nullable String need,
            @RequestParam(name = "fra", required = false) @Nullable String from,
            @RequestParam(name = "udefra", required = false) @Nullable UUID fromOutside, Model model) {
        model.addAttribute("origin", ReferralContext.named(from));
        var level = supportLevel(need);
        var prepared = referrals.prepare(new CitizenId(id), offer, level);
        var outside = inbound(fromOutside, id);
        showInbound(model, outside);
        model.addAttribute("prepared", prepared);
        model.addAttribute("citizen", prepared.citizen());
        model.addAttribute("fit", prepared.fit());
        model.addAttribute("tabs", tabs.of(prepared.citizen().id()));
        model.addAttribute("supportLevels", SupportLevel.values());
        model.addAttribute("sharedFields", SharedField.values());
        model.addAttribute("teamNames", teamNames());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Form(level, prepared.teams().isEmpty() ? null : prepared.teams().getFirst(),
                    prepared.fit().suggestsAccompaniment(), prepared.contact() == null
                            ? EnumSet.of(SharedField.FIRST_NAME, SharedField.WORDS) : EnumSet.allOf(SharedField.class),
                    prepared.contact(), outside == null ? null : outside.words(),
                    false));
        }
        return "referral/new";
    }

    /** The referral form as typed, kept when a rule is broken. */
    record Form(@Nullable SupportLevel need, @Nullable String team, boolean accompaniment, Set<SharedField> shared,
            @Nullable String contact, @Nullable String words, boolean waitlist) {

        public boolean shares(SharedField field) {
            return shared.contains(field);
        }
    }

    @PostMapping("/borgere/{id}/henvisninger")
    String refer(@PathVariable UUID id, @RequestParam(name = "tilbud", required = false) @Nullable UUID offer,
            @RequestParam(name = "stoette", required = false) @Nullable String need,
            @RequestParam(name = "team", required = false) @Nullable String team,
            @RequestParam(name = "foelgeskab", defaultValue = "false") boolean accompaniment,
            @RequestParam(name = "deles", required = false) @Nullable List<String> shared,
            @RequestParam(name = "kontakt", required = false) @Nullable String contact,
            @RequestParam(name = "ord", required = false) @Nullable String words,
            @RequestParam(name = "venteliste", defaultValue = "false") boolean waitlist,
            @RequestParam(name = "fra", required = false) @Nullable String from,
            @RequestParam(name = "udefra", required = false) @Nullable UUID fromOutside, Model model,
            RedirectAttributes redirect) {
        var level = supportLevel(need);
        var fields = sharedFields(shared);
        try {
            var referral = referrals.refer(new CitizenId(id), new Referrals.Request(offer, level, team, accompaniment,
                    fields, contact, words, waitlist, ReferralContext.named(from)));
            if (inbound(fromOutside, id) != null) {
                inbound.referred(fromOutside, referral.citizen(), referral.offerName());
            }
            redirect.addFlashAttribute("success", "referral.sent");
            return "redirect:/henvisninger/" + referral.id();
        } catch (DomainException e) {
            model.addAttribute("form", new Form(level, team, accompaniment, fields, contact, words, waitlist));
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return prepare(id, offer, need, from, fromOutside, model);
        }
    }

    @GetMapping("/henvisninger/{id}")
    String referral(@PathVariable UUID id, Model model) {
        var referral = referrals.get(new ReferralId(id));
        model.addAttribute("referral", referral);
        model.addAttribute("teamName", teamNames().get(referral.team()));
        model.addAttribute("assignments", volunteers.ofReferral(referral.id()));
        model.addAttribute("now", LocalDateTime.now(clock.withZone(DanishTime.ZONE)));
        return "referral/referral";
    }

    @PostMapping("/henvisninger/{id}/{change:annuller|fejl|genaabn}")
    String change(@PathVariable UUID id, @PathVariable String change, @RequestParam(defaultValue = "-1") long version,
            @RequestParam(name = "begrundelse", required = false) @Nullable String reason, Model model,
            RedirectAttributes redirect) {
        var referralId = new ReferralId(id);
        try {
            switch (change) {
                case "annuller" -> referrals.cancel(referralId, version, reason);
                case "fejl" -> referrals.enteredInError(referralId, version, reason);
                default -> referrals.reopen(referralId, version, reason);
            }
            redirect.addFlashAttribute("success", "referral.changed." + change);
            return "redirect:/henvisninger/" + id;
        } catch (DomainException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            model.addAttribute("reason", reason);
            return referral(id, model);
        }
    }

    /**
     * The inbound referral the form was reached from ("Henvis til et tilbud" on /henvisninger/udefra), when it is
     * the citizen's, open, and the user is in the receiving team; otherwise none (the form is the usual one).
     */
    private InboundReferrals.@Nullable ForReferral inbound(@Nullable UUID fromOutside, UUID citizen) {
        if (fromOutside == null || !inbound.receives()) {
            return null;
        }
        return inbound.forReferral(fromOutside, new CitizenId(citizen)).orElse(null);
    }

    /** What the page says of the inbound referral it came from (plain values: the record is package-private). */
    private static void showInbound(Model model, InboundReferrals.@Nullable ForReferral outside) {
        if (outside != null) {
            model.addAttribute("inboundId", outside.id());
            model.addAttribute("inboundWish", outside.wish());
            model.addAttribute("inboundFrom", outside.requester());
        }
    }

    private java.util.Map<String, String> teamNames() {
        var names = new java.util.HashMap<String, String>();
        teams.all().forEach(team -> names.put(team.code(), team.name()));
        return names;
    }

    static @Nullable SupportLevel supportLevel(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return SupportLevel.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Set<SharedField> sharedFields(@Nullable List<String> values) {
        var fields = EnumSet.noneOf(SharedField.class);
        if (values != null) {
            for (String value : values) {
                for (SharedField field : SharedField.values()) {
                    if (field.name().equals(value)) {
                        fields.add(field);
                    }
                }
            }
        }
        return fields;
    }
}
