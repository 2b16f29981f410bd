package dk.brobygger.course;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenTabs;
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
 * One course at {@code /forloeb/{id}}: where the citizen is in the phases (overrun flagged), planned against actual
 * intensity, contacts recorded in a few fields, relatives on the citizen's wish with the eight recommendations, the
 * planned and the actual exit, the citizen's earlier courses; and the tab "Forløb" on the citizen, where a course
 * starts without an inquiry. Each form sends the version it was shown with; a change that lost a race answers 409.
 */
@Controller
class CoursePages {

    private final Courses courses;
    private final CourseEntries entries;
    private final CtiCaseloads caseloads;
    private final CourseMeasurements measurements;
    private final CourseExitOffers exitOffers;
    private final CoursePeers peers;
    private final Inquiries inquiries;
    private final CourseTypes types;
    private final CitizenTabs tabs;
    private final Teams teams;
    private final Users users;
    private final Clock clock;

    CoursePages(Courses courses, CourseEntries entries, CtiCaseloads caseloads, CourseMeasurements measurements,
            CourseExitOffers exitOffers, CoursePeers peers, Inquiries inquiries, CourseTypes types, CitizenTabs tabs,
            Teams teams, Users users, Clock clock) {
        this.courses = courses;
        this.peers = peers;
        this.exitOffers = exitOffers;
        this.measurements = measurements;
        this.caseloads = caseloads;
        this.entries = entries;
        this.inquiries = inquiries;
        this.types = types;
        this.tabs = tabs;
        this.teams = teams;
        this.users = users;
        this.clock = clock;
    }

    /** The course page; {@code tilbudsord} searches the portal for the community the exit goes to. */
    @GetMapping("/forloeb/{id}")
    String course(@PathVariable UUID id, @RequestParam(name = "tilbudsord", required = false) @Nullable String words,
            Model model) {
        model.addAttribute("offerWords", words);
        return course(id, model);
    }

    String course(UUID id, Model model) {
        var page = courses.page(new CourseId(id));
        model.addAttribute("exitOffer", exitOffers.of(page.course().id()).orElse(null));
        model.addAttribute("plannedOffer", exitOffers.planned(page.course().id()).orElse(null));
        model.addAttribute("peerVolunteer", peers.volunteerOf(page.course().id()).orElse(null));
        if (page.course().isOpen() && model.getAttribute("offerWords") instanceof String words && !words.isBlank()) {
            try {
                model.addAttribute("offerHits", exitOffers.search(words, page.citizen().address().postcode()));
            } catch (DomainException e) {
                model.addAttribute("offerHits", java.util.List.of());
            }
        }
        model.addAttribute("page", page);
        model.addAttribute("course", page.course());
        model.addAttribute("type", page.type());
        model.addAttribute("citizen", page.citizen());
        model.addAttribute("tabs", tabs.of(page.citizen().id()));
        model.addAttribute("contactKinds", ContactKind.values());
        model.addAttribute("exitKinds", ExitKind.values());
        model.addAttribute("involvements", RelativeInvolvement.values());
        model.addAttribute("teamMembers", courses.teamMembers(page.course()));
        if (page.type().peerHostOffered() && page.course().isOpen()) {
            model.addAttribute("peers", peers.choosable());
        }
        model.addAttribute("networkGroup", entries.offersNetworkGroup(page.type()));
        model.addAttribute("networkGroups", NetworkGroup.values());
        model.addAttribute("measures", measurements.results(page.course(), page.type()));
        if (caseloads.isCti(page.type())) {
            model.addAttribute("caseload", caseloads.of(page.course().responsible()));
        }
        var relativeNames = new java.util.HashMap<UUID, String>();
        page.relatives().forEach(relative -> relativeNames.put(relative.id(), relative.name()));
        model.addAttribute("relativeNames", relativeNames);
        model.addAttribute("recommendations", Recommendation.values());
        model.addAttribute("statuses", CourseStatus.values());
        model.addAttribute("teamName", teamName(page.course().team()));
        model.addAttribute("today", today());
        model.addAttribute("now", LocalDateTime.now(clock.withZone(DanishTime.ZONE)).withSecond(0).withNano(0));
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "course/course";
    }

