package dk.brobygger.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.Citizen;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenWork;
import dk.brobygger.citizen.ConsentParty;
import dk.brobygger.directory.OfferCapacity;
import dk.brobygger.directory.OfferFacts;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskList;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Henvisninger: what staff and associations do with referrals. Staff refer a citizen they work with (need-to-know
 * through the citizen gate) to an offer after seeing its fit; the referral is refused in Danish without the
 * citizen's consent to share with that association, to an offer that does not run, to a full offer without a
 * waitlist, and a second time while one is open. Referring opens the referrer's team's need-to-know relation
 * named by the referral ({@link CitizenWork}); the referral leaving the open states ends it.
 *
 * <p>The association's contacts answer the referrals to their own organisation's offers, as they saw them: an
 * answer to a referral someone changed in between is refused ({@code referral.stale}), nothing is overwritten.
 */
@Service
public class Referrals {

    /** The kind of work a referral is, as need-to-know relations name it. */
    public static final String WORK = "referral";

    private final ReferralRepository repository;
    private final CitizenRecords records;
    private final CitizenWork work;
    private final OfferFacts offers;
    private final OfferCapacity capacity;
    private final AnswerFigures answerFigures;
    private final Users users;
    private final Teams teams;
    private final Notifications notifications;
    private final TaskList tasks;
    private final Clock clock;
    private final int regularlyAfter;
    private final String bridgingTeam;

    Referrals(ReferralRepository repository, CitizenRecords records, CitizenWork work, OfferFacts offers,
            OfferCapacity capacity, AnswerFigures answerFigures, Users users, Teams teams, Notifications notifications, TaskList tasks, Clock clock,
            @Value("${brobygger.referral.regularly-after:3}") int regularlyAfter,
            @Value("${brobygger.referral.bridging-team:faellesteam}") String bridgingTeam) {
        this.bridgingTeam = bridgingTeam;
        this.repository = repository;
        this.records = records;
        this.work = work;
        this.offers = offers;
        this.capacity = capacity;
        this.answerFigures = answerFigures;
        this.users = users;
        this.teams = teams;
        this.notifications = notifications;
        this.tasks = tasks;
        this.clock = clock;
        this.regularlyAfter = regularlyAfter;
    }

    /** What a referral is about to send, before it is sent. */
    public record Prepared(Citizen citizen, ReferralFit fit, String firstName, @Nullable String contact,
            List<String> teams) {
    }

    /**
     * What the referrer chose: the offer, the citizen's need on the ladder, the team whose work it is, whether
     * someone goes along, what is shared (first name, contact route, the citizen's words), and for a full offer
     * with a waitlist that the citizen is put on it.
     */
    public record Request(@Nullable UUID offerId, @Nullable SupportLevel need, @Nullable String team, boolean accompaniment,
            Set<SharedField> shared, @Nullable String contact, @Nullable String citizenWords,
            boolean waitlistAccepted, @Nullable ReferralContext context) {
    }

    /** What an association's contact answers. */
    public enum Action {
        ACCEPT, DECLINE, WAITLIST, PROPOSE_DATE, CAME, DID_NOT_COME, REGULARLY, STOPPED, COMPLETE, RESUME
    }

    /** An answer, with the reason, note or date it needs. */
    public record Answer(Action action, @Nullable BusinessStatus reason, @Nullable String note,
            @Nullable LocalDateTime firstDate) {
    }

    /** The fit of an offer for a citizen the user works with (the citizen's record read through the gate). */
    @Transactional
    public Prepared prepare(CitizenId citizenId, @Nullable UUID offerId, @Nullable SupportLevel need) {
        var citizen = records.readWithHeading(citizenId, "Forberedte en henvisning");
        var offer = offer(offerId, citizen);
        var contact = citizen.contact().phone() != null ? citizen.contact().phone() : citizen.contact().email();
        return new Prepared(citizen, ReferralFit.of(offer, need, citizen.ageOn(today()),
                answerFigures.of(offer.id()).orElse(null)), firstName(citizen.name()),
                contact, teams.of(users.currentOrFail().username()));
    }

