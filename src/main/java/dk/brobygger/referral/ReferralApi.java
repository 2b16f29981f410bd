package dk.brobygger.referral;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.web.Problems;

import org.jspecify.annotations.Nullable;
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
 * Referrals as JSON, for a municipality's own tools and an association's scripts: staff list a citizen's referrals,
 * refer, read and cancel one (need-to-know and consent as on the pages, audited); an association's contact reads
 * its inbox (only the consented fields) and answers. The same rules as the pages; a broken one is an RFC 9457
 * problem in Danish, an answer to a referral someone changed meanwhile a 409 with nothing overwritten.
 */
@RestController
class ReferralApi {

    /** A referral as staff see it. */
    record ReferralView(UUID id, UUID citizenId, UUID offerId, String offerName, String organizationName,
            ReferralStatus status, @Nullable BusinessStatus businessStatus, @Nullable String statusReason,
            @Nullable String outcome, ReferralContext context, boolean accompaniment, Set<SharedField> shared,
            @Nullable LocalDateTime firstDate, int attendances, @Nullable CitizenAnswer citizenAnswer,
            @Nullable ContactWish citizenContactWish, String referrer, String team, @Nullable Instant requestedAt,
            Instant updatedAt, String updatedBy, long version, List<Referral.Change> history) {

        static ReferralView of(Referral referral) {
            return new ReferralView(referral.id().value(), referral.citizen().value(), referral.offerId(),
                    referral.offerName(), referral.organizationName(), referral.status(), referral.businessStatus(),
                    referral.statusReason(), referral.outcome(), referral.context(), referral.accompaniment(),
                    referral.shared(), referral.firstDate(), referral.attendances(), referral.citizenAnswer(),
                    referral.citizenContactWish(), referral.referrer(), referral.team(), referral.requestedAt(),
                    referral.updatedAt(), referral.updatedBy(), referral.version() == null ? 0 : referral.version(),
                    referral.history());
        }
    }

    /**
     * What a referral asks for; the same fields as the referral form (codes as text: need SELF_RELIANT, ACCOMPANIED,
     * MUNICIPAL_FRAME; shared FIRST_NAME, CONTACT, WORDS; context HOME_VISIT, OUTREACH, FAELLESTEAM, CITIZEN_PAGE).
     */
    record ReferralRequest(@Nullable String offerId, @Nullable String need, @Nullable String team,
            @Nullable Boolean accompaniment, @Nullable List<String> shared, @Nullable String contact,
            @Nullable String citizenWords, @Nullable Boolean waitlistAccepted, @Nullable String context) {
    }

    /** A change that needs the version the caller saw and a reason. */
    record Withdrawal(@Nullable Long version, @Nullable String reason) {
    }

    /** An association's answer: what it does (ACCEPT, DECLINE, …), with the reason, note or date that needs. */
    record AnswerRequest(@Nullable Long version, @Nullable String action, @Nullable String reason,
            @Nullable String note, @Nullable LocalDateTime firstDate) {
    }

    /** One referral as the association sees it: the consented fields only while the consent is in force. */
    record InboxRow(UUID id, String offerName, ReferralStatus status, @Nullable BusinessStatus businessStatus,
            @Nullable String firstName, @Nullable String contact, @Nullable String words, boolean accompaniment,
            @Nullable Instant requestedAt, @Nullable LocalDateTime firstDate, boolean consented) {

        static InboxRow of(AssociationInbox.Row row) {
            return new InboxRow(row.id().value(), row.offerName(), row.status(), row.businessStatus(), row.firstName(),
                    row.contact(), row.words(), row.accompaniment(), row.requestedAt(), row.firstDate(),
                    row.consented());
        }
    }

    /** The association's inbox, a page at a time. */
    record InboxView(List<InboxRow> referrals, int page, boolean hasNext) {
    }

    private final Referrals referrals;
    private final AssociationInbox inbox;
    private final Users users;
    private final Problems problems;