    @PostMapping("/forloeb/{id}/{change:fase|status|kontakt|paaroerende|anbefaling|udgang|planlagt-udgang|analyse|maal|kl|ansvarlig|peer}")
    String change(@PathVariable UUID id, @PathVariable String change, @RequestParam Map<String, String> typed,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var courseId = new CourseId(id);
        long version = InquiryPages.version(typed);
        try {
            Course changed = null;
            switch (change) {
                case "fase" -> courses.movePhase(courseId, version, TypedNumbers.integer(typed.get("fase"), -1),
                        typed.get("begrundelse"));
                case "status" -> changed = courses.changeStatus(courseId, version, Inputs.code(CourseStatus.class, typed.get("status")),
                        typed.get("begrundelse"));
                case "kontakt" -> courses.recordContact(courseId, new Courses.NewContact(
                        Inputs.code(ContactKind.class, typed.get("slags")), typed.get("hvem"), dateTime(typed.get("tid")),
                        TypedNumbers.integer(typed.get("minutter")), typed.get("note")));
                case "paaroerende" -> courses.involveRelative(courseId, typed.get("navn"), typed.get("relation"),
                        "true".equals(typed.get("ung")));
                case "anbefaling" -> courses.recommendation(courseId, Inputs.code(Recommendation.class,
                        typed.get("anbefaling")), "true".equals(typed.get("udfoert")));
                case "udgang" -> changed = exitOffers.exit(courseId, version,
                        Inputs.code(ExitKind.class, typed.get("udgang")), typed.get("til"), date(typed.get("dato")),
                        agrees(typed.get("enig")), typed.get("note"), uuid(typed.get("tilbud")));
                case "planlagt-udgang" -> exitOffers.planExit(courseId, version,
                        Inputs.code(ExitKind.class, typed.get("udgang")), typed.get("til"), date(typed.get("dato")),
                        uuid(typed.get("tilbud")));
                case "analyse" -> courses.writeSharedAnalysis(courseId, version, typed.get("tekst"));
                case "kl" -> courses.classify(courseId, version, klCode(SupportNeed.class, typed.get("stoettebehov")),
                        klCode(FollowUpResult.class, typed.get("resultat")));
                case "peer" -> peers.change(courseId, version, peerVolunteer(typed), typed.get("peer"));
                case "ansvarlig" -> warnOfCaseload(caseloads, types,
                        courses.handOver(courseId, version, typed.get("ansvarlig"), typed.get("begrundelse")), redirect);
                default -> courses.writeOwnGoals(courseId, version, typed.get("tekst"));
            }
            redirect.addFlashAttribute("success", "course.changed." + change);
            if (changed != null && !changed.isOpen()) {
                // The course is over and with it the team's access: back to the host's board (or the task list).
                return inquiries.isHost(users.currentOrFail()) ? "redirect:/indgang" : "redirect:/opgaver";
            }
            return "redirect:/forloeb/" + id;
        } catch (DomainException e) {
            InquiryPages.refused(e, model, response);
            model.addAttribute("typed", typed);
            model.addAttribute("failed", change);
            model.addAttribute("offerWords", typed.get("tilbudsord"));
            return course(id, model);
        }
    }

