package dk.brobygger.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenWork;
import dk.brobygger.directory.OfferFacts;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frivillige og peers: the register and the accompaniment it arranges. Staff (STAFF, MANAGER) keep the
 * municipality's volunteers and see every one; an association's contact keeps only the own organisation's and never
 * finds another's, by list or by id. A change to a volunteer someone changed meanwhile is refused
 * ({@code volunteer.stale}); nothing is overwritten. A volunteer who leaves (paused, expired, declined) hands every
 * open assignment back at once, and each referrer is told. Staff assign only an onboarded, vetted volunteer to an
 * accepted referral that asked for accompaniment; the volunteer accepts (the referral's business status becomes
 * "buddy assigned" and the referrer is told) or declines, and after the visit reports in two taps.
 */
@Service
public class Volunteers {

    /** The days before a requirement lapses that it is warned about. */
    public static final int WARN_DAYS = 30;

    private final VolunteerRepository volunteers;
    private final AssignmentRepository assignments;
    private final ReferralRepository referrals;
    private final Referrals referralService;
    private final OfferFacts offers;
    private final Users users;
    private final Notifications notifications;
    private final VolunteerSuggestions suggestions;
    private final CitizenRecords records;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final VolunteerReads reads;
    private final int retentionDays;
    private final org.springframework.context.ApplicationEventPublisher events;

