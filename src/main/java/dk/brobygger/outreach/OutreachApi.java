package dk.brobygger.outreach;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;

import dk.brobygger.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opsporing as JSON: life events for a citizen (need-to-know), the outreach list with its reasons (the
 * outreach teams and managers, audited), closing an item, partner links, a register extract import.
 */
@RestController
class OutreachApi {

    /** A life event as the API receives it: type (e.g. LOST_SPOUSE or mistet_aegtefaelle), date, source. */
    record LifeEventRequest(@Nullable String type, @Nullable String date, @Nullable String source) {
    }

    record Created(LifeEvent event, @Nullable UUID outreachItem) {
    }

    record CloseRequest(@Nullable String outcome, @Nullable String date) {
    }

    record PartnerRequest(@Nullable UUID partnerId) {
    }

    record ItemView(UUID id, UUID citizenId, @Nullable String district, int age, RiskReason reason, String reasonText,
            OutreachItem.Rule rule, OutreachItem.@Nullable Event event, LocalDate reasonDate, OutreachItem.Status status,
            @Nullable Outcome outcome, @Nullable LocalDate outcomeOn) {
    }

    record ItemPage(List<ItemView> items, long total, int page, int size) {
    }

    record Evaluated(int newItems) {
    }

    private final LifeEvents lifeEvents;
    private final OutreachItems items;
    private final Partners partners;
    private final OutreachEvaluation evaluation;
    private final LifeEventImport imports;
    private final Users users;
    private final MessageSource messages;
    private final Problems problems;

    OutreachApi(LifeEvents lifeEvents, OutreachItems items, Partners partners, OutreachEvaluation evaluation,
            LifeEventImport imports, Users users, MessageSource messages, Problems problems) {
        this.lifeEvents = lifeEvents;
        this.items = items;
        this.partners = partners;
        this.evaluation = evaluation;
        this.imports = imports;
        this.users = users;
        this.messages = messages;
        this.problems = problems;
    }

    @PostMapping("/api/citizens/{id}/life-events")
    ResponseEntity<Created> record(@PathVariable UUID id, @RequestBody LifeEventRequest request) {
        lifeEvents.checkMayRecord(new CitizenId(id));
        var recorded = lifeEvents.record(new CitizenId(id),
                new LifeEvents.NewLifeEvent(request.type(), date(request.date(), "outreach.event.dateMissing"),
                        request.source()),
                LifeEvent.ArrivedVia.API);
        return ResponseEntity.created(URI.create("/api/citizens/" + id + "/life-events"))
                .body(new Created(recorded.event(), recorded.item()));
    }

    @GetMapping("/api/citizens/{id}/life-events")
    List<LifeEvent> lifeEvents(@PathVariable UUID id) {
        return lifeEvents.of(new CitizenId(id));
    }

    @PostMapping("/api/citizens/{id}/partners")
    ResponseEntity<Void> link(@PathVariable UUID id, @RequestBody PartnerRequest request) {
        partners.checkMayChange(new CitizenId(id));
        if (request.partnerId() == null) {
            throw new DomainException("outreach.partner.missing");
        }
        partners.link(new CitizenId(id), new CitizenId(request.partnerId()));
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @DeleteMapping("/api/citizens/{id}/partners/{partnerId}")
    ResponseEntity<Void> unlink(@PathVariable UUID id, @PathVariable UUID partnerId) {
        partners.end(new CitizenId(id), new CitizenId(partnerId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/outreach/items")
    ItemPage items(@RequestParam(required = false) @Nullable String district,
            @RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "1000") int size, Locale locale) {
        var found = items.list(district == null || district.isBlank() ? null : district.strip().toUpperCase(Locale.ROOT),
                status(status), page, size);
        return new ItemPage(found.items().stream().map(item -> view(item, locale)).toList(), found.total(),
                found.page(), found.size());
    }

    @GetMapping("/api/outreach/items/{itemId}")
    ItemView item(@PathVariable UUID itemId, Locale locale) {
        return view(items.get(itemId), locale);
    }

    @PostMapping("/api/outreach/items/{itemId}/close")
    ItemView close(@PathVariable UUID itemId, @RequestBody CloseRequest request, Locale locale) {
        return view(items.close(itemId, Outcome.of(request.outcome()), date(request.date(), null)), locale);
    }

    /** Runs the whole evaluation now (it also runs every night): administrators and managers. */
    @PostMapping("/api/outreach/evaluation")
    Evaluated evaluate() {
        var user = users.currentOrFail();
        if (!user.has(Role.ADMIN) && !user.has(Role.MANAGER)) {
            throw new AccessDeniedException("Only administrators and managers run the evaluation");
        }
        return new Evaluated(evaluation.evaluateAll());
    }

    /** A register extract as CSV (cpr;type;date;source); the answer reports row by row. */
    @PostMapping(value = "/api/outreach/life-events/import", consumes = {"text/csv", "text/plain"})
    LifeEventImport.Report importCsv(@RequestBody String csv) {
        return imports.importCsv(csv);
    }

    @ExceptionHandler(LifeEvents.DuplicateLifeEventException.class)
    ProblemDetail duplicate(Locale locale) {
        return problems.conflict("outreach.event.duplicate", locale);
    }

    private ItemView view(OutreachItems.Line item, Locale locale) {
        return new ItemView(item.id(), item.citizen().value(), item.district(), item.age(), item.reason(),
                messages.getMessage(item.reason().messageKey(), null, locale), item.rule(), item.event(),
                item.reasonDate(), item.status(), item.outcome(), item.outcomeOn());
    }

    static OutreachItem.@Nullable Status status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return OutreachItem.Status.OPEN;
        }
        if (status.strip().equalsIgnoreCase("ALL")) {
            return null;
        }
        try {
            return OutreachItem.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("outreach.item.statusUnknown", status);
        }
    }

    static @Nullable LocalDate date(@Nullable String text, @Nullable String missingKey) {
        if (text == null || text.isBlank()) {
            if (missingKey != null) {
                throw new DomainException(missingKey);
            }
            return null;
        }
        try {
            return DanishTime.parseDate(text.strip());
        } catch (DateTimeParseException e) {
            throw new DomainException("outreach.event.dateInvalid", text);
        }
    }
}