    /** Refers the citizen; see the class for what is refused. */
    @Transactional
    public Referral refer(CitizenId citizenId, Request request) {
        var user = staff();
        var citizen = records.readWithHeading(citizenId, "Henviste borgeren til et tilbud");
        var offer = offer(request.offerId(), citizen);
        if (offer.status() == OfferStatus.INACTIVE) {
            throw new DomainException("referral.offer.inactive", offer.name());
        }
        if (offer.status() == OfferStatus.TEMPORARILY_CLOSED) {
            throw new DomainException("referral.offer.closed", offer.name());
        }
        if (!repository.findOpen(citizenId.value(), offer.id()).isEmpty()) {
            throw new DomainException("referral.duplicate", offer.name());
        }
        if (offer.isFull()) {
            throw new DomainException("referral.offer.full", offer.name());
        }
        if (offer.hasOnlyWaitlist() && !request.waitlistAccepted()) {
            throw new DomainException("referral.offer.waitlist", offer.name());
        }
        String team = team(user, request.team());
        records.share(citizenId, ConsentParty.ASSOCIATION, offer.organizationName(),
                "Henvisning til " + offer.name());
        var now = clock.instant();
        var referral = Referral.draft(new Referral.Draft(citizenId, offer.id(), offer.name(), offer.organizationId(),
                offer.organizationName(), team, request.need(), request.accompaniment(), request.shared(),
                firstName(citizen.name()), request.contact(), request.citizenWords(), context(request.context(), team),
                offer.hasOnlyWaitlist()), user.username(), now);
        referral.send(user.username(), now);
        referral = repository.save(referral);
        work.startForTeam(citizenId, team, work(referral), "Henvisning til " + offer.name());
        notifications.toOrganization(offer.organizationId(), referral.id(), "referral.notify.new");
        return referral;
    }

    /** The citizen and the citizen's referrals. */
    public record CitizenReferrals(Citizen citizen, List<Referral> referrals) {
    }

    /** The citizen's referrals, newest first, for someone who may see the citizen (audited). */
    @Transactional
    public CitizenReferrals ofCitizen(CitizenId citizen) {
        var heading = records.readWithHeading(citizen, "Så borgerens henvisninger");
        return new CitizenReferrals(heading, repository.findByCitizenIdOrderByCreatedAtDesc(citizen.value()));
    }

    /** One referral, for staff who may see its citizen (audited). */
    @Transactional
    public Referral get(ReferralId id) {
        var referral = find(id);
        records.read(referral.citizen(), "Åbnede en henvisning");
        return referral;
    }

    /** The referrer's side withdraws the referral, with a reason. */
    @Transactional
    public Referral cancel(ReferralId id, long seenVersion, @Nullable String reason) {
        return byStaff(id, seenVersion, "Annullerede en henvisning",
                referral -> referral.cancel(reason, username(), clock.instant()));
    }

    /** The referral was made by mistake (wrong citizen or offer). */
    @Transactional
    public Referral enteredInError(ReferralId id, long seenVersion, @Nullable String reason) {
        return byStaff(id, seenVersion, "Markerede en henvisning som fejlregistreret",
                referral -> referral.enteredInError(reason, username(), clock.instant()));
    }

    /** A declined, cancelled or failed referral is sent again (its consent asked again), the history kept. */
    @Transactional
    public Referral reopen(ReferralId id, long seenVersion, @Nullable String reason) {
        var referral = find(id);
        records.change(referral.citizen(), AuditAction.UPDATE, "Genåbnede en henvisning");
        if (!repository.findOpen(referral.citizen().value(), referral.offerId()).isEmpty()) {
            throw new DomainException("referral.duplicate", referral.offerName());
        }
        records.share(referral.citizen(), ConsentParty.ASSOCIATION, referral.organizationName(),
                "Henvisning til " + referral.offerName());
        requireVersion(referral, seenVersion);
        referral.reopen(reason, username(), clock.instant());
        var saved = save(referral);
        work.startForTeam(saved.citizen(), saved.team(), work(saved), "Henvisning til " + saved.offerName());
        notifications.toOrganization(saved.organizationId(), saved.id(), "referral.notify.new");
        return saved;
    }