    Volunteers(VolunteerRepository volunteers, AssignmentRepository assignments, ReferralRepository referrals,
            Referrals referralService, OfferFacts offers, Users users, Notifications notifications,
            VolunteerSuggestions suggestions, CitizenRecords records, Clock clock, JdbcClient jdbc,
            VolunteerReads reads, @Value("${brobygger.referral.volunteer-retention-days:730}") int retentionDays,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.reads = reads;
        this.retentionDays = retentionDays;
        this.suggestions = suggestions;
        this.records = records;
        this.volunteers = volunteers;
        this.assignments = assignments;
        this.referrals = referrals;
        this.referralService = referralService;
        this.offers = offers;
        this.users = users;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A peer (frivillig med egne erfaringer) as another module names one, e.g. a course's peer host. */
    public record Peer(UUID id, String name, @Nullable String organizationName, @Nullable String district) {
    }

    /**
     * Peers who may be asked today (onboarded, vetted), by name, for staff choosing a course's peer host (module
     * course): only who they are, nothing of their requirements or contact details.
     */
    @Transactional(readOnly = true)
    public List<Peer> assignablePeers() {
        return peers(null);
    }

    /** One of {@link #assignablePeers()}, if that volunteer is an assignable peer today. */
    @Transactional(readOnly = true)
    public java.util.Optional<Peer> assignablePeer(UUID id) {
        return peers(id).stream().findFirst();
    }

    private List<Peer> peers(@Nullable UUID only) {
        keeper();
        var statement = jdbc.sql("""
                SELECT id, name, organization_name, district FROM volunteer
                 WHERE peer = TRUE AND stage = 'ONBOARDED' AND anonymised_at IS NULL
                   AND (vetted_until IS NULL OR vetted_until >= :today)%s
                 ORDER BY name, id
                """.formatted(only == null ? "" : " AND id = :only"))
                .param("today", LocalDate.now(clock.withZone(dk.brobygger.shared.DanishTime.ZONE)));
        return (only == null ? statement : statement.param("only", only))
                .query((rs, n) -> new Peer(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("organization_name"), rs.getString("district")))
                .list();
    }

    /** A change of stage, as the pages ask for it. */
    public enum StageChange {
        APPROVE, ONBOARD, PAUSE, DECLINE, REMOVE
    }

    /** Registers a volunteer who applied: the municipality's for staff, the own association's for its contact. */
    @Transactional
    public Volunteer register(Volunteer.Profile profile) {
        var user = keeper();
        UUID organization = user.has(Role.ASSOCIATION_CONTACT) && !isStaff(user) ? user.organizationId() : null;
        String organizationName = organization == null ? null : organizationName(organization);
        return volunteers.save(Volunteer.apply(profile, organization, organizationName, user.username(),
                clock.instant()));
    }

    /** One volunteer, for someone who keeps them; the volunteer can see that they did ({@link VolunteerReads}). */
    @Transactional
    public Volunteer get(UUID id) {
        var user = keeper();
        var volunteer = visible(id, user);
        reads.seen(volunteer.id(), user, VolunteerReads.What.RECORD);
        return volunteer;
    }

    /** Days after a volunteer stopped before their data are anonymised. */
    public int retentionDays() {
        return retentionDays;
    }

    /** The photo of a volunteer someone keeps was shown to them. */
    @Transactional
    void photoSeen(UUID id) {
        var user = keeper();
        reads.seen(visible(id, user).id(), user, VolunteerReads.What.PHOTO);
    }

    /** Changes who the volunteer is and what they offer, as seen at {@code seenVersion}. */
    @Transactional
    public Volunteer update(UUID id, long seenVersion, Volunteer.Profile profile) {
        return change(id, seenVersion, volunteer -> volunteer.profile(profile, username(), clock.instant()));
    }

    /** Records a requirement met (again); a lapsed volunteer comes back by being onboarded again. */
    @Transactional
    public Volunteer meet(UUID id, long seenVersion, @Nullable Requirement kind, @Nullable LocalDate metOn,
            @Nullable LocalDate expiresOn) {
        return change(id, seenVersion, volunteer -> volunteer.meet(kind, metOn, expiresOn, today(), username(),
                clock.instant()));
    }

    /** Moves the volunteer to another stage; leaving hands the open assignments back. */
    @Transactional
    public Volunteer stage(UUID id, long seenVersion, @Nullable StageChange change, @Nullable String reason) {
        if (change == null) {
            throw new DomainException("volunteer.stage.unknown");
        }
        String formerName = visible(id, keeper()).name();
        var saved = change(id, seenVersion, volunteer -> {
            switch (change) {
                case APPROVE -> volunteer.approve(username(), clock.instant());
                case ONBOARD -> volunteer.onboard(today(), username(), clock.instant());
                case PAUSE -> volunteer.pause(reason, username(), clock.instant());
                case DECLINE -> volunteer.decline(reason, username(), clock.instant());
                case REMOVE -> volunteer.remove(reason, username(), clock.instant());
            }
        });
        if (saved.stage() != VolunteerStage.ONBOARDED) {
            handBack(saved, username());
        }
        if (change == StageChange.REMOVE) {
            forgetName(saved, formerName);
        }
        return saved;
    }

    /** Ties a login (role VOLUNTEER) to the volunteer; staff only. */
    @Transactional
    public Volunteer tieLogin(UUID id, long seenVersion, @Nullable String username) {
        if (!isStaff(keeper())) {
            throw new AccessDeniedException("Only staff tie logins to volunteers");
        }
        if (username != null && !username.isBlank()) {
            var login = users.find(username.strip()).filter(user -> user.has(Role.VOLUNTEER))
                    .orElseThrow(() -> new DomainException("volunteer.login.unknown", username.strip()));
            volunteers.findByUsername(login.username()).filter(other -> !other.id().equals(id)).ifPresent(other -> {
                throw new DomainException("volunteer.login.taken", login.username());
            });
        }
        return change(id, seenVersion, volunteer -> volunteer.tieLogin(username));
    }

    /**
     * The nightly run: every onboarded or paused volunteer whose required requirement lapsed is expired, the lapsed
     * requirements named in the history, and their open assignments handed back. Returns how many expired.
     */
    @Transactional
    public int expireLapsed() {
        var today = today();
        int expired = 0;
        for (var volunteer : volunteers.findLapsed(today)) {
            String reason = "Udløbet: " + String.join(", ", volunteer.missingOn(today).stream()
                    .map(Volunteers::requirementName).toList());
            if (volunteer.expireIfLapsed(today, reason, CitizenWork.SYSTEM, clock.instant())) {
                var saved = volunteers.save(volunteer);
                handBack(saved, CitizenWork.SYSTEM);
                expired++;
            }
        }
        return expired;
    }

    /**
     * Opbevaring: each volunteer who stopped (declined, left, expired) more than
     * {@code brobygger.referral.volunteer-retention-days} ago (default two years) is anonymised: their own data go,
     * the referrals' histories name them "tidligere frivillig". Returns how many.
     */
    @Transactional
    public int anonymiseStopped() {
        var before = clock.instant().minus(java.time.Duration.ofDays(retentionDays));
        int anonymised = 0;
        for (var volunteer : volunteers.findStoppedBefore(before)) {
            String formerName = volunteer.name();
            volunteer.anonymise(CitizenWork.SYSTEM, clock.instant());
            forgetName(volunteers.save(volunteer), formerName);
            anonymised++;
        }
        return anonymised;
    }

    /**
     * The referral histories written while the volunteer went along ("Følges af Anna Holm") name them as "tidligere
     * frivillig" once they are anonymised; the lines stay, and each referral gets a new version so a form open on it
     * cannot write the old line back.
     */
    private void forgetName(Volunteer volunteer, String formerName) {
        if (!volunteer.isAnonymised()) {
            return;
        }
        jdbc.sql("DELETE FROM volunteer_photo WHERE volunteer_id = :id").param("id", volunteer.id()).update();
        reads.forget(volunteer.id());
        events.publishEvent(new VolunteerAnonymised(volunteer.id(), Volunteer.FORMER));
        if (formerName.equals(Volunteer.FORMER)) {
            return;
        }
        var ofVolunteer = assignments.findByVolunteerIdOrderByAssignedAtDesc(volunteer.id()).stream()
                .map(assignment -> assignment.referral().value()).distinct().toList();
        for (UUID referral : ofVolunteer) {
            int changed = jdbc.sql("""
                    UPDATE referral_change SET reason = :former
                     WHERE referral_id = :referral AND reason = :named
                    """).param("former", "Følges af tidligere frivillig").param("referral", referral)
                    .param("named", "Følges af " + formerName).update();
            if (changed > 0) {
                jdbc.sql("UPDATE referral SET version = version + 1 WHERE id = :id").param("id", referral).update();
            }
        }
    }

    /** A suggested volunteer and why. */
    public record Suggested(VolunteerSuggestions.Suggestion volunteer, List<VolunteerSuggestions.Reason> reasons) {
    }

    /** The referral volunteers are suggested for: what the page and the ranking need of it. */
    public record Referred(ReferralId id, CitizenId citizen, UUID offerId, String offerName, UUID organizationId) {
    }

    /**
     * The suggestions for one referral, with what they were ranked for, and the volunteers already asked to go
     * along (newest first).
     */
    public record Suggestions(Referred referral, VolunteerSuggestions.Need need, List<Suggested> volunteers,
            List<Named> asked) {
    }

    /**
     * Volunteers ranked for a referral staff may see (the citizen's record read through the gate for the postcode
     * and language): for the interests given, else those the offer's name speaks of, and a peer when asked for. One
     * transaction for the page: the referral's few facts, the gate, the ranking and the volunteers already asked.
     */
    @Transactional
    public Suggestions suggest(ReferralId referralId, java.util.@Nullable Set<Interest> interests, boolean peer) {
        var referral = jdbc.sql("""
                SELECT citizen_id, offer_id, offer_name, organization_id FROM referral WHERE id = :id
                """).param("id", referralId.value())
                .query((rs, n) -> new Referred(referralId, new CitizenId(rs.getObject("citizen_id", UUID.class)),
                        rs.getObject("offer_id", UUID.class), rs.getString("offer_name"),
                        rs.getObject("organization_id", UUID.class)))
                .optional().orElseThrow(() -> new NotFoundException("referral"));
        // One audited read for the page: the gate reads the citizen (need-to-know) before anything is shown.
        var citizen = records.readWithHeading(referral.citizen(), "Fandt frivillige til følgeskab");
        var offer = offers.find(referral.offerId(), null);
        var wanted = interests == null || interests.isEmpty()
                ? VolunteerSuggestions.interestsOf(referral.offerName()) : interests;
        var need = new VolunteerSuggestions.Need(citizen.address().postcode(), citizen.circumstances().language(),
                wanted, offer.map(VolunteerSuggestions::slots).orElse(List.of()), peer, referral.organizationId(),
                today());
        return new Suggestions(referral, need, suggestions.suggest(need).stream()
                .map(found -> new Suggested(found, VolunteerSuggestions.reasons(found, need))).toList(),
                ofReferral(referralId));
    }

    /** The consent in force allows showing the citizen's shared fields of this referral to its volunteer. */
    @Transactional
    public boolean consented(Referral referral) {
        return !records.readAsParty(List.of(referral.citizen()), dk.brobygger.citizen.ConsentParty.ASSOCIATION,
                referral.organizationName(), "Frivillig åbnede en opgave om følgeskab").isEmpty();
    }

    /** The referral an assignment of the logged-in volunteer is for. */
    @Transactional(readOnly = true)
    public Referral referralOf(Assignment assignment) {
        return referral(assignment);
    }

    /**
     * The citizen withdrew the consent to share with an association (every association when none was named): the
     * open assignments on the citizen's referrals to it end at once.
     */
    @Transactional
    public void consentWithdrawn(CitizenId citizen, @Nullable String association) {
        referrals.findByCitizenIdOrderByCreatedAtDesc(citizen.value()).stream()
                .filter(referral -> association == null || association.isBlank()
                        || referral.organizationName().equalsIgnoreCase(association.strip()))
                .forEach(referral -> endSharing(referral.id(), Referrals.CONSENT_WITHDRAWN));
    }

    /** Who goes with the citizen, as the citizen is told: the volunteer's first name, whether a peer, when and where. */
    public record Companion(String firstName, boolean peer, @Nullable LocalDateTime meetingAt,
            @Nullable String meetingPlace, boolean photo) {
    }

    /**
     * The volunteer who said yes to go with the logged-in citizen on one of their own referrals (read through the
     * gate, audited), for the photo the citizen is shown; none when no one has said yes.
     */
    @Transactional
    public java.util.Optional<UUID> companionOf(ReferralId referral) {
        var own = referralService.ownForReading(referral, "Så billedet af den, der går med");
        return assignments.findOpenOfReferral(own.id().value()).stream()
                .filter(assignment -> assignment.status() == Assignment.Status.ACCEPTED).findFirst()
                .map(Assignment::volunteerId);
    }

    /**
     * For the citizen's own referrals: the volunteer who said yes to go along on each, by referral id. Only the
     * first name is told (the volunteer's own data stay with the register).
     */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, Companion> companions(List<Referral> own) {
        var found = new java.util.HashMap<UUID, Companion>();
        for (var referral : own) {
            assignments.findOpenOfReferral(referral.id().value()).stream()
                    .filter(assignment -> assignment.status() == Assignment.Status.ACCEPTED).findFirst()
                    .flatMap(assignment -> volunteers.findById(assignment.volunteerId()).map(volunteer ->
                            new Companion(Referrals.firstName(volunteer.name()), volunteer.peer(),
                                    assignment.meetingAt(), assignment.meetingPlace(), hasPhoto(volunteer.id()))))
                    .ifPresent(companion -> found.put(referral.id().value(), companion));
        }
        return found;
    }

    private boolean hasPhoto(UUID volunteer) {
        return jdbc.sql("SELECT COUNT(*) FROM volunteer_photo WHERE volunteer_id = :id").param("id", volunteer)
                .query(Long.class).single() > 0;
    }

    /** An assignment with its volunteer's name, as the referral page lists it. */
    public record Named(Assignment assignment, String volunteerName, boolean peer) {
    }

    /** The assignments of one referral, newest first, for staff who may see the referral. */
    @Transactional(readOnly = true)
    public List<Named> ofReferral(ReferralId referral) {
        return assignments.findByReferralIdOrderByAssignedAtDesc(referral.value()).stream()
                .map(assignment -> volunteers.findById(assignment.volunteerId())
                        .map(volunteer -> new Named(assignment, volunteer.name(), volunteer.peer()))
                        .orElse(new Named(assignment, "", false)))
                .toList();
    }

    /** A volunteer's assignments, newest first, for the volunteer's page. */
    @Transactional(readOnly = true)
    public List<Assignment> ofVolunteer(UUID volunteer) {
        return assignments.findByVolunteerIdOrderByAssignedAtDesc(volunteer);
    }

    /**
     * Staff ask a volunteer to go with the citizen of a referral they may see: only an onboarded volunteer whose
     * vetting is valid, only to an accepted referral that asked for accompaniment, and not twice. The meeting time
     * is the first date the association proposed unless another is given; the place the offer's address unless
     * another is given.
     */
    @Transactional
    public Assignment assign(ReferralId referralId, @Nullable UUID volunteerId, @Nullable LocalDateTime meetingAt,
            @Nullable String meetingPlace) {
        var referral = referralService.get(referralId);
        if (volunteerId == null) {
            throw new DomainException("volunteer.assign.missing");
        }
        var volunteer = volunteers.findById(volunteerId).orElseThrow(() -> new NotFoundException("volunteer"));
        if (!referral.accompaniment()) {
            throw new DomainException("volunteer.assign.noAccompaniment");
        }
        if (referral.status() != ReferralStatus.ACCEPTED && referral.status() != ReferralStatus.IN_PROGRESS) {
            throw new DomainException("volunteer.assign.notAccepted",
                    new org.springframework.context.support.DefaultMessageSourceResolvable(referral.status().messageKey()));
        }
        if (volunteer.stage() == VolunteerStage.PAUSED) {
            throw new DomainException("volunteer.assign.paused", volunteer.name());
        }
        if (volunteer.stage() != VolunteerStage.ONBOARDED) {
            throw new DomainException("volunteer.assign.notOnboarded", volunteer.name(),
                    new org.springframework.context.support.DefaultMessageSourceResolvable(volunteer.stage().messageKey()));
        }
        if (!volunteer.isVettedOn(today())) {
            throw new DomainException("volunteer.assign.unvetted", volunteer.name());
        }
        if (assignments.findOpenOfReferral(referral.id().value()).stream()
                .anyMatch(open -> open.volunteerId().equals(volunteer.id()))) {
            throw new DomainException("volunteer.assign.twice", volunteer.name());
        }
        LocalDateTime when = meetingAt != null ? meetingAt : referral.firstDate();
        if (when != null && meetingAt != null && when.isBefore(LocalDateTime.now(clock.withZone(DanishTime.ZONE)))) {
            throw new DomainException("volunteer.assign.past");
        }
        String where = meetingPlace != null && !meetingPlace.isBlank() ? meetingPlace
                : offers.find(referral.offerId(), null).map(offer -> offer.name() + ", " + offer.address() + ", "
                        + offer.postalCode() + " " + offer.city()).orElse(referral.offerName());
        return assignments.save(Assignment.propose(volunteer.id(), referral.id(), when, where, username(),
                clock.instant()));
    }

    /** The logged-in volunteer's record. */
    @Transactional(readOnly = true)
    public Volunteer me() {
        var user = users.current().filter(u -> u.has(Role.VOLUNTEER))
                .orElseThrow(() -> new AccessDeniedException("Only volunteers have assignments"));
        return volunteers.findByUsername(user.username()).orElseThrow(() -> new NotFoundException("volunteer"));
    }

    /** One of the logged-in volunteer's own assignments; anyone else's is not found. */
    @Transactional(readOnly = true)
    public Assignment mine(UUID assignmentId) {
        var me = me();
        return assignments.findById(assignmentId).filter(a -> a.volunteerId().equals(me.id()))
                .orElseThrow(() -> new NotFoundException("assignment"));
    }

    /** The volunteer says yes: the referral gets its buddy and the referrer is told. */
    @Transactional
    public Assignment accept(UUID assignmentId, long seenVersion) {
        var assignment = mine(assignmentId);
        requireVersion(assignment.version(), seenVersion);
        var me = me();
        if (!me.isAssignableOn(today())) {
            throw new DomainException("volunteer.assign.unvetted", me.name());
        }
        var referral = referral(assignment);
        referral.buddyAssigned(me.name(), me.username() == null ? username() : me.username(), clock.instant());
        assignment.accept(clock.instant());
        var saved = save(assignment);
        saveReferral(referral);
        notifications.toUser(referral.referrer(), referral.id(), "volunteer.notify.accepted");
        return saved;
    }

    /** The volunteer says no; the referrer is told, to find another. */
    @Transactional
    public Assignment decline(UUID assignmentId, long seenVersion, @Nullable String reason) {
        var assignment = mine(assignmentId);
        requireVersion(assignment.version(), seenVersion);
        assignment.decline(reason, clock.instant());
        var saved = save(assignment);
        notifications.toUser(referral(saved).referrer(), saved.referral(), "volunteer.notify.declined");
        return saved;
    }

    /** The two taps after the visit (and, if told, how long it took): kept on the assignment and in the referral's history, the referrer told. */
    @Transactional
    public Assignment report(UUID assignmentId, long seenVersion, Assignment.@Nullable Visit visit,
            Assignment.@Nullable Next next, @Nullable Integer minutes) {
        var assignment = mine(assignmentId);
        requireVersion(assignment.version(), seenVersion);
        assignment.report(visit, next, minutes, today(), clock.instant());
        var referral = referral(assignment);
        referral.buddyReported(visit == Assignment.Visit.WENT_TOGETHER, reportText(visit, next), username(),
                clock.instant());
        var saved = save(assignment);
        saveReferral(referral);
        notifications.toUser(referral.referrer(), referral.id(), "volunteer.notify.reported");
        return saved;
    }

    /**
     * The volunteer records another accompanied time on their own assignment (Hedensted's falling support, see
     * {@link Assignment#accompanied}); the referral's history and its referrer hear of it, and "goes alone" is said
     * so in the history.
     */
    @Transactional
    public Assignment accompanied(UUID assignmentId, long seenVersion, @Nullable LocalDate on,
            Assignment.@Nullable Support support, @Nullable Integer minutes) {
        var assignment = mine(assignmentId);
        requireVersion(assignment.version(), seenVersion);
        assignment.accompanied(on, support, minutes, today(), clock.instant());
        var saved = save(assignment);
        var referral = referral(assignment);
        if (referral.isOpen()) {
            referral.accompaniedAgain(saved.times().size(), supportText(java.util.Objects.requireNonNull(support)),
                    username(), clock.instant());
            saveReferral(referral);
        }
        notifications.toUser(referral.referrer(), referral.id(), "volunteer.notify.time");
        return saved;
    }

    static String supportText(Assignment.Support support) {
        return switch (support) {
            case ALL_THE_WAY -> "gik med hele vejen";
            case AT_THE_DOOR -> "mødtes ved døren";
            case PHONE_BEFORE -> "ringede før";
            case ALONE -> "borgeren gik alene";
        };
    }

    /**
     * The referral no longer shares the citizen with anyone (consent withdrawn, the referral closed): every open
     * assignment on it ends at once, so its volunteer sees nothing more of the citizen.
     */
    @Transactional
    public void endSharing(ReferralId referral, String why) {
        for (var assignment : assignments.findOpenOfReferral(referral.value())) {
            assignment.end(why);
            assignments.save(assignment);
        }
    }

    /** Required requirements lapsing within {@link #WARN_DAYS} or lapsed, for the warning on the pages. */
    public static boolean warns(Volunteer volunteer, LocalDate today) {
        return !volunteer.lapsingWithin(WARN_DAYS, today).isEmpty();
    }

    static String reportText(Assignment.@Nullable Visit visit, Assignment.@Nullable Next next) {
        String how = visit == Assignment.Visit.WENT_TOGETHER ? "Frivillig: gik med ind" : "Frivillig: borgeren kom ikke";
        String then = switch (next) {
            case AGAIN_TOGETHER -> "borgeren vil gerne med igen";
            case ALONE -> "borgeren vil gå alene næste gang";
            case NOT_AGAIN -> "borgeren vil ikke igen";
            case null -> "";
        };
        return how + "; " + then + ".";
    }

    /** Each open assignment handed back, with notice to the referrer. */
    private void handBack(Volunteer volunteer, String by) {
        for (var assignment : assignments.findOpenOfVolunteer(volunteer.id())) {
            String why = volunteer.isAnonymised()
                    ? "Den frivillige er fjernet fra registret; find en anden til at gå med."
                    : "Den frivillige er ikke længere aktiv (" + stageName(volunteer.stage()) + "); find en anden til at gå med.";
            assignment.handBack(why);
            assignments.save(assignment);
            referrals.findById(assignment.referral().value()).ifPresent(referral -> {
                referral.buddyHandedBack(why, by, clock.instant());
                saveReferral(referral);
                notifications.toUser(referral.referrer(), referral.id(), "volunteer.notify.handedBack");
            });
        }
    }

    private static String stageName(VolunteerStage stage) {
        return switch (stage) {
            case PAUSED -> "holder pause";
            case EXPIRED -> "godkendelsen er udløbet";
            case DECLINED -> "stoppet";
            default -> stage.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String requirementName(Requirement kind) {
        return switch (kind) {
            case CRIMINAL_RECORD -> "straffeattest";
            case CONFIDENTIALITY -> "tavshedserklæring";
            case PEER_TRAINING -> "peeruddannelse";
            case INTRODUCTION -> "introduktion";
        };
    }

    private Volunteer change(UUID id, long seenVersion, Consumer<Volunteer> change) {
        var volunteer = visible(id, keeper());
        requireVersion(volunteer.version(), seenVersion);
        change.accept(volunteer);
        try {
            return volunteers.save(volunteer);
        } catch (OptimisticLockingFailureException e) {
            throw new DomainException("volunteer.stale");
        }
    }

    private Volunteer visible(UUID id, BrobyggerUser user) {
        return volunteers.findById(id).filter(volunteer -> isStaff(user)
                        || (volunteer.organizationId() != null && volunteer.organizationId().equals(user.organizationId())))
                .orElseThrow(() -> new NotFoundException("volunteer"));
    }

    private Referral referral(Assignment assignment) {
        return referrals.findById(assignment.referral().value()).orElseThrow(() -> new NotFoundException("referral"));
    }

    private Assignment save(Assignment assignment) {
        try {
            return assignments.save(assignment);
        } catch (OptimisticLockingFailureException e) {
            throw new DomainException("volunteer.stale");
        }
    }

    private void saveReferral(Referral referral) {
        try {
            referrals.save(referral);
        } catch (OptimisticLockingFailureException e) {
            throw new DomainException("referral.stale");
        }
    }

    private static void requireVersion(@Nullable Long version, long seen) {
        if (version == null || version != seen) {
            throw new DomainException("volunteer.stale");
        }
    }

    private String organizationName(UUID organization) {
        return offers.organizationName(organization).orElse("");
    }

    /** Staff and managers keep the municipality's volunteers; an association's contact its own. */
    BrobyggerUser keeper() {
        return users.current().filter(user -> isStaff(user)
                        || (user.has(Role.ASSOCIATION_CONTACT) && user.organizationId() != null))
                .orElseThrow(() -> new AccessDeniedException("Only staff and association contacts keep volunteers"));
    }

    static boolean isStaff(BrobyggerUser user) {
        return user.has(Role.STAFF) || user.has(Role.MANAGER);
    }

    private String username() {
        return users.currentOrFail().username();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(DanishTime.ZONE));
    }

    static final EnumSet<VolunteerStage> LEFT = EnumSet.of(VolunteerStage.PAUSED, VolunteerStage.EXPIRED,
            VolunteerStage.DECLINED);
}
