package dk.brobygger.homevisit;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;

import dk.brobygger.shared.web.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * §79a as JSON: who is due a visit in a year, offers made, answered and held, and the home care that
 * exempts. The due list is for the home visitors' team and managers only, and every listing is audited.
 */
@RestController
class HomeVisitApi {

    /** One line of the due list: no name or CPR number, the id leads to the record under need-to-know. */
    record DueView(UUID citizenId, int age, String rule, String ruleText, @Nullable String district,
            OfferStatus offerStatus, @Nullable UUID offerId, @Nullable LocalDate offeredOn, @Nullable LocalDate heldOn) {
    }

    record OfferRequest(@Nullable UUID citizenId, @Nullable Integer year, @Nullable LocalDate offeredOn,
            @Nullable String channel) {
    }

    record AnswerRequest(@Nullable String answer, @Nullable LocalDate answeredOn) {
    }

    record HeldRequest(@Nullable LocalDate heldOn, @Nullable String heldBy) {
    }

    record HomeCareRequest(@Nullable String service, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    private final DueVisits due;
    private final VisitOffers offers;
    private final HomeCare homeCare;
    private final MessageSource messages;
    private final Problems problems;
    private final Clock clock;

    HomeVisitApi(DueVisits due, VisitOffers offers, HomeCare homeCare, MessageSource messages, Problems problems,
            Clock clock) {
        this.due = due;
        this.offers = offers;
        this.homeCare = homeCare;
        this.messages = messages;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping("/api/homevisits/due")
    List<DueView> due(@RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String district, Locale locale) {
        int chosen = year(year, clock);
        // A handful of rules for up to hundreds of thousands of lines: each text is looked up once.
        var texts = new java.util.HashMap<String, String>();
        return due.due(chosen, district == null || district.isBlank() ? null : district.strip().toUpperCase(Locale.ROOT))
                .stream().map(visit -> new DueView(visit.citizen().value(), visit.age(), visit.rule(),
                        texts.computeIfAbsent(visit.rule(), rule -> ruleText(rule, messages, locale)), visit.district(),
                        visit.offerStatus(), visit.offerId(), visit.offeredOn(), visit.heldOn()))
                .toList();
    }

    /** An offer as the API shows it. */
    record OfferView(UUID id, CitizenId citizen, int year, String rule, LocalDate offeredOn, OfferChannel channel,
            VisitOffer.@Nullable Answer answer, @Nullable LocalDate answeredOn, @Nullable LocalDate heldOn,
            @Nullable String heldBy, String recordedBy, long version) {

        static OfferView of(VisitOffer offer) {
            return new OfferView(offer.id().value(), offer.citizen(), offer.year(), offer.rule(), offer.offeredOn(),
                    offer.channel(), offer.answer(), offer.answeredOn(), offer.heldOn(), offer.heldBy(),
                    offer.recordedBy(), offer.version());
        }
    }

    @PostMapping("/api/homevisits/offers")
    ResponseEntity<OfferView> offer(@RequestBody OfferRequest request) {
        if (request.citizenId() == null) {
            throw new DomainException("homevisit.citizen.missing");
        }
        var offer = offers.offer(new CitizenId(request.citizenId()),
                request.year() == null ? LocalDate.now(clock).getYear() : request.year(), request.offeredOn(),
                OfferChannel.of(request.channel()));
        return ResponseEntity.created(URI.create("/api/homevisits/offers/" + offer.id())).body(OfferView.of(offer));
    }

    @PostMapping("/api/homevisits/offers/{offerId}/answer")
    OfferView answer(@PathVariable UUID offerId, @RequestBody AnswerRequest request) {
        VisitOffer.Answer answer;
        try {
            answer = VisitOffer.Answer.valueOf(String.valueOf(request.answer()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException("homevisit.answer.unknown");
        }
        return OfferView.of(offers.answer(offerId, answer, request.answeredOn()));
    }

    @PostMapping("/api/homevisits/offers/{offerId}/held")
    OfferView held(@PathVariable UUID offerId, @RequestBody HeldRequest request) {
        return OfferView.of(offers.held(offerId, request.heldOn(), request.heldBy()));
    }

    @PostMapping("/api/citizens/{id}/home-care")
    ResponseEntity<HomeCare.Period> recordHomeCare(@PathVariable UUID id, @RequestBody HomeCareRequest request) {
        var citizen = new CitizenId(id);
        homeCare.checkMayRecord(citizen);
        return ResponseEntity.status(HttpStatus.CREATED).body(homeCare.record(citizen,
                HomeCareService.of(request.service()), request.from(), request.to()));
    }

    @GetMapping("/api/citizens/{id}/home-care")
    List<HomeCare.Period> homeCare(@PathVariable UUID id) {
        return homeCare.of(new CitizenId(id));
    }

    @ExceptionHandler(VisitOffers.OfferExistsException.class)
    ProblemDetail offerExists(Locale locale) {
        return problems.conflict("homevisit.offer.exists", locale);
    }

    static int year(@Nullable String year, Clock clock) {
        if (year == null || year.isBlank()) {
            return LocalDate.now(clock).getYear();
        }
        try {
            int value = Integer.parseInt(year.strip());
            DueVisits.checkYear(value);
            return value;
        } catch (NumberFormatException e) {
            throw new DomainException("homevisit.year.invalid", year);
        }
    }

    /** "Fylder 75 i år" for TURNS_75 and so on. */
    static String ruleText(String code, MessageSource messages, Locale locale) {
        String[] parts = code.split("_");
        Object[] ages = parts.length == 3 ? new Object[] {parts[1], parts[2]} : new Object[] {parts[1]};
        return messages.getMessage("homevisit.rule." + parts[0], ages, code, locale);
    }
}