    /**
     * A referral to the contact's own organisation, for the association's page. Another organisation's referral is
     * not found, whatever its id.
     */
    @Transactional(readOnly = true)
    public Referral forAssociation(ReferralId id) {
        var user = contact();
        var referral = find(id);
        if (!referral.organizationId().equals(user.organizationId()) || referral.status() == ReferralStatus.DRAFT) {
            throw new NotFoundException("referral");
        }
        return referral;
    }

    /** The association's contact answers a referral to its own offer, as it was at {@code seenVersion}. */
    @Transactional
    public Referral answer(ReferralId id, long seenVersion, Answer answer) {
        return answer(forAssociation(id), seenVersion, answer);
    }

    /**
     * A referral to the organisation of the logged-in system user (an association's own system at {@code /fhir},
     * {@link Role#SYSTEM} tied to the organisation). Another organisation's referral, a draft, or a system user
     * tied to no organisation: not found, whatever the id, so nothing tells that it exists.
     */
    @Transactional(readOnly = true)
    public Referral forOrganizationSystem(ReferralId id) {
        var user = organizationSystem();
        var referral = find(id);
        if (!referral.organizationId().equals(user.organizationId()) || referral.status() == ReferralStatus.DRAFT) {
            throw new NotFoundException("referral");
        }
        return referral;
    }

    /**
     * The association's own system answers on the organisation's behalf, as the referral was at
     * {@code seenVersion}: the same answers, guarded by the same transitions, as a contact's in the inbox.
     */
    @Transactional
    public Referral answerForOrganization(ReferralId id, long seenVersion, Answer answer) {
        return answer(forOrganizationSystem(id), seenVersion, answer);
    }

    private Referral answer(Referral referral, long seenVersion, Answer answer) {
        requireVersion(referral, seenVersion);
        String by = username();
        var now = clock.instant();
        switch (answer.action()) {
            case ACCEPT -> referral.accept(by, now);
            case DECLINE -> referral.decline(answer.reason(), answer.note(), by, now);
            case WAITLIST -> referral.waitlist(answer.note(), by, now);
            case PROPOSE_DATE -> referral.proposeFirstDate(answer.firstDate(),
                    LocalDateTime.now(clock.withZone(DanishTime.ZONE)), by, now);
            case CAME -> referral.recordAttendance(true, by, now);
            case DID_NOT_COME -> referral.recordAttendance(false, by, now);
            case REGULARLY -> referral.attendingRegularly(regularlyAfter, by, now);
            case STOPPED -> referral.stop(answer.reason(), answer.note(), by, now);
            case COMPLETE -> referral.complete(answer.note(), by, now);
            case RESUME -> referral.resume(by, now);
        }
        var saved = save(referral);
        if (answer.action() == Action.ACCEPT) {
            capacity.takePlace(saved.offerId(), by);
        }
        if (!saved.isOpen()) {
            work.end(work(saved), "Henvisning til " + saved.offerName() + " afsluttet");
        }
        closeUnansweredTask(saved, by);
        notifications.toUser(saved.referrer(), saved.id(), "referral.notify.answered");
        return saved;
    }

    /** The citizen's own referrals, as /mig shows them; empty when the login is linked to no record. */
    public record OwnReferrals(Citizen citizen, List<Referral> referrals) {
    }

    /**
     * The logged-in citizen's referrals that were sent (not drafts, not those made by mistake), newest first,
     * audited as the citizen's own access. Empty when the login is linked to no citizen.
     */
    @Transactional
    public java.util.Optional<OwnReferrals> own() {
        return records.own(AuditAction.READ, "Borgeren så sine henvisninger").map(citizen -> new OwnReferrals(citizen,
                repository.findByCitizenIdOrderByCreatedAtDesc(citizen.id().value()).stream()
                        .filter(referral -> referral.status() != ReferralStatus.DRAFT
                                && referral.status() != ReferralStatus.ENTERED_IN_ERROR)
                        .toList()));
    }

