package dk.brobygger.homevisit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.outreach.Outcome;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The home visitor's worklist page (/hjemmebesog): filter, sort, take, assign and close lines. */
@Controller
class WorklistPages {

    static final int PAGE_SIZE = 50;

    private final Worklist worklist;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final Users users;

    WorklistPages(Worklist worklist, JdbcClient jdbc, MessageSource messages, Clock clock, Users users) {
        this.worklist = worklist;
        this.users = users;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/hjemmebesog")
    String list(@RequestParam(name = "aar", required = false) @Nullable String year,
            @RequestParam(name = "distrikt", required = false) @Nullable String district,
            @RequestParam(name = "vis", defaultValue = "ALL") String holder,
            @RequestParam(name = "sorter", defaultValue = "DISTRICT") String sort,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model, Locale locale) {
        int chosenYear = HomeVisitApi.year(year, clock);
        String chosenDistrict = district == null || district.isBlank() ? null : district.strip();
        var chosenHolder = parse(Worklist.Holder.class, holder, Worklist.Holder.ALL);
        var chosenSort = parse(Worklist.Sort.class, sort, Worklist.Sort.DISTRICT);
        var found = worklist.page(chosenYear, chosenDistrict, chosenHolder, chosenSort, page, PAGE_SIZE);
        int current = found.page();
        model.addAttribute("rows", found.rows());
        model.addAttribute("total", found.total());
        model.addAttribute("page", current);
        model.addAttribute("pages", found.pages());
        model.addAttribute("year", chosenYear);
        model.addAttribute("district", chosenDistrict);
        model.addAttribute("holder", chosenHolder);
        model.addAttribute("sort", chosenSort);
        model.addAttribute("districts", jdbc.sql("SELECT code FROM district ORDER BY code").query(String.class).list());
        var visitors = worklist.visitors();
        String me = users.current().map(BrobyggerUser::username).orElse("");
        var names = new LinkedHashMap<String, String>();
        for (String visitor : visitors) {
            names.put(visitor, users.find(visitor).map(BrobyggerUser::displayName).orElse(visitor));
        }
        model.addAttribute("visitors", visitors);
        // "Mig selv" is the user: the others are offered by their names, without the user again.
        model.addAttribute("others", visitors.stream().filter(v -> !v.equals(me)).toList());
        model.addAttribute("visitorNames", names);
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("channels", OfferChannel.values());
        model.addAttribute("sorts", Worklist.Sort.values());
        model.addAttribute("holders", Worklist.Holder.values());
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("back", back(chosenYear, chosenDistrict, chosenHolder.name(), chosenSort.name(), current));
        return "homevisit/worklist";
    }

    @PostMapping("/hjemmebesog/tag")
    String take(@RequestParam("art") String kind, @RequestParam("borger") UUID citizen,
            @RequestParam(name = "aar", required = false) @Nullable String year,
            @RequestParam(name = "emne", required = false) @Nullable UUID item,
            @RequestParam(name = "besoeger", required = false) @Nullable String visitor,
            @RequestParam(name = "tilbage", defaultValue = "/hjemmebesog") String back, RedirectAttributes redirect) {
        try {
            worklist.take(parse(WorklistEntry.Kind.class, kind, WorklistEntry.Kind.VISIT), new CitizenId(citizen),
                    HomeVisitApi.year(year, clock), item, visitor);
            redirect.addFlashAttribute("success", "homevisit.worklist.takenOk");
        } catch (DomainException e) {
            failed(redirect, e);
        }
        return "redirect:" + safe(back);
    }

    @PostMapping("/hjemmebesog/opgaver/{task}/tildel")
    String assign(@PathVariable UUID task, @RequestParam(name = "besoeger", defaultValue = "") String visitor,
            @RequestParam(name = "tilbage", defaultValue = "/hjemmebesog") String back, RedirectAttributes redirect) {
        try {
            worklist.assign(task, visitor);
            redirect.addFlashAttribute("success", "homevisit.worklist.assignedOk");
        } catch (DomainException e) {
            failed(redirect, e);
        }
        return "redirect:" + safe(back);
    }

    @PostMapping("/hjemmebesog/opgaver/{task}/luk")
    String close(@PathVariable UUID task, @RequestParam(name = "udfald", required = false) @Nullable String outcome,
            @RequestParam(name = "dato", required = false) @Nullable String date,
            @RequestParam(name = "kanal", required = false) @Nullable String channel,
            @RequestParam(name = "tilbage", defaultValue = "/hjemmebesog") String back, RedirectAttributes redirect) {
        try {
            LocalDate day = date == null || date.isBlank() ? null : parseDate(date);
            worklist.close(task, Outcome.of(outcome), day,
                    channel == null || channel.isBlank() ? null : OfferChannel.of(channel));
            redirect.addFlashAttribute("success", "homevisit.worklist.closedOk");
        } catch (DomainException e) {
            failed(redirect, e);
        }
        return "redirect:" + safe(back);
    }

    private void failed(RedirectAttributes redirect, DomainException e) {
        redirect.addFlashAttribute("error", e.messageKey());
        redirect.addFlashAttribute("errorArguments", e.arguments());
    }

    private static LocalDate parseDate(String date) {
        try {
            return DanishTime.parseDate(date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new DomainException("outreach.event.dateInvalid", date);
        }
    }

    /** Only a path on this site, so a form cannot send the user elsewhere. */
    private static String safe(String back) {
        return back.startsWith("/hjemmebesog") && !back.startsWith("//") ? back : "/hjemmebesog";
    }

    static String back(int year, @Nullable String district, String holder, String sort, int page) {
        return UriComponentsBuilder.fromPath("/hjemmebesog").queryParam("aar", year)
                .queryParamIfPresent("distrikt", java.util.Optional.ofNullable(district)).queryParam("vis", holder)
                .queryParam("sorter", sort).queryParam("side", page).encode().build().toUriString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
