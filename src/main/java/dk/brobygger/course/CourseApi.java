package dk.brobygger.course;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.web.Problems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Én indgang as JSON, for the municipality's own tools: hosts list, read and record inquiries and start a course
 * from one, mark one contacted, close one with its outcome or link it to a citizen (who and why); staff read a
 * course and a citizen's courses, record contacts, move the phase (backwards with a reason), change the status (on
 * hold, active again, cancelled with a reason, as the course allows), move the planned exit, involve a relative (only
 * with the citizen's consent to share with relatives: the gate refuses and audits without it), record the KL codes
 * and the exit. The same services as the pages, so the same rules: need-to-know and audit through the gate
 * ({@link Inquiries}, {@link Courses}), a broken rule an RFC 9457 problem in Danish, a change made from a version
 * someone else has changed meanwhile a 409 with nothing overwritten, and a change without a version a 400.
 */
@RestController
@Tag(name = "Én indgang", description = "Henvendelser og forløb (issue 16)")
class CourseApi {

    /** An inquiry as a host sees it; {@code citizenName} only when the host may see the citizen. */
    record InquiryView(UUID id, Instant receivedAt, InquiryChannel channel, InquirySource source,
            @Nullable String contactName, @Nullable String contactRoute, @Nullable String onBehalfOf, String wish,
            Urgency urgency, CitizenKnows citizenKnows, boolean young, @Nullable UUID citizenId,
            @Nullable String citizenName, @Nullable Instant contactedAt, @Nullable InquiryOutcome outcome,
            @Nullable String outcomeNote, @Nullable Instant closedAt, long version) {

        static InquiryView of(Inquiry inquiry, @Nullable String citizenName) {
            return new InquiryView(inquiry.id().value(), inquiry.receivedAt(), inquiry.channel(), inquiry.source(),
                    inquiry.contactName(), inquiry.contactRoute(), inquiry.onBehalfOf(), inquiry.wish(),
                    inquiry.urgency(), inquiry.citizenKnows(), inquiry.young(),
                    inquiry.citizen() == null ? null : inquiry.citizen().value(), citizenName, inquiry.contactedAt(),
                    inquiry.outcome(), inquiry.outcomeNote(), inquiry.closedAt(), inquiry.version());
        }
    }

    /** The host's board: today's and every open inquiry, newest first, and how many still wait for contact. */
    record BoardView(List<InquiryView> inquiries, long today, long waiting, long urgentWaiting) {
    }

    /**
     * An inquiry as a host records it; codes as text: channel PHONE, WALK_IN, EMAIL, MEETING; source CITIZEN,
     * RELATIVE, ASSOCIATION, GP, PSYCHOLOGIST, REGION, SCHOOL, JOBCENTRE, ANONYMOUS; urgency TODAY, THIS_WEEK
     * (default), CAN_WAIT; citizenKnows KNOWS_AND_AGREES, KNOWS_NOT_AGREED, DOES_NOT_KNOW, UNKNOWN (default).
     */
    record InquiryRequest(@Nullable String channel, @Nullable String source, @Nullable String contactName,
            @Nullable String contactRoute, @Nullable String onBehalfOf, @Nullable String wish,
            @Nullable String urgency, @Nullable String citizenKnows, @Nullable Boolean young) {
    }

    /**
     * A course started from an inquiry at the version the host saw, for the citizen with this CPR number (or this
     * citizen id, for one the host already works with). status PLANNED, WAITLIST, ACTIVE (default); plannedExit
     * COMMUNITY, MUNICIPAL_SERVICE, REGION, NO_MORE_HELP.
     */
    record StartRequest(@Nullable Long version, @Nullable String cpr, @Nullable UUID citizenId, @Nullable UUID type,
            @Nullable String team, @Nullable String status, @Nullable String plannedExit,
            @Nullable String plannedExitTo, @Nullable LocalDate plannedExitOn, @Nullable String peerHost) {
    }

    /** A contact: kind CONVERSATION, HOME_VISIT, PHONE, VIDEO, GROUP; when (default now), minutes 1–600, a note. */
    record ContactRequest(@Nullable String kind, @Nullable String who, @Nullable LocalDateTime at,
            @Nullable Integer minutes, @Nullable String note) {
    }

    /** A move to another phase (its position, the first is 0); backwards needs a reason. */
    record PhaseRequest(@Nullable Long version, @Nullable Integer phase, @Nullable String reason) {
    }

    /** The exit: where the citizen goes (kind, to), when, whether the citizen agrees, a note. */
    record ExitRequest(@Nullable Long version, @Nullable String kind, @Nullable String to, @Nullable LocalDate on,
            @Nullable Boolean citizenAgrees, @Nullable String note) {
    }

    /** The version of the inquiry the host saw, for marking it contacted. */
    record VersionRequest(@Nullable Long version) {
    }

    /** An inquiry closed without a course: outcome ADVICE_GIVEN, REFERRED_ELSEWHERE or NO_CONTACT, and a note. */
    record CloseRequest(@Nullable Long version, @Nullable String outcome, @Nullable String note) {
    }

    /** An inquiry linked to the citizen with this CPR number (one the host works with), and why. */
    record LinkRequest(@Nullable Long version, @Nullable String cpr, @Nullable String reason) {
    }

    /** A change of status: WAITLIST, ACTIVE, ONHOLD or CANCELLED (with a reason); FINISHED only by the exit. */
    record StatusRequest(@Nullable Long version, @Nullable String status, @Nullable String reason) {
    }

    /**
     * A new planned exit: kind COMMUNITY, MUNICIPAL_SERVICE, REGION, NO_MORE_HELP; to (where); on (a date); offerId,
     * only with COMMUNITY, the directory offer (in the portal, running) the exit plans for, whose name is "to" when
     * "to" is left out. Without offerId the planned exit names no offer.
     */
    record PlannedExitRequest(@Nullable Long version, @Nullable String kind, @Nullable String to,
            @Nullable LocalDate on, @Nullable UUID offerId) {
    }

    /** A relative involved on the citizen's wish: name, relation (e.g. mother), young for a child or young relative. */
    record RelativeRequest(@Nullable String name, @Nullable String relation, @Nullable Boolean young) {
    }

    /**
     * The KL codes: supportNeed (FFB) NONE, LIGHT, MODERATE, HIGH, COMPLETE; followUpResult (FSIII) CONTINUES,
     * CHANGED_WITHIN_FRAME, ENDS, REVISITATION; either may be left out (not assessed).
     */
    record KlCodesRequest(@Nullable Long version, @Nullable String supportNeed, @Nullable String followUpResult) {
    }

    /** A planned or actual exit. */
    record ExitView(ExitKind kind, @Nullable String to, LocalDate on) {

        static @Nullable ExitView of(Course.@Nullable Exit exit) {
            return exit == null ? null : new ExitView(exit.kind(), exit.to(), exit.on());
        }
    }

    /** A course in short, as the citizen's list shows it. */
    record CourseSummary(UUID id, UUID citizenId, UUID typeId, String typeName, String team, String responsible,
            CourseStatus status, int phase, Instant startedAt, @Nullable ExitView plannedExit, @Nullable ExitView exit,
            @Nullable Instant endedAt, @Nullable SupportNeed supportNeed, @Nullable FollowUpResult followUpResult,
            long version) {

        static CourseSummary of(Course course, String typeName) {
            return new CourseSummary(course.id().value(), course.citizen().value(), course.typeId(), typeName,
                    course.team(), course.responsible(), course.status(), course.phase(), course.startedAt(),
                    ExitView.of(course.plannedExit()), ExitView.of(course.exit()), course.endedAt(),
                    course.supportNeed(), course.followUpResult(), course.version());
        }
    }

    /**
     * A course as its page shows it: type, phase, exits, contacts and history. plannedExitOffer is the directory
     * offer the planned exit names (its id, its name when chosen, and whether it is still available in the portal).
     */
    record CourseView(UUID id, UUID citizenId, @Nullable UUID inquiryId, UUID typeId, String typeName, String team,
            String responsible, @Nullable String peerHost, CourseStatus status, int phase, String phaseName,
            LocalDate phaseStartedOn, LocalDate phaseDue, boolean phaseOverrun, Instant startedAt,
            ExitView plannedExit, CourseExitOffers.@Nullable PlannedOffer plannedExitOffer, @Nullable ExitView exit,
            @Nullable Boolean exitCitizenAgrees,
            @Nullable String exitNote, @Nullable Instant endedAt, @Nullable Integer returnedAfterDays,
            @Nullable SupportNeed supportNeed, @Nullable FollowUpResult followUpResult, List<Courses.Contact> contacts,
            List<Courses.Relative> relatives, List<Course.Change> history, long version) {

        static CourseView of(Courses.Page page, CourseExitOffers.@Nullable PlannedOffer plannedOffer) {
            var course = page.course();
            return new CourseView(course.id().value(), course.citizen().value(),
                    course.inquiry() == null ? null : course.inquiry().value(), course.typeId(), page.type().name(),
                    course.team(), course.responsible(), course.peerHost(), course.status(), course.phase(),
                    page.type().phase(course.phase()).name(), course.phaseStartedOn(), page.phaseDue(),
                    page.overrun(), course.startedAt(), ExitView.of(course.plannedExit()), plannedOffer,
                    ExitView.of(course.exit()),
                    course.exitCitizenAgrees(), course.exitNote(), course.endedAt(), course.returnedAfterDays(),
                    course.supportNeed(), course.followUpResult(), page.contacts(), page.relatives(), course.history(),
                    course.version());
        }
    }

    private final Inquiries inquiries;
    private final Courses courses;
    private final CourseTypes types;
    private final Problems problems;
    private final CourseExitOffers exitOffers;

    CourseApi(Inquiries inquiries, Courses courses, CourseTypes types, Problems problems,
            CourseExitOffers exitOffers) {
        this.inquiries = inquiries;
        this.courses = courses;
        this.exitOffers = exitOffers;
        this.types = types;
        this.problems = problems;
    }

    @GetMapping("/api/inquiries")
    @Operation(summary = "Værtens tavle: dagens og alle åbne henvendelser, nyeste først (kun værter)")
    BoardView board() {
        var board = inquiries.board();
        return new BoardView(board.rows().stream().map(row -> InquiryView.of(row.inquiry(), row.citizenName()))
                .toList(), board.today(), board.waiting(), board.urgentWaiting());
    }

    @GetMapping("/api/inquiries/{id}")
    @Operation(summary = "En henvendelse (kun værter; læsningen logges på borgeren eller som anonym)")
    InquiryView inquiry(@PathVariable UUID id) {
        var shown = inquiries.get(new InquiryId(id));
        return InquiryView.of(shown.inquiry(), shown.citizenName());
    }

    @PostMapping("/api/inquiries")
    @Operation(summary = "Registrér en henvendelse, der kom pr. telefon, personligt, mail eller på et møde (kun værter)")
    ResponseEntity<InquiryView> record(@RequestBody InquiryRequest request) {
        var source = Inputs.code(InquirySource.class, request.source());
        if (source == null) {
            throw new DomainException("course.inquiry.source.missing");
        }
        var channel = Inputs.code(InquiryChannel.class, request.channel());
        if (channel == null) {
            throw new DomainException("course.inquiry.channel.missing");
        }
        var urgency = Inputs.code(Urgency.class, request.urgency());
        var knows = Inputs.code(CitizenKnows.class, request.citizenKnows());
        var inquiry = inquiries.record(new Inquiry.Received(channel, source, request.contactName(),
                request.contactRoute(), request.onBehalfOf(), request.wish() == null ? "" : request.wish(),
                urgency == null ? Urgency.THIS_WEEK : urgency, knows == null ? CitizenKnows.UNKNOWN : knows,
                Boolean.TRUE.equals(request.young()), null, null));
        return ResponseEntity.created(URI.create("/api/inquiries/" + inquiry.id()))
                .body(InquiryView.of(inquiry, null));
    }

    @PostMapping("/api/inquiries/{id}/courses")
    @Operation(summary = "Start et forløb fra henvendelsen (den version, værten så), for borgeren med CPR-nummeret")
    ResponseEntity<CourseView> start(@PathVariable UUID id, @RequestBody StartRequest request) {
        var course = courses.start(new Courses.Start(new InquiryId(id), version(request.version()),
                request.citizenId() == null ? null : new CitizenId(request.citizenId()), request.cpr(), request.type(),
                request.team(), Inputs.code(CourseStatus.class, request.status()),
                Inputs.code(ExitKind.class, request.plannedExit()), request.plannedExitTo(), request.plannedExitOn(),
                request.peerHost()));
        return ResponseEntity.created(URI.create("/api/courses/" + course.id()))
                .body(view(course.id()));
    }

    @GetMapping("/api/courses/{id}")
    @Operation(summary = "Et forløb med kontakter og historik (need-to-know, logges)")
    CourseView course(@PathVariable UUID id) {
        return view(new CourseId(id));
    }

    @GetMapping("/api/courses")
    @Operation(summary = "En borgers forløb, nyeste først (citizen: borgerens id; need-to-know, logges)")
    List<CourseSummary> ofCitizen(@RequestParam UUID citizen) {
        return courses.ofCitizen(new CitizenId(citizen)).courses().stream()
                .map(other -> CourseSummary.of(other.course(), other.typeName())).toList();
    }

    @PostMapping("/api/courses/{id}/contacts")
    @Operation(summary = "Registrér en kontakt i et åbent forløb (kontakter tilføjes, de rettes ikke)")
    ResponseEntity<Courses.Contact> contact(@PathVariable UUID id, @RequestBody ContactRequest request) {
        var contact = courses.recordContact(new CourseId(id), new Courses.NewContact(
                Inputs.code(ContactKind.class, request.kind()), request.who(), request.at(), request.minutes(),
                request.note()));
        return ResponseEntity.created(URI.create("/api/courses/" + id)).body(contact);
    }

    @PostMapping("/api/courses/{id}/phase")
    @Operation(summary = "Flyt forløbet til en anden fase (den første er 0); tilbage kræver en begrundelse")
    CourseView phase(@PathVariable UUID id, @RequestBody PhaseRequest request) {
        var course = new CourseId(id);
        courses.movePhase(course, version(request.version()), request.phase() == null ? -1 : request.phase(),
                request.reason());
        return view(course);
    }

    @PostMapping("/api/courses/{id}/exit")
    @Operation(summary = "Afslut forløbet med en udgang; teamets adgang til borgeren slutter med det, så svaret er "
            + "forløbet i kort form")
    CourseSummary exit(@PathVariable UUID id, @RequestBody ExitRequest request) {
        var course = courses.exit(new CourseId(id), version(request.version()),
                Inputs.code(ExitKind.class, request.kind()), request.to(), request.on(), request.citizenAgrees(),
                request.note());
        return CourseSummary.of(course, types.get(course.typeId()).name());
    }

    @PostMapping("/api/inquiries/{id}/contacted")
    @Operation(summary = "Markér, at værten har talt med den, der henvendte sig (den version, værten så)")
    InquiryView contacted(@PathVariable UUID id, @RequestBody VersionRequest request) {
        var inquiry = inquiries.markContacted(new InquiryId(id), version(request.version()));
        return inquiry(inquiry.id().value());
    }

    @PostMapping("/api/inquiries/{id}/close")
    @Operation(summary = "Afslut henvendelsen uden forløb med et udfald (ADVICE_GIVEN, REFERRED_ELSEWHERE, "
            + "NO_CONTACT) og en note")
    InquiryView close(@PathVariable UUID id, @RequestBody CloseRequest request) {
        var outcome = Inputs.code(InquiryOutcome.class, request.outcome());
        if (outcome != null && !InquiryOutcome.BY_HOST.contains(outcome)) {
            // A course started closes the inquiry by itself, never by hand.
            outcome = null;
        }
        var inquiry = inquiries.close(new InquiryId(id), version(request.version()), outcome, request.note());
        return inquiry(inquiry.id().value());
    }

    @PostMapping("/api/inquiries/{id}/link")
    @Operation(summary = "Knyt henvendelsen til borgeren med CPR-nummeret, som værten arbejder med, og sig hvorfor "
            + "(hvem og hvorfor gemmes)")
    InquiryView link(@PathVariable UUID id, @RequestBody LinkRequest request) {
        var inquiry = inquiries.link(new InquiryId(id), version(request.version()), request.cpr(), request.reason());
        return inquiry(inquiry.id().value());
    }

    @PostMapping("/api/courses/{id}/status")
    @Operation(summary = "Skift forløbets status: WAITLIST, ACTIVE, ONHOLD eller CANCELLED (med begrundelse), som "
            + "forløbet tillader; FINISHED kun med en udgang. Et annulleret forløb afslutter teamets adgang, så svaret "
            + "er da forløbet i kort form")
    CourseSummary status(@PathVariable UUID id, @RequestBody StatusRequest request) {
        var status = Inputs.code(CourseStatus.class, request.status());
        if (request.status() != null && !request.status().isBlank() && status == null) {
            throw new DomainException("course.status.notAllowed");
        }
        var course = courses.changeStatus(new CourseId(id), version(request.version()), status, request.reason());
        return CourseSummary.of(course, types.get(course.typeId()).name());
    }

    @PostMapping("/api/courses/{id}/planned-exit")
    @Operation(summary = "Flyt den planlagte udgang (hvilken slags, hvortil, hvornår); opgaven på den ansvarliges "
            + "liste følger datoen. Ved udgang til et fællesskab kan offerId pege på tilbuddet i portalen (det skal "
            + "være offentligt og køre); uden offerId nævner den planlagte udgang intet tilbud")
    CourseView plannedExit(@PathVariable UUID id, @RequestBody PlannedExitRequest request) {
        var course = new CourseId(id);
        exitOffers.planExit(course, version(request.version()), Inputs.code(ExitKind.class, request.kind()),
                request.to(), request.on(), request.offerId());
        return view(course);
    }

    @PostMapping("/api/courses/{id}/relatives")
    @Operation(summary = "Inddrag en pårørende i forløbet, kun efter borgerens ønske: uden borgerens samtykke til "
            + "deling med pårørende afvises det (og logges). Pårørende tilføjes som kontakter, uden version")
    ResponseEntity<Courses.Relative> relative(@PathVariable UUID id, @RequestBody RelativeRequest request) {
        var relative = courses.involveRelative(new CourseId(id), request.name(), request.relation(),
                Boolean.TRUE.equals(request.young()));
        return ResponseEntity.created(URI.create("/api/courses/" + id)).body(relative);
    }

    @PostMapping("/api/courses/{id}/kl-codes")
    @Operation(summary = "Registrér forløbets KL-koder: støttebehov (FFB) og opfølgningsresultat (FSIII); udeladt er "
            + "ikke vurderet")
    CourseView klCodes(@PathVariable UUID id, @RequestBody KlCodesRequest request) {
        var course = new CourseId(id);
        courses.classify(course, version(request.version()),
                CoursePages.klCode(SupportNeed.class, request.supportNeed()),
                CoursePages.klCode(FollowUpResult.class, request.followUpResult()));
        return view(course);
    }

    private static long version(@Nullable Long version) {
        if (version == null) {
            throw new DomainException("course.version.missing");
        }
        return version;
    }

    /** A broken rule is a 400; a change from a version someone else changed meanwhile a 409, nothing saved. */
    @ExceptionHandler(DomainException.class)
    ProblemDetail refused(DomainException e, Locale locale) {
        return problems.of(e instanceof CourseConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST,
                e.messageKey(), "problem.domain", locale, e.arguments());
    }

    private CourseView view(CourseId course) {
        return CourseView.of(courses.page(course), exitOffers.planned(course).orElse(null));
    }
}