    /**
     * Corrections on the course page: a contact corrected ({@code ret}) or removed as entered in error ({@code fjern},
     * with a reason), a relative's involvement changed. Each form carries the line's version.
     */
    @PostMapping("/forloeb/{id}/{entry:kontakter|paaroerende}/{entryId}/{change:ret|fjern|inddragelse|netvaerksgruppe}")
    String correct(@PathVariable UUID id, @PathVariable String entry, @PathVariable UUID entryId,
            @PathVariable String change, @RequestParam Map<String, String> typed, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        var courseId = new CourseId(id);
        long version = InquiryPages.version(typed);
        try {
            switch (entry + "/" + change) {
                case "kontakter/ret" -> entries.correctContact(courseId, entryId, version,
                        new CourseEntries.ContactCorrection(Inputs.code(ContactKind.class, typed.get("slags")),
                                typed.get("hvem"), dateTime(typed.get("tid")), TypedNumbers.integer(typed.get("minutter")),
                                typed.get("note")), typed.get("begrundelse"));
                case "kontakter/fjern" -> entries.removeContact(courseId, entryId, version, typed.get("begrundelse"));
                case "paaroerende/inddragelse" -> entries.changeInvolvement(courseId, entryId, version,
                        Inputs.code(RelativeInvolvement.class, typed.get("inddragelse")), typed.get("begrundelse"));
                case "paaroerende/netvaerksgruppe" -> entries.networkGroup(courseId, entryId, version,
                        Inputs.code(NetworkGroup.class, typed.get("netvaerksgruppe")));
                default -> throw new dk.brobygger.shared.NotFoundException("correction");
            }
            redirect.addFlashAttribute("success", "course.corrected." + change);
            return "redirect:/forloeb/" + id;
        } catch (DomainException e) {
            InquiryPages.refused(e, model, response);
            model.addAttribute("failedEntry", entryId);
            model.addAttribute("failedTyped", typed);
            return "kontakter".equals(entry) ? contact(id, entryId, model) : course(id, model);
        }
    }

    /**
     * One contact on its own page, to be corrected or removed as entered in error: the course page lists the
     * contacts, each with a link here, rather than carrying two forms for every contact it shows.
     */
    @GetMapping("/forloeb/{id}/kontakter/{contactId}")
    String contact(@PathVariable UUID id, @PathVariable UUID contactId, Model model) {
        var page = courses.page(new CourseId(id));
        var contact = page.contacts().stream().filter(c -> c.id().equals(contactId)).findFirst()
                .orElseThrow(() -> new dk.brobygger.shared.NotFoundException("contact"));
        model.addAttribute("course", page.course());
        model.addAttribute("type", page.type());
        model.addAttribute("citizen", page.citizen());
        model.addAttribute("contact", contact);
        model.addAttribute("contactKinds", ContactKind.values());
        return "course/contact";
    }

    /** Baselinemåling or opfølgningsmåling: the course type's instrument, asked on the course. */
    @GetMapping("/forloeb/{id}/maaling/{moment:baseline|opfoelgning}")
    String measureForm(@PathVariable UUID id, @PathVariable String moment, Model model) {
        var page = courses.page(new CourseId(id));
        model.addAttribute("course", page.course());
        model.addAttribute("type", page.type());
        model.addAttribute("citizen", page.citizen());
        model.addAttribute("moment", CourseMeasurements.moment(moment));
        model.addAttribute("instrument", measurements.instrument(page.type()));
        if (!model.containsAttribute("answered")) {
            model.addAttribute("answered", Map.of());
            model.addAttribute("answeredOn", today());
        }
        return "course/measure";
    }

    @PostMapping("/forloeb/{id}/maaling/{moment:baseline|opfoelgning}")
    String measure(@PathVariable UUID id, @PathVariable String moment, @RequestParam Map<String, String> typed,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        var answers = new java.util.HashMap<String, Integer>();
        typed.forEach((name, value) -> {
            if (name.startsWith("svar.") && !value.isBlank()) {
                try {
                    answers.put(name.substring("svar.".length()), Integer.valueOf(value.strip()));
                } catch (NumberFormatException e) {
                    // an impossible value is left out, so the item is reported as not answered
                }
            }
        });
        try {
            measurements.record(new CourseId(id), CourseMeasurements.moment(moment), typed.get("instrumentVersion"),
                    answers, date(typed.get("dato")));
            redirect.addFlashAttribute("success", "course.measure.recorded." + moment);
            return "redirect:/forloeb/" + id + "#maalinger";
        } catch (DomainException e) {
            InquiryPages.refused(e, model, response);
            model.addAttribute("answered", answers);
            model.addAttribute("answeredOn", typed.get("dato"));
            return measureForm(id, moment, model);
        }
    }