    /** What the citizen says to a referral: the answer, how to be contacted, a few words. */
    public record CitizenReply(@Nullable CitizenAnswer answer, @Nullable ContactWish wish, @Nullable String note) {
    }

    /**
     * The citizen answers one of their own referrals in /mig. Another citizen's referral is not found, whatever
     * its id; the attempt is in that citizen's audit log as refused.
     */
    @Transactional
    public Referral answerAsCitizen(ReferralId id, long seenVersion, CitizenReply reply) {
        var referral = ownReferral(id, "Borgeren svarede på en henvisning");
        return citizenAnswer(referral, seenVersion, reply, AnswerChannel.MIG);
    }

    /**
     * Staff write down what the citizen said on the phone (need-to-know to change the citizen's records), marked
     * as told on the phone.
     */
    @Transactional
    public Referral answerFromPhoneCall(ReferralId id, long seenVersion, CitizenReply reply) {
        var referral = find(id);
        records.change(referral.citizen(), AuditAction.UPDATE, "Skrev borgerens svar på en henvisning ind fra en telefonsamtale");
        return citizenAnswer(referral, seenVersion, reply, AnswerChannel.PHONE_CALL);
    }

    /** "Fortæl hvordan det gik": the citizen's own report after the first visit, in /mig. */
    @Transactional
    public Referral reportAsCitizen(ReferralId id, long seenVersion, @Nullable CitizenReport report,
            @Nullable String note) {
        var referral = ownReferral(id, "Borgeren fortalte, hvordan det gik");
        return citizenReport(referral, seenVersion, report, note, AnswerChannel.MIG);
    }

    /** The citizen's report as told to staff on the phone. */
    @Transactional
    public Referral reportFromPhoneCall(ReferralId id, long seenVersion, @Nullable CitizenReport report,
            @Nullable String note) {
        var referral = find(id);
        records.change(referral.citizen(), AuditAction.UPDATE, "Skrev borgerens fortælling om et besøg ind fra en telefonsamtale");
        return citizenReport(referral, seenVersion, report, note, AnswerChannel.PHONE_CALL);
    }

    private Referral citizenAnswer(Referral referral, long seenVersion, CitizenReply reply, AnswerChannel via) {
        if (reply.answer() == null) {
            throw new DomainException("referral.citizenAnswer.missing");
        }
        requireVersion(referral, seenVersion);
        referral.citizenAnswered(reply.answer(), reply.wish(), reply.note(), via, username(), clock.instant());
        var saved = save(referral);
        if (!saved.isOpen()) {
            work.end(work(saved), "Borgeren sagde nej tak til henvisningen til " + saved.offerName());
            notifications.toOrganization(saved.organizationId(), saved.id(), "referral.notify.closed");
        } else {
            notifications.toOrganization(saved.organizationId(), saved.id(), "referral.notify.citizenAnswered");
        }
        notifications.toUser(saved.referrer(), saved.id(), "referral.notify.citizenAnswered");
        return saved;
    }

    private Referral citizenReport(Referral referral, long seenVersion, @Nullable CitizenReport report,
            @Nullable String note, AnswerChannel via) {
        if (report == null) {
            throw new DomainException("referral.citizenReport.missing");
        }
        requireVersion(referral, seenVersion);
        referral.citizenReported(report, note, via, username(), clock.instant(),
                LocalDateTime.now(clock.withZone(DanishTime.ZONE)));
        var saved = save(referral);
        notifications.toUser(saved.referrer(), saved.id(), "referral.notify.citizenReported");
        return saved;
    }

    /** One of the logged-in citizen's own sent referrals, read (audited), for what goes with it. */
    @Transactional
    Referral ownForReading(ReferralId id, String purpose) {
        return ownReferral(id, purpose, AuditAction.READ);
    }

    private Referral ownReferral(ReferralId id, String purpose) {
        return ownReferral(id, purpose, AuditAction.UPDATE);
    }

