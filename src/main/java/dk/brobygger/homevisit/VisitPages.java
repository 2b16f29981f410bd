package dk.brobygger.homevisit;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.shared.DanishTime;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenTabs;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The home visitor's pages: the calendar (day and week), a citizen's visits with planning, and the
 * visit itself — themes, the loneliness conversation, the community card, suggested offers and the
 * agreed follow-up call. Built for a phone in the citizen's home: one column, big targets.
 */
@Controller
class VisitPages {

    private static final ZoneId DANISH_TIME = DanishTime.ZONE;
    private static final int SUGGESTIONS = 8;

    private final Visits visits;
    private final CitizenRegister register;
    private final CitizenRecords records;
    private final OfferSearch offers;
    private final Users users;
    private final Clock clock;
    private final CitizenTabs tabs;

    VisitPages(Visits visits, CitizenRegister register, CitizenRecords records, OfferSearch offers,
            Users users, Clock clock, CitizenTabs tabs) {
        this.tabs = tabs;
        this.visits = visits;
        this.register = register;
        this.records = records;
        this.offers = offers;
        this.users = users;
        this.clock = clock;
    }

    /** One day of the calendar with its visits, citizen names where the user may see them. */
    record Day(LocalDate date, boolean today, List<Entry> entries) {
    }

    record Entry(Visit visit, CitizenRecords.@Nullable Summary citizen) {
    }