    /** The tab "Forløb" on the citizen: the citizen's courses, and a form to start one without an inquiry. */
    @GetMapping("/borgere/{id}/forloeb")
    String citizenCourses(@PathVariable UUID id, Model model) {
        var found = courses.ofCitizen(new CitizenId(id));
        var citizen = found.citizen();
        model.addAttribute("citizen", citizen);
        model.addAttribute("courses", found.courses());
        model.addAttribute("tabs", tabs.of(citizen.id()));
        var user = users.currentOrFail();
        var mine = teams.of(user.username());
        var names = new java.util.LinkedHashMap<String, String>();
        teams.all().stream().filter(team -> mine.contains(team.code()) || user.has(dk.brobygger.access.Role.MANAGER))
                .forEach(team -> names.put(team.code(), team.name()));
        model.addAttribute("teamNames", names);
        model.addAttribute("types", types.active());
        model.addAttribute("exitKinds", ExitKind.values());
        model.addAttribute("statuses", java.util.List.of(CourseStatus.ACTIVE, CourseStatus.WAITLIST, CourseStatus.PLANNED));
        model.addAttribute("defaultExitOn", today().plusWeeks(12));
        model.addAttribute("myCaseload", caseloads.of(user.username()));
        model.addAttribute("peers", peers.choosable());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "course/citizen-courses";
    }

    @PostMapping("/borgere/{id}/forloeb")
    String startForCitizen(@PathVariable UUID id, @RequestParam Map<String, String> typed, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            var course = peers.start(start(null, -1, new CitizenId(id), typed), peerVolunteer(typed));
            redirect.addFlashAttribute("success", "course.startedFlash");
            warnOfCaseload(caseloads, types, course, redirect);
            return "redirect:/forloeb/" + course.id();
        } catch (DomainException e) {
            InquiryPages.refused(e, model, response);
            model.addAttribute("typed", typed);
            return citizenCourses(id, model);
        }
    }

    /** A CTI course that takes its worker past the caseload limit starts, with a warning on the course page. */
    static void warnOfCaseload(CtiCaseloads caseloads, CourseTypes types, Course course, RedirectAttributes redirect) {
        if (caseloads.isCti(types.get(course.typeId()))) {
            var caseload = caseloads.of(course.responsible());
            if (caseload.over()) {
                redirect.addFlashAttribute("caseloadWarning", caseload);
            }
        }
    }

    /** The peer chosen from the register on the start form, if one was. */
    static @Nullable UUID peerVolunteer(Map<String, String> typed) {
        String value = typed.get("peerFrivillig");
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("course.peer.unknown");
        }
    }

    /** The start form's fields, as {@link Courses.Start}. */
    static Courses.Start start(@Nullable InquiryId inquiry, long version, @Nullable CitizenId citizen,
            Map<String, String> typed) {
        UUID type;
        try {
            String value = typed.get("type");
            type = value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            type = null;
        }
        return new Courses.Start(inquiry, version, citizen, typed.get("cpr"), type, typed.get("team"),
                Inputs.code(CourseStatus.class, typed.get("status")), Inputs.code(ExitKind.class, typed.get("udgang")),
                typed.get("til"), date(typed.get("dato")), typed.get("peer"));
    }

    static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("course.date.invalid");
        }
    }

    static @Nullable LocalDateTime dateTime(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("course.date.invalid");
        }
    }

    /** A KL code as chosen: empty is "not assessed"; a code that is none of ours is refused. */
    static <E extends Enum<E>> @Nullable E klCode(Class<E> type, @Nullable String text) {
        var code = Inputs.code(type, text);
        if (code == null && text != null && !text.isBlank()) {
            throw new DomainException("course.kl.unknown");
        }
        return code;
    }

    private static @Nullable UUID uuid(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException("course.exit.offer.unknown");
        }
    }

    private static @Nullable Boolean agrees(@Nullable String text) {
        return text == null || text.isBlank() ? null : Boolean.valueOf("true".equals(text.strip()));
    }

    private String teamName(String code) {
        return teams.all().stream().filter(team -> team.code().equals(code)).map(Teams.Team::name).findFirst()
                .orElse(code);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DanishTime.ZONE));
    }
}
