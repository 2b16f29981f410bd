package dk.brobygger.course;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.shared.DanishTime;
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
 * The host's pages at {@code /indgang}: the board (today's inquiries, who still waits for contact and for how long),
 * recording an inquiry in under a minute, and one inquiry, where the host marks contact, closes it with advice, links
 * it to a citizen, or looks the citizen up by CPR number and starts a course the same day. A broken rule comes back
 * on the page in Danish with what was typed; a change that lost a race answers 409 with the Danish conflict message.
 */
@Controller
class InquiryPages {

    private final Inquiries inquiries;
    private final Courses courses;
    private final CtiCaseloads caseloads;
    private final CoursePeers peers;
    private final CourseTypes types;
    private final Teams teams;
    private final Users users;
    private final Clock clock;

    InquiryPages(Inquiries inquiries, Courses courses, CtiCaseloads caseloads, CoursePeers peers, CourseTypes types,
            Teams teams, Users users, Clock clock) {
        this.inquiries = inquiries;
        this.peers = peers;
        this.caseloads = caseloads;
        this.courses = courses;
        this.types = types;
        this.teams = teams;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The board in pages of {@link Inquiries#BOARD_PAGE}: {@code vis=venter} shows only those waiting for contact,
     * {@code sortering=aeldste} the oldest first (who has waited longest), {@code soeg} only the inquiries whose own
     * text holds the words searched for.
     */
    @GetMapping("/indgang")
    String board(@RequestParam(name = "vis", required = false) @Nullable String show,
            @RequestParam(name = "sortering", required = false) @Nullable String order,
            @RequestParam(name = "side", required = false) @Nullable String page,
            @RequestParam(name = "soeg", required = false) @Nullable String search, Model model) {
        boolean waitingOnly = "venter".equals(show);
        boolean oldestFirst = "aeldste".equals(order);
        model.addAttribute("board", inquiries.board(new Inquiries.BoardQuery(waitingOnly, oldestFirst,
                pageNumber(page), search)));
        model.addAttribute("show", waitingOnly ? "venter" : "alle");
        model.addAttribute("order", oldestFirst ? "aeldste" : "nyeste");
        model.addAttribute("myCaseload", caseloads.of(users.currentOrFail().username()));
        return "course/board";
    }

    @GetMapping("/indgang/ny")
    String newInquiry(Model model) {
        inquiries.host();
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        model.addAttribute("sources", InquirySource.values());
        model.addAttribute("channels", InquiryChannel.BY_HOST);
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("knows", CitizenKnows.values());
        return "course/inquiry-new";
    }

    @PostMapping("/indgang")
    String record(@RequestParam Map<String, String> typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            var inquiry = inquiries.record(new Inquiry.Received(
                    or(Inputs.code(InquiryChannel.class, typed.get("kanal")), InquiryChannel.PHONE),
                    require(Inputs.code(InquirySource.class, typed.get("hvem")), "course.inquiry.source.missing"),
                    typed.get("navn"), typed.get("kontakt"), typed.get("paaVegneAf"), typed.getOrDefault("oensker", ""),
                    or(Inputs.code(Urgency.class, typed.get("hast")), Urgency.THIS_WEEK),
                    or(Inputs.code(CitizenKnows.class, typed.get("ved")), CitizenKnows.UNKNOWN),
                    "true".equals(typed.get("ung")), null, null));
            redirect.addFlashAttribute("success", "course.inquiry.recorded");
            return "redirect:/indgang/henvendelser/" + inquiry.id();
        } catch (DomainException e) {
            refused(e, model, response);
            model.addAttribute("typed", typed);
            return newInquiry(model);
        }
    }

    @GetMapping("/indgang/henvendelser/{id}")
    String inquiry(@PathVariable UUID id, Model model) {
        var shown = inquiries.get(new InquiryId(id));
        model.addAttribute("inquiry", shown.inquiry());
        model.addAttribute("citizenName", shown.citizenName());
        model.addAttribute("waitedMinutes", shown.inquiry().waited(clock.instant()).toMinutes());
        model.addAttribute("outcomes", InquiryOutcome.BY_HOST);
        startForm(model);
        return "course/inquiry";
    }

    private void startForm(Model model) {
        var user = users.currentOrFail();
        model.addAttribute("types", types.active());
        var names = new java.util.LinkedHashMap<String, String>();
        var mine = teams.of(user.username());
        teams.all().stream().filter(team -> mine.contains(team.code()) || user.has(dk.brobygger.access.Role.MANAGER))
                .forEach(team -> names.put(team.code(), team.name()));
        model.addAttribute("teamNames", names);
        model.addAttribute("exitKinds", ExitKind.values());
        model.addAttribute("statuses", java.util.List.of(CourseStatus.ACTIVE, CourseStatus.WAITLIST, CourseStatus.PLANNED));
        model.addAttribute("defaultExitOn", LocalDate.now(clock.withZone(DanishTime.ZONE)).plusWeeks(12));
        model.addAttribute("myCaseload", caseloads.of(user.username()));
        model.addAttribute("peers", peers.choosable());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
    }

    @PostMapping("/indgang/henvendelser/{id}/{change:kontaktet|afslut|knyt}")
    String change(@PathVariable UUID id, @PathVariable String change, @RequestParam Map<String, String> typed,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var inquiryId = new InquiryId(id);
        long version = version(typed);
        try {
            switch (change) {
                case "kontaktet" -> inquiries.markContacted(inquiryId, version);
                case "afslut" -> inquiries.close(inquiryId, version, Inputs.code(InquiryOutcome.class, typed.get("udfald")),
                        typed.get("note"));
                default -> inquiries.link(inquiryId, version, typed.get("cpr"), typed.get("begrundelse"));
            }
            redirect.addFlashAttribute("success", "course.inquiry.changed." + change);
            return "redirect:/indgang/henvendelser/" + id;
        } catch (DomainException e) {
            refused(e, model, response);
            model.addAttribute("typed", typed);
            return inquiry(id, model);
        }
    }

    /** Looks the citizen up by CPR number before the start: known and mine, known to the municipality, or unknown. */
    @PostMapping("/indgang/henvendelser/{id}/cpr")
    String lookUp(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("lookup", courses.lookUp(typed.get("cpr")));
        } catch (DomainException e) {
            refused(e, model, response);
        }
        model.addAttribute("typed", typed);
        return inquiry(id, model);
    }

    @PostMapping("/indgang/henvendelser/{id}/forloeb")
    String start(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var course = peers.start(CoursePages.start(new InquiryId(id), version(typed), null, typed),
                    CoursePages.peerVolunteer(typed));
            redirect.addFlashAttribute("success", "course.startedFlash");
            CoursePages.warnOfCaseload(caseloads, types, course, redirect);
            return "redirect:/forloeb/" + course.id();
        } catch (DomainException e) {
            refused(e, model, response);
            model.addAttribute("typed", typed);
            return inquiry(id, model);
        }
    }

    static void refused(DomainException e, Model model, HttpServletResponse response) {
        response.setStatus(e instanceof CourseConflictException ? HttpServletResponse.SC_CONFLICT
                : HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", e.messageKey());
        model.addAttribute("errorArguments", e.arguments());
    }

    /** A page number from the address; anything that is not one is the first page. */
    private static int pageNumber(@Nullable String text) {
        try {
            return text == null ? 1 : Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    static long version(Map<String, String> typed) {
        try {
            return Long.parseLong(typed.getOrDefault("version", "-1").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static <T> T or(@Nullable T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    private static <T> T require(@Nullable T value, String missingKey) {
        if (value == null) {
            throw new DomainException(missingKey);
        }
        return value;
    }
}