    @GetMapping("/hjemmebesog/kalender")
    @Transactional
    String calendar(@RequestParam(name = "dato", required = false) @Nullable String date,
            @RequestParam(name = "visning", defaultValue = "uge") String view, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(DANISH_TIME));
        // A date that is not one (e.g. -999999999-01-01) is refused in Danish (400), not shown as today.
        LocalDate chosen = date == null || date.isBlank() ? today : parseDay(date);
        boolean week = !"dag".equals(view);
        LocalDate from = week ? chosen.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : chosen;
        LocalDate until = week ? from.plusDays(7) : from.plusDays(1);
        var planned = visits.calendar(users.currentOrFail().username(), from, until);
        var names = records.summaries(planned.stream().map(Visit::citizen).toList(), "Så borgeren i sin kalender");
        List<Day> days = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            LocalDate current = day;
            days.add(new Day(day, day.equals(today), planned.stream()
                    .filter(visit -> visit.plannedStart().toLocalDate().equals(current))
                    .map(visit -> new Entry(visit, names.get(visit.citizen()))).toList()));
        }
        model.addAttribute("days", days);
        model.addAttribute("week", week);
        model.addAttribute("from", from);
        model.addAttribute("until", until.minusDays(1));
        model.addAttribute("previous", week ? from.minusWeeks(1) : from.minusDays(1));
        model.addAttribute("next", week ? from.plusWeeks(1) : from.plusDays(1));
        model.addAttribute("chosen", chosen);
        model.addAttribute("today", today);
        model.addAttribute("total", planned.size());
        model.addAttribute("now", LocalDateTime.now(clock.withZone(DANISH_TIME)));
        return "homevisit/calendar";
    }

    @GetMapping("/borgere/{id}/besoeg")
    String citizenVisits(@PathVariable UUID id, Model model) {
        var citizen = register.get(new CitizenId(id));
        model.addAttribute("citizen", citizen);
        model.addAttribute("tabs", tabs.of(citizen.id()));
        model.addAttribute("visits", visits.of(citizen.id()));
        model.addAttribute("now", LocalDateTime.now(clock.withZone(DANISH_TIME)));
        model.addAttribute("places", VisitPlace.values());
        model.addAttribute("suggestedStart", LocalDate.now(clock.withZone(DANISH_TIME)).plusDays(1).atTime(10, 0));
        return "homevisit/citizen-visits";
    }

    @PostMapping("/borgere/{id}/besoeg")
    String plan(@PathVariable UUID id, @RequestParam(name = "dato", defaultValue = "") String date,
            @RequestParam(name = "tid", defaultValue = "") String time,
            @RequestParam(name = "varighed", defaultValue = "60") String duration,
            @RequestParam(name = "sted", defaultValue = "") String place, Model model, RedirectAttributes redirect) {
        var citizenId = new CitizenId(id);
        try {
            var visit = visits.plan(citizenId, new Visits.Plan(parseStart(date, time), parseInt(duration),
                    parsePlace(place)));
            redirect.addFlashAttribute("success", "visit.planned");
            return "redirect:/hjemmebesog/besoeg/" + visit.id();
        } catch (DomainException e) {
            citizenVisits(id, model);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return "homevisit/citizen-visits";
        }
    }

    @GetMapping("/hjemmebesog/besoeg/{visitId}")
    String visit(@PathVariable UUID visitId, @RequestParam(name = "interesser", required = false) @Nullable String interests,
            @RequestParam(name = "stoette", required = false) @Nullable String supportLevel, Model model) {
        var visit = visits.get(visitId);
        var citizen = register.get(visit.citizen());
        model.addAttribute("visit", visit);
        model.addAttribute("citizen", citizen);
        model.addAttribute("themes", VisitTheme.values());
        model.addAttribute("elements", ConversationElement.values());
        model.addAttribute("supportLevels", SupportLevel.values());
        model.addAttribute("today", LocalDate.now(clock.withZone(DANISH_TIME)));
        model.addAttribute("latestFollowUp", (visit.heldOn() == null
                ? LocalDate.now(clock.withZone(DANISH_TIME)) : visit.heldOn()).plusWeeks(Visit.FOLLOW_UP_WEEKS));
        String district = citizen.district() == null ? null : citizen.district().code();
        SupportLevel level = parseSupportLevel(supportLevel);
        model.addAttribute("interests", interests);
        model.addAttribute("supportLevel", level);
        model.addAttribute("offers", offers.search(suggestionQuery(visit, interests, district, level,
                citizen.address().postcode())));
        var card = UriComponentsBuilder.fromPath("/tilbud/visitkort");
        if (district != null) {
            card.queryParam("bydel", district);
        }
        if (level != null) {
            card.queryParam("stoette", level.name());
        }
        if (interests != null && !interests.isBlank()) {
            card.queryParam("q", interests.strip());
        }
        model.addAttribute("cardUrl", card.build().encode().toUriString());
        return "homevisit/visit";
    }

    /**
     * The offers suggested at a visit: communities in the citizen's district, nearest first from
     * where the citizen lives, matching what the visitor typed and the support level chosen. Crisis
     * lines and acute places only when mental health was a theme of the visit: a lonely
     * 90-year-old is shown the nearest communities, not the acute phone.
     */
    static OfferQuery suggestionQuery(Visit visit, @Nullable String interests, @Nullable String district,
            @Nullable SupportLevel level, @Nullable String home) {
        var query = new OfferQuery(interests, Set.of(), Set.of(), district == null ? Set.of() : Set.of(district),
                Set.of(), Set.of(), level == null ? Set.of() : Set.of(level), false, false, false,
                home, null, OfferQuery.Sort.DISTANCE, 1, SUGGESTIONS);
        return visit.themes().contains(VisitTheme.MENTAL) ? query
                : query.withoutCategories(Set.of(OfferSearch.CRISIS_CATEGORY));
    }

    @PostMapping("/hjemmebesog/besoeg/{visitId}")
    String document(@PathVariable UUID visitId, @RequestParam(name = "version", defaultValue = "-1") long version,
            @RequestParam(name = "afholdt", defaultValue = "") String heldOn,
            @RequestParam(name = "tema", required = false) @Nullable List<String> themes,
            @RequestParam(name = "samtale", required = false) @Nullable List<String> elements,
            @RequestParam(name = "visitkort", defaultValue = "false") boolean card,
            @RequestParam(name = "noter", required = false) @Nullable String notes,
            @RequestParam(name = "opfoelgning", defaultValue = "") String followUp, Model model,
            RedirectAttributes redirect) {
        try {
            var documentation = new Visits.Documentation(parseDay(heldOn), enums(themes, VisitTheme.class),
                    enums(elements, ConversationElement.class), card, notes,
                    followUp.isBlank() ? null : parseDay(followUp));
            var visit = visits.document(visitId, version, documentation);
            redirect.addFlashAttribute("success", visit.communityTag() ? "visit.saved.tagged" : "visit.saved");
            return "redirect:/hjemmebesog/besoeg/" + visitId;
        } catch (Visits.StaleVisitException e) {
            visit(visitId, null, null, model);
            model.addAttribute("error", "visit.stale");
            model.addAttribute("errorArguments", new Object[] {e.current().updatedBy()});
            model.addAttribute("conflict", e.current());
            return "homevisit/visit";
        } catch (DomainException e) {
            visit(visitId, null, null, model);
            model.addAttribute("error", e.messageKey());
            model.addAttribute("errorArguments", e.arguments());
            return "homevisit/visit";
        }
    }

    @PostMapping("/hjemmebesog/besoeg/{visitId}/aflys")
    String cancel(@PathVariable UUID visitId, @RequestParam(name = "version", defaultValue = "-1") long version,
            RedirectAttributes redirect) {
        try {
            visits.cancel(visitId, version);
            redirect.addFlashAttribute("success", "visit.cancelled");
        } catch (Visits.StaleVisitException e) {
            redirect.addFlashAttribute("failure", "visit.stale.cancel");
        } catch (DomainException e) {
            redirect.addFlashAttribute("failure", e.messageKey());
        }
        return "redirect:/hjemmebesog/besoeg/" + visitId;
    }

    @PostMapping("/hjemmebesog/besoeg/{visitId}/forslag")
    String suggest(@PathVariable UUID visitId, @RequestParam(name = "tilbud", required = false) @Nullable List<String> chosen,
            @RequestParam(name = "interesser", required = false) @Nullable String interests,
            @RequestParam(name = "stoette", required = false) @Nullable String supportLevel,
            RedirectAttributes redirect) {
        Map<UUID, Visit.Suggestion> suggestions = new LinkedHashMap<>();
        for (String value : chosen == null ? List.<String>of() : chosen) {
            int split = value.indexOf('|');
            if (split > 0) {
                try {
                    UUID offer = UUID.fromString(value.substring(0, split));
                    suggestions.put(offer, new Visit.Suggestion(offer, value.substring(split + 1), "", clock.instant()));
                } catch (IllegalArgumentException e) {
                    // a forged value is ignored
                }
            }
        }
        var visit = visits.suggest(visitId, suggestions.values());
        redirect.addFlashAttribute("success", suggestions.isEmpty() ? "visit.suggest.none" : "visit.suggested");
        // Back to the same search, so the card printed next matches what was talked about.
        var back = UriComponentsBuilder.fromPath("/hjemmebesog/besoeg/{id}");
        if (interests != null && !interests.isBlank()) {
            back.queryParam("interesser", interests.strip());
        }
        if (parseSupportLevel(supportLevel) != null) {
            back.queryParam("stoette", supportLevel);
        }
        return "redirect:" + back.fragment("forslag").buildAndExpand(visit.id()).encode().toUriString();
    }

    @PostMapping("/hjemmebesog/besoeg/{visitId}/forslag/{offerId}/fjern")
    String withdraw(@PathVariable UUID visitId, @PathVariable UUID offerId, RedirectAttributes redirect) {
        visits.withdrawSuggestion(visitId, offerId);
        redirect.addFlashAttribute("success", "visit.suggestion.removed");
        return "redirect:/hjemmebesog/besoeg/" + visitId + "#forslag";
    }

    private static LocalDate parseDay(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("visit.heldOn.missing");
        }
        try {
            return DanishTime.parseDate(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("visit.date.invalid");
        }
    }

    private static @Nullable LocalDateTime parseStart(String date, String time) {
        if (date.isBlank() || time.isBlank()) {
            return null;
        }
        try {
            return DanishTime.parseDate(date.strip()).atTime(LocalTime.parse(time.strip()));
        } catch (DateTimeParseException e) {
            throw new DomainException("visit.date.invalid");
        }
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new DomainException("visit.duration.outOfRange");
        }
    }

    private static @Nullable VisitPlace parsePlace(String text) {
        try {
            return text.isBlank() ? null : VisitPlace.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable SupportLevel parseSupportLevel(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : SupportLevel.valueOf(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> Set<E> enums(@Nullable List<String> names, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : names == null ? List.<String>of() : names) {
            try {
                values.add(Enum.valueOf(type, name));
            } catch (IllegalArgumentException e) {
                // unknown values from a forged form are ignored
            }
        }
        return values;
    }
}
