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
 * from one; staff read a course and a citizen's courses, record contacts, move the phase (backwards with a reason)
 * and record the exit. The same services as the pages, so the same rules: need-to-know and audit through the gate
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

    /** A planned or actual exit. */
    record ExitView(ExitKind kind, @Nullable String to, LocalDate on) {

        static @Nullable ExitView of(Course.@Nullable Exit exit) {
            return exit == null ? null : new ExitView(exit.kind(), exit.to(), exit.on());
        }
    }

    /** A course in short, as the citizen's list shows it. */
    record CourseSummary(UUID id, UUID citizenId, UUID typeId, String typeName, String team, String responsible,
            CourseStatus status, int phase, Instant startedAt, @Nullable ExitView plannedExit, @Nullable ExitView exit,
            @Nullable Instant endedAt, long version) {

        static CourseSummary of(Course course, String typeName) {
            return new CourseSummary(course.id().value(), course.citizen().value(), course.typeId(), typeName,
                    course.team(), course.responsible(), course.status(), course.phase(), course.startedAt(),
                    ExitView.of(course.plannedExit()), ExitView.of(course.exit()), course.endedAt(), course.version());
        }
    }

    /** A course as its page shows it: type, phase, exits, contacts and history. */
    record CourseView(UUID id, UUID citizenId, @Nullable UUID inquiryId, UUID typeId, String typeName, String team,
            String responsible, @Nullable String peerHost, CourseStatus status, int phase, String phaseName,
            LocalDate phaseStartedOn, LocalDate phaseDue, boolean phaseOverrun, Instant startedAt,
            ExitView plannedExit, @Nullable ExitView exit, @Nullable Boolean exitCitizenAgrees,
            @Nullable String exitNote, @Nullable Instant endedAt, @Nullable Integer returnedAfterDays,
            List<Courses.Contact> contacts, List<Course.Change> history, long version) {

        static CourseView of(Courses.Page page) {
            var course = page.course();
            return new CourseView(course.id().value(), course.citizen().value(),
                    course.inquiry() == null ? null : course.inquiry().value(), course.typeId(), page.type().name(),
                    course.team(), course.responsible(), course.peerHost(), course.status(), course.phase(),
                    page.type().phase(course.phase()).name(), course.phaseStartedOn(), page.phaseDue(),
                    page.overrun(), course.startedAt(), ExitView.of(course.plannedExit()), ExitView.of(course.exit()),
                    course.exitCitizenAgrees(), course.exitNote(), course.endedAt(), course.returnedAfterDays(),
                    page.contacts(), course.history(), course.version());
        }
    }

    private final Inquiries inquiries;
    private final Courses courses;
    private final CourseTypes types;
    private final Problems problems;

    CourseApi(Inquiries inquiries, Courses courses, CourseTypes types, Problems problems) {
        this.inquiries = inquiries;
        this.courses = courses;
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
                .body(CourseView.of(courses.page(course.id())));
    }

    @GetMapping("/api/courses/{id}")
    @Operation(summary = "Et forløb med kontakter og historik (need-to-know, logges)")
    CourseView course(@PathVariable UUID id) {
        return CourseView.of(courses.page(new CourseId(id)));
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
        return CourseView.of(courses.page(course));
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
}