    /** One of the logged-in citizen's own sent referrals; anything else is not found. */
    private Referral ownReferral(ReferralId id, String purpose, AuditAction action) {
        var citizen = records.own(action, purpose).orElseThrow(() -> new NotFoundException("referral"));
        var referral = repository.findById(id.value())
                .filter(found -> found.citizen().equals(citizen.id()) && found.status() != ReferralStatus.DRAFT
                        && found.status() != ReferralStatus.ENTERED_IN_ERROR);
        if (referral.isEmpty()) {
            repository.findById(id.value()).ifPresent(other -> records.refusedOwn(other.citizen(), action,
                    "Borger forsøgte at åbne en henvisning, der ikke er borgerens egen"));
            throw new NotFoundException("referral");
        }
        return referral.get();
    }

    /** How many times a citizen comes before the association may record "kommer fast". */
    public int regularlyAfter() {
        return regularlyAfter;
    }

    /**
     * The citizen withdrew the consent to share with an association (every association, when it named none): each
     * open referral to it stops sharing ({@link Referral#consentWithdrawn}). An accepted or running one is put on
     * hold for the citizen with that reason; one not yet answered is withdrawn from the association's inbox
     * (cancelled with the reason), which ends the referrer's team's need-to-know relation and the unanswered-days
     * task. The referrer and the association are told (the association only that it was withdrawn); the association
     * sees nothing more of the citizen at once, since its inbox shows only what a consent in force allows. A second
     * consent to the same association still in force is not looked for: the referrer decides whether to resume or
     * refer again.
     */
    @Transactional
    public void consentWithdrawn(CitizenId citizen, @Nullable String association) {
        var sharing = repository.findByCitizenIdOrderByCreatedAtDesc(citizen.value()).stream()
                .filter(referral -> EnumSet.of(ReferralStatus.REQUESTED, ReferralStatus.ACCEPTED,
                        ReferralStatus.IN_PROGRESS).contains(referral.status()))
                .filter(referral -> association == null || association.isBlank()
                        || referral.organizationName().equalsIgnoreCase(association.strip()))
                .toList();
        for (var referral : sharing) {
            boolean unanswered = referral.status() == ReferralStatus.REQUESTED;
            records.changeBySystem(citizen, AuditAction.UPDATE, unanswered
                    ? "Trak en ubesvaret henvisning tilbage fra foreningen: samtykket blev trukket tilbage"
                    : "Satte en henvisning i bero: samtykket blev trukket tilbage");
            referral.consentWithdrawn(CONSENT_WITHDRAWN, CitizenWork.SYSTEM, clock.instant());
            var saved = save(referral);
            if (!saved.isOpen()) {
                work.end(work(saved), "Henvisningen til " + saved.offerName()
                        + " trukket tilbage: samtykket blev trukket tilbage");
                closeUnansweredTask(saved, CitizenWork.SYSTEM);
            }
            String key = unanswered ? "referral.notify.consentWithdrawnCancelled" : "referral.notify.consentWithdrawn";
            notifications.toUser(referral.referrer(), referral.id(), key);
            notifications.toOrganization(referral.organizationId(), referral.id(), key);
        }
    }

    /** The reason a referral was put on hold when the consent was withdrawn, as its history shows it. */
    static final String CONSENT_WITHDRAWN = "Borgeren har trukket samtykket til at dele oplysninger med foreningen tilbage.";

    /** The work a referral is, for need-to-know relations. */
    static WorkRef work(Referral referral) {
        return WorkRef.of(WORK, referral.id().value());
    }

    private Referral byStaff(ReferralId id, long seenVersion, String purpose, Consumer<Referral> change) {
        var referral = find(id);
        records.change(referral.citizen(), AuditAction.UPDATE, purpose);
        requireVersion(referral, seenVersion);
        change.accept(referral);
        var saved = save(referral);
        if (!saved.isOpen()) {
            work.end(work(saved), purpose);
            notifications.toOrganization(saved.organizationId(), saved.id(), "referral.notify.closed");
        }
        closeUnansweredTask(saved, username());
        return saved;
    }