    ReferralApi(Referrals referrals, AssociationInbox inbox, Users users, Problems problems) {
        this.referrals = referrals;
        this.inbox = inbox;
        this.users = users;
        this.problems = problems;
    }

    @GetMapping("/api/citizens/{id}/referrals")
    List<ReferralView> ofCitizen(@PathVariable UUID id) {
        return referrals.ofCitizen(new CitizenId(id)).referrals().stream().map(ReferralView::of).toList();
    }

    @PostMapping("/api/citizens/{id}/referrals")
    ResponseEntity<ReferralView> refer(@PathVariable UUID id, @RequestBody ReferralRequest request) {
        var shared = EnumSet.noneOf(SharedField.class);
        if (request.shared() != null) {
            request.shared().stream().map(field -> Codes.named(SharedField.class, field))
                    .filter(java.util.Objects::nonNull).forEach(shared::add);
        }
        var referral = referrals.refer(new CitizenId(id), new Referrals.Request(offerId(request.offerId()),
                Codes.named(SupportLevel.class, request.need()), request.team(),
                Boolean.TRUE.equals(request.accompaniment()), shared, request.contact(), request.citizenWords(),
                Boolean.TRUE.equals(request.waitlistAccepted()), ReferralContext.named(request.context())));
        return ResponseEntity.created(URI.create("/api/referrals/" + referral.id())).body(ReferralView.of(referral));
    }

    @GetMapping("/api/referrals/{id}")
    ReferralView referral(@PathVariable UUID id) {
        return ReferralView.of(referrals.get(new ReferralId(id)));
    }

    @PostMapping("/api/referrals/{id}/cancel")
    ReferralView cancel(@PathVariable UUID id, @RequestBody Withdrawal withdrawal) {
        return ReferralView.of(referrals.cancel(new ReferralId(id), version(withdrawal.version()),
                withdrawal.reason()));
    }

    @GetMapping("/api/association/referrals")
    InboxView inbox(@RequestParam(defaultValue = "OPEN") String filter,
            @RequestParam(defaultValue = "1") int page) {
        var user = users.currentOrFail();
        if (!user.has(dk.brobygger.access.Role.ASSOCIATION_CONTACT)) {
            throw new org.springframework.security.access.AccessDeniedException("Only an association's contacts");
        }
        var chosen = Codes.named(AssociationInbox.Filter.class, filter);
        var found = inbox.page(user, chosen == null ? AssociationInbox.Filter.OPEN : chosen, page);
        return new InboxView(found.rows().stream().map(InboxRow::of).toList(), found.page(), found.hasNext());
    }

    /** The association's answer; the referral as the association may now see it (its status and version). */
    @PostMapping("/api/association/referrals/{id}/answers")
    InboxRow answer(@PathVariable UUID id, @RequestBody AnswerRequest answer) {
        var action = Codes.named(Referrals.Action.class, answer.action());
        if (action == null) {
            throw new DomainException("referral.answer.unknown");
        }
        var saved = referrals.answer(new ReferralId(id), version(answer.version()), new Referrals.Answer(action,
                Codes.named(BusinessStatus.class, answer.reason()), answer.note(), answer.firstDate()));
        boolean consented = inbox.consented(saved);
        return new InboxRow(saved.id().value(), saved.offerName(), saved.status(), saved.businessStatus(),
                consented ? saved.firstName() : null, consented ? saved.contact() : null,
                consented ? saved.sharedWords() : null, saved.accompaniment(), saved.requestedAt(), saved.firstDate(),
                consented);
    }

    /** An offer id that is no UUID is as if none were given: the service asks for one, after need-to-know. */
    private static @Nullable UUID offerId(@Nullable String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static long version(@Nullable Long version) {
        if (version == null) {
            throw new DomainException("referral.version.missing");
        }
        return version;
    }

    /** Someone else changed the referral since the caller read it: nothing was saved. */
    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e, Locale locale) {
        return problems.of("referral.stale".equals(e.messageKey()) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                e.messageKey(), "problem.domain", locale, e.arguments());
    }
}
