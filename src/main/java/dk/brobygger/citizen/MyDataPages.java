package dk.brobygger.citizen;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.shared.DanishTime;
import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.MunicipalityProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Mine oplysninger": the citizen's own record, network and consents (a consent can be withdrawn
 * here), who has seen the record and why, and a download of everything as JSON or a readable PDF.
 * Only a citizen reaches these pages (SecurityConfiguration), and only their own data ({@link MyData}).
 */
@Controller
class MyDataPages {

    static final int PAGE_SIZE = 20;
    static final ZoneId DANISH_TIME = DanishTime.ZONE;

    private final MyData myData;
    private final CitizenTimeline timeline;
    private final MyDataPdf pdf;
    private final Users users;
    private final MessageSource messages;
    private final MunicipalityProperties municipality;
    private final Clock clock;

    MyDataPages(MyData myData, CitizenTimeline timeline, MyDataPdf pdf, Users users, MessageSource messages,
            MunicipalityProperties municipality, Clock clock) {
        this.timeline = timeline;
        this.municipality = municipality;
        this.myData = myData;
        this.pdf = pdf;
        this.users = users;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/mig")
    String mine(@RequestParam(name = "side", defaultValue = "1") int page,
            @RequestParam(name = "foer", required = false) @Nullable String before, Model model, Locale locale) {
        var overview = myData.overview();
        if (overview.isEmpty()) {
            return "citizen/my-none";
        }
        var own = overview.get();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("citizen", own.citizen());
        model.addAttribute("age", own.citizen().ageOn(today));
        model.addAttribute("network", own.network());
        model.addAttribute("map", NetworkMap.layout(own.network()));
        var consents = consentRows(own.consents(), today, locale);
        model.addAttribute("activeConsents", consents.stream().filter(ConsentRow::active).toList());
        model.addAttribute("consentHistory", consents.stream().filter(row -> !row.active()).toList());
        Instant cursor = cursor(before);
        model.addAttribute("timeline", timeline.own(cursor, CitizenTimeline.PAGE_SIZE));
        model.addAttribute("olderTimeline", cursor != null);

        // The citizen's own visits are in the download; the page tells who else has seen the record.
        // Repeated reads of the same kind by the same person within 15 minutes are one line with a count.
        List<String> byOthers = dk.brobygger.audit.CitizenAccessGroup.of(myData.accesses().stream()
                        .filter(access -> access.role() != Role.CITIZEN).toList(),
                dk.brobygger.audit.CitizenAccessGroup.WINDOW).stream()
                .map(group -> group.sentence(messages, locale)).toList();
        int pages = Math.max(1, (byOthers.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(1, page), pages);
        model.addAttribute("accesses", byOthers.subList((current - 1) * PAGE_SIZE,
                Math.min(byOthers.size(), current * PAGE_SIZE)));
        model.addAttribute("accessCount", byOthers.size());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        return "citizen/mine";
    }

    /** A cursor that is not an instant is as if none were given: the newest page. */
    private static @Nullable Instant cursor(@Nullable String before) {
        try {
            return before == null || before.isBlank() ? null : Instant.parse(before);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** "Er du sikker?": the consent, and what withdrawing it means, before anything changes. */
    @GetMapping("/mig/samtykker/{consentId}/traek-tilbage")
    String confirmWithdrawal(@PathVariable UUID consentId, Model model, Locale locale) {
        var consent = myData.consent(consentId);
        model.addAttribute("consent", consentRows(List.of(consent), LocalDate.now(clock), locale).getFirst());
        return "citizen/my-withdraw";
    }

    @PostMapping("/mig/samtykker/{consentId}/traek-tilbage")
    String withdraw(@PathVariable UUID consentId, RedirectAttributes redirect, Locale locale) {
        Consent withdrawn;
        try {
            withdrawn = myData.withdraw(consentId);
        } catch (DomainException alreadyWithdrawn) {
            redirect.addFlashAttribute("notice", messages.getMessage(alreadyWithdrawn.messageKey(), null, locale));
            return "redirect:/mig#samtykker";
        }
        var row = consentRows(List.of(withdrawn), LocalDate.now(clock), locale).getFirst();
        String when = DateTimeFormatter.ofPattern(messages.getMessage("mydata.dateTimeFormat", null, locale), locale)
                .format(withdrawn.withdrawnAt().atZone(DANISH_TIME));
        redirect.addFlashAttribute("receipt", messages.getMessage("mydata.consent.withdrawn.receipt",
                new Object[] {row.party(), withdrawn.scope(), when}, locale));
        return "redirect:/mig#samtykker";
    }

    @GetMapping(value = "/mig/data.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<MyDataJson> json(Locale locale) {
        var export = myData.export("JSON");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(export, "json"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(MyDataJson.of(export, names(export), messages, locale));
    }

    @GetMapping("/mig/data.pdf")
    ResponseEntity<byte[]> pdf(Locale locale) {
        var export = myData.export("PDF");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(export, "pdf"))
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf.render(export, names(export), locale));
    }

    /** A citizen login linked to no record: say so plainly, whatever was asked for. */
    @ExceptionHandler(MyData.NoOwnRecordException.class)
    ModelAndView noOwnRecord(HttpServletRequest request) {
        // Exception handlers get no model from the controller advice; the layout needs these two.
        var page = new ModelAndView("citizen/my-none", HttpStatus.NOT_FOUND);
        page.addObject("municipality", municipality);
        page.addObject("requestPath", request.getRequestURI());
        return page;
    }

    /** "mine-oplysninger-2026-11-23.json": the date, never the name or CPR number, goes in the file name. */
    private static String attachment(MyData.Export export, String extension) {
        String day = LocalDate.ofInstant(export.madeAt(), DANISH_TIME).toString();
        return ContentDisposition.attachment().filename("mine-oplysninger-" + day + "." + extension).build().toString();
    }

    /** Consents as the citizen reads them: with whom, who recorded them, and whether they are in force. */
    private List<ConsentRow> consentRows(List<Consent> consents, LocalDate today, Locale locale) {
        var names = new HashMap<String, String>();
        return consents.stream().map(consent -> {
            String party = messages.getMessage(consent.party().messageKey(), null, locale)
                    + (consent.partyName() == null ? "" : " (" + consent.partyName() + ")");
            String status = consent.withdrawnAt() != null ? "withdrawn"
                    : consent.isInForceOn(today) ? "active" : "expired";
            return new ConsentRow(consent, party, name(consent.recordedBy(), names, locale),
                    consent.withdrawnBy() == null ? null : name(consent.withdrawnBy(), names, locale),
                    consent.withdrawnAt() == null ? null : LocalDate.ofInstant(consent.withdrawnAt(), DANISH_TIME),
                    status);
        }).toList();
    }

    /** A user's display name; the citizen is "dig" (you). */
    private String name(String username, Map<String, String> names, Locale locale) {
        String me = users.current().map(BrobyggerUser::username).orElse("");
        if (username.equals(me)) {
            return messages.getMessage("mydata.you", null, locale);
        }
        return names.computeIfAbsent(username,
                key -> users.find(key).map(BrobyggerUser::displayName).orElse(key));
    }

    /** The display names of everyone named in the export, for the readable versions. */
    private Map<String, String> names(MyData.Export export) {
        var names = new HashMap<String, String>();
        for (var consent : export.consents()) {
            names.computeIfAbsent(consent.recordedBy(), this::displayName);
            if (consent.withdrawnBy() != null) {
                names.computeIfAbsent(consent.withdrawnBy(), this::displayName);
            }
        }
        for (var member : export.network()) {
            names.computeIfAbsent(member.addedBy(), this::displayName);
        }
        names.computeIfAbsent(export.citizen().createdBy(), this::displayName);
        names.computeIfAbsent(export.citizen().updatedBy(), this::displayName);
        return names;
    }

    private String displayName(String username) {
        return users.find(username).map(BrobyggerUser::displayName).orElse(username);
    }

    /**
     * One consent on the page.
     *
     * @param status {@code active}, {@code expired} or {@code withdrawn}
     */
    record ConsentRow(Consent consent, String party, String recordedBy, @Nullable String withdrawnBy,
            @Nullable LocalDate withdrawnOn, String status) {

        boolean active() {
            return "active".equals(status);
        }
    }
}