    /** Once the referral is answered or closed, the referrer's "unanswered for 14 days" task is done. */
    private void closeUnansweredTask(Referral referral, String by) {
        if (referral.status() == ReferralStatus.REQUESTED) {
            return;
        }
        tasks.forWork(UnansweredReferrals.task(referral)).filter(Task::isOpen).ifPresent(task -> tasks.completeWork(
                UnansweredReferrals.task(referral), new Task.Completion(today(), UnansweredReferrals.ANSWERED, null,
                        null), by));
    }

    /** The offer, found once the citizen's record has been read through the gate (need-to-know before input). */
    private OfferFacts.Offer offer(@Nullable UUID offerId, Citizen citizen) {
        if (offerId == null) {
            throw new DomainException("referral.offer.missing");
        }
        String origin = citizen.address().street() != null && citizen.address().postcode() != null
                ? citizen.address().street() + ", " + citizen.address().postcode() : citizen.address().postcode();
        return offers.find(offerId, origin).orElseThrow(() -> new NotFoundException("offer"));
    }

    private String team(BrobyggerUser user, @Nullable String chosen) {
        var mine = teams.of(user.username());
        if (chosen != null && !chosen.isBlank()) {
            if (!mine.contains(chosen) && !user.has(Role.MANAGER)) {
                throw new DomainException("referral.team.notYours");
            }
            return chosen;
        }
        if (mine.isEmpty()) {
            throw new DomainException("referral.team.missing");
        }
        return mine.getFirst();
    }

    /**
     * Where the referral was made: the page it came from (a home visit, an outreach item), else the Fællesteam's
     * bridging when the referring team is the Fællesteam ({@code brobygger.referral.bridging-team}), else the
     * citizen's page.
     */
    private ReferralContext context(@Nullable ReferralContext from, String team) {
        if (from != null && from != ReferralContext.CITIZEN_PAGE) {
            return from;
        }
        return team.equals(bridgingTeam) ? ReferralContext.FAELLESTEAM : ReferralContext.CITIZEN_PAGE;
    }

    private void requireVersion(Referral referral, long seenVersion) {
        if (referral.version() == null || referral.version() != seenVersion) {
            throw new DomainException("referral.stale");
        }
    }

    private Referral save(Referral referral) {
        try {
            return repository.save(referral);
        } catch (OptimisticLockingFailureException e) {
            throw new DomainException("referral.stale");
        }
    }

    private Referral find(ReferralId id) {
        return repository.findById(id.value()).orElseThrow(() -> new NotFoundException("referral"));
    }

    private BrobyggerUser staff() {
        return users.current().filter(user -> user.has(Role.STAFF) || user.has(Role.MANAGER))
                .orElseThrow(() -> new AccessDeniedException("Only staff refer citizens"));
    }

    private BrobyggerUser contact() {
        return users.current().filter(user -> user.has(Role.ASSOCIATION_CONTACT) && user.organizationId() != null)
                .orElseThrow(() -> new AccessDeniedException("Only an association's contacts answer its referrals"));
    }

    /**
     * The organisation whose system is logged in, if a system tied to one is. Read afresh, not from the login:
     * a system's checked password is remembered for a minute, and its organisation may have changed since.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> systemOrganization() {
        return users.current().filter(user -> user.has(Role.SYSTEM)).flatMap(user -> users.find(user.username()))
                .filter(user -> user.has(Role.SYSTEM) && user.enabled()).map(BrobyggerUser::organizationId);
    }

    private BrobyggerUser organizationSystem() {
        return users.current().filter(user -> user.has(Role.SYSTEM)).flatMap(user -> users.find(user.username()))
                .filter(user -> user.has(Role.SYSTEM) && user.enabled() && user.organizationId() != null)
                .orElseThrow(() -> new NotFoundException("referral"));
    }

    private String username() {
        return users.currentOrFail().username();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DanishTime.ZONE));
    }

    static String firstName(String name) {
        String stripped = name.strip();
        int space = stripped.indexOf(' ');
        return space < 0 ? stripped : stripped.substring(0, space);
    }
}
