package dk.brobygger.course;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.Citizen;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.citizen.CitizenWork;
import dk.brobygger.citizen.ConsentParty;
import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskList;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forløb: starting a course (the same day as the inquiry, when the host decides so), moving it through its
 * type's phases and states, recording contacts, involving relatives on the citizen's wish and ending it by its
 * exit. Starting is work that opens need-to-know for the course's team ({@link CitizenWork}, purpose "Én indgang"),
 * also for a citizen the municipality knows but the host does not yet work with, found by CPR number; the exit or a
 * cancellation ends it. Every read and change of the course passes the gate ({@link CitizenRecords}).
 */
@Service
public class Courses {

    /** The kind of work a course is, in need-to-know relations and tasks. */
    public static final String WORK = "course";
    /** The task on the responsible worker's list for the planned exit. */
    public static final String EXIT_TASK = "course.exit";

    /**
     * A start as the host asks for it: from an inquiry (at the version the host saw), for a citizen the host works
     * with ({@code citizen}) or one found by CPR number ({@code cpr}).
     */
    public record Start(@Nullable InquiryId inquiry, long inquiryVersion, @Nullable CitizenId citizen,
            @Nullable String cpr, @Nullable UUID type, @Nullable String team, @Nullable CourseStatus status,
            @Nullable ExitKind plannedExit, @Nullable String plannedExitTo, @Nullable LocalDate plannedExitOn,
            @Nullable String peerHost) {
    }

    /** A contact as typed. */
    public record NewContact(@Nullable ContactKind kind, @Nullable String who, @Nullable LocalDateTime at,
            @Nullable Integer minutes, @Nullable String note) {
    }

    /** A contact on the course, at the version a correction starts from. */
    public record Contact(UUID id, ContactKind kind, String who, Instant happenedAt, int minutes, @Nullable String note,
            String recordedBy, long version) {

        Contact(UUID id, ContactKind kind, String who, Instant happenedAt, int minutes, @Nullable String note,
                String recordedBy) {
            this(id, kind, who, happenedAt, minutes, note, recordedBy, 0);
        }
    }

    /**
     * A relative involved on the citizen's wish; {@code young} marks a child or young relative; how the relative takes
     * part now, at the version a change starts from.
     */
    public record Relative(UUID id, String name, String relation, boolean young, Instant recordedAt, String recordedBy,
            RelativeInvolvement involvement, long version, @Nullable NetworkGroup networkGroup) {
    }

    /**
     * Planned against actual intensity in one phase: weeks spent in it so far, contacts in that time, and whether
     * the planned intensity was kept (at least three quarters of it) and, where the plan lowers it, whether contact
     * actually fell from the phase before (CTI fidelity). Null where too little time has passed to tell.
     */
    public record PhaseFidelity(CourseType.Phase phase, double weeks, long contacts, @Nullable Double perWeek,
            @Nullable Boolean kept, @Nullable Boolean fell) {

        public String weeksText() {
            return String.format(java.util.Locale.ROOT, "%.1f", weeks).replace('.', ',');
        }

        public String perWeekText() {
            return perWeek == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", perWeek).replace('.', ',');
        }
    }

    /** An earlier or other course of the same citizen, for the host who sees the citizen now. */
    public record OtherCourse(Course course, String typeName) {
    }

    /** Everything the course page shows. */
    public record Page(Course course, CourseType type, Citizen citizen, List<Contact> contacts,
            List<PhaseFidelity> fidelity, boolean overrun, LocalDate phaseDue, List<Relative> relatives,
            Set<Recommendation> recommendationsDone, List<OtherCourse> others, List<Inquiry> inquiries,
            List<CourseEntries.EntryChange> corrections) {
    }

    /** A citizen looked up by CPR number: unknown, known and seen by the user, or known but not the user's. */
    record Lookup(boolean known, boolean visible, @Nullable CitizenId id) {

        @Override
        public CitizenId id() {
            if (id == null) {
                throw new DomainException("course.cpr.unknown");
            }
            return id;
        }
    }

    private static final double KEPT_SHARE = 0.75;

    private final CourseRepository repository;
    private final CourseTypes types;
    private final Inquiries inquiries;
    private final CitizenRecords records;
    private final CitizenRegister register;
    private final CitizenWork work;
    private final TaskList tasks;
    private final Users users;
    private final Teams teams;
    private final JdbcClient jdbc;
    private final CourseEntries entries;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final Clock clock;

    Courses(CourseRepository repository, CourseTypes types, Inquiries inquiries, CitizenRecords records,
            CitizenRegister register, CitizenWork work, TaskList tasks, Users users, Teams teams, JdbcClient jdbc,
            CourseEntries entries, org.springframework.transaction.PlatformTransactionManager transactionManager,
            Clock clock) {
        this.entries = entries;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.repository = repository;
        this.types = types;
        this.inquiries = inquiries;
        this.records = records;
        this.register = register;
        this.work = work;
        this.tasks = tasks;
        this.users = users;
        this.teams = teams;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Who has this CPR number, for a host about to start a course: a citizen the host may see; a citizen known to
     * the municipality whom the host does not work with yet (the search is audited, and starting the course opens
     * the relation); or nobody (the citizen is registered first).
     */
    public LookupResult lookUp(@Nullable String cpr) {
        staff();
        var found = citizenByCpr(register, cpr);
        return new LookupResult(found.known(), found.visible(), found.known() ? found.id() : null);
    }

    /** The answer of {@link #lookUp}: whether the citizen is known, whether the user sees them, and their id. */
    public record LookupResult(boolean known, boolean visible, @Nullable CitizenId citizen) {
    }

    static Lookup citizenByCpr(CitizenRegister register, @Nullable String cpr) {
        try {
            return register.findByCpr(Inquiries.cpr(cpr)).map(citizen -> new Lookup(true, true, citizen.id()))
                    .orElse(new Lookup(false, false, null));
        } catch (CitizenRegister.NotRelatedException e) {
            return new Lookup(true, false, e.citizen());
        }
    }

    /**
     * Starts a course; see the class. A citizen named by CPR number is looked up first, on its own (the register
     * audits the look-up, and a citizen the host does not know yet is an answer, not a failure); the start itself is
     * one transaction.
     */
    public Course start(Start start) {
        return start(start, null);
    }

    /**
     * Starts a course whose peer host is a volunteer from module referral's register ({@code peerVolunteer}, whose
     * name is {@link Start#peerHost()}): the course and its link to the volunteer are written in the same
     * transaction, so a course never stands with a peer's name but without knowing which volunteer it is.
     */
    Course start(Start start, @Nullable UUID peerVolunteer) {
        staff();
        Lookup found = start.citizen() != null ? new Lookup(true, true, start.citizen())
                : citizenByCpr(register, start.cpr());
        return transactions.execute(status -> start(start, found, peerVolunteer));
    }

    private Course start(Start start, Lookup found, @Nullable UUID peerVolunteer) {
        var user = staff();
        var now = clock.instant();
        var today = today();
        var type = start.type() == null ? null : types.get(start.type());
        if (type == null || !type.active()) {
            throw new DomainException("course.type.missing");
        }
        String team = start.team() == null || start.team().isBlank() ? type.defaultTeam() : start.team().strip();
        if (!user.has(Role.MANAGER) && !teams.of(user.username()).contains(team)) {
            throw new DomainException("course.team.notYours", team);
        }
        if (start.plannedExit() == null) {
            throw new DomainException("course.exit.planned.missing");
        }
        if (start.plannedExitOn() == null) {
            throw new DomainException("course.exit.planned.on.missing");
        }
        var inquiry = start.inquiry() == null ? null : inquiries.forCourse(start.inquiry(), start.inquiryVersion());
        String purpose = Inquiries.PURPOSE + ": " + type.name();
        var id = CourseId.random();
        CitizenId citizenId = found.id();
        boolean opened = false;
        if (!found.visible()) {
            // Known to the municipality, not yet to this host: the course is the work that opens the relation.
            work.startForTeam(citizenId, team, work(id), purpose);
            opened = true;
        }
        records.change(citizenId, AuditAction.CREATE, purpose);
        var citizen = records.readWithHeading(citizenId, purpose);
        if (!type.fitsAge(citizen.ageOn(today))) {
            throw new DomainException("course.type.age", type.name());
        }
        if (repository.ofCitizen(citizenId).stream().anyMatch(c -> c.isOpen() && c.typeId().equals(type.id()))) {
            throw new DomainException("course.duplicate", type.name());
        }
        Integer returned = repository.lastEnded(citizenId)
                .map(ended -> (int) ChronoUnit.DAYS.between(ended, today)).orElse(null);
        var course = Course.start(id, new Course.Started(citizenId, inquiry == null ? null : inquiry.id(),
                inquiry == null ? null : inquiry.receivedAt(), type, team, user.username(), start.peerHost(),
                start.status() == null ? CourseStatus.ACTIVE : start.status(),
                new Course.Exit(start.plannedExit(), Inputs.optional(start.plannedExitTo(), 200, "course.exit.to.tooLong"),
                        start.plannedExitOn()), returned), user.username(), now, today);
        repository.save(course, user.username(), now);
        if (peerVolunteer != null) {
            linkPeer(id, peerVolunteer, user.username(), now);
        }
        if (!opened) {
            work.startForTeam(citizenId, team, work(id), purpose);
        }
        if (inquiry != null) {
            inquiry.courseStarted(citizenId, user.username(), now);
            inquiries.save(inquiry);
        }
        tasks.open(WorkRef.of(EXIT_TASK, id.value()), citizenId, user.username(), course.plannedExit().on());
        return course;
    }

    /** The course page: the course, its type, contacts, fidelity, relatives and the citizen's other courses. */
    @Transactional
    public Page page(CourseId id) {
        var course = find(id);
        var citizen = records.readWithHeading(course.citizen(), Inquiries.PURPOSE + ": så forløbet");
        var type = types.get(course.typeId());
        var contacts = contacts(id);
        var today = today();
        // The other courses need only their type's name: one query for all names, not two per course.
        var names = types.names();
        var others = repository.ofCitizen(course.citizen()).stream().filter(other -> !other.equals(course))
                .map(other -> new OtherCourse(other, names.get(other.typeId()))).toList();
        return new Page(course, type, citizen, contacts, fidelity(course, type, contacts, clock.instant()),
                course.phaseOverrun(type, today),
                course.phaseStartedOn().plusWeeks(type.phase(course.phase()).plannedWeeks()), relatives(id),
                recommendationsDone(id), others, inquiries.ofCitizen(course.citizen()), entries.changes(id));
    }

    /** The citizen and the citizen's courses, newest first. */
    public record CitizenCourses(Citizen citizen, List<OtherCourse> courses) {
    }

    /** The citizen's courses, newest first, for the tab on the citizen (audited). */
    @Transactional
    public CitizenCourses ofCitizen(CitizenId citizen) {
        var heading = records.readWithHeading(citizen, Inquiries.PURPOSE + ": så borgerens forløb");
        var names = types.names();
        return new CitizenCourses(heading, repository.ofCitizen(citizen).stream()
                .map(course -> new OtherCourse(course, names.get(course.typeId()))).toList());
    }

    @Transactional
    public Course movePhase(CourseId id, long seenVersion, int target, @Nullable String reason) {
        return change(id, seenVersion, "flyttede forløbet til en anden fase", (course, type, by, now) ->
                course.moveToPhase(target, type, reason, by, now, today()));
    }

    @Transactional
    public Course changeStatus(CourseId id, long seenVersion, @Nullable CourseStatus to, @Nullable String reason) {
        var course = change(id, seenVersion, "ændrede forløbets status", (c, type, by, now) ->
                c.changeStatus(to, reason, by, now));
        if (!course.isOpen()) {
            ended(course, "Forløbet blev annulleret", "CANCELLED");
        }
        return course;
    }

    @Transactional
    public Course planExit(CourseId id, long seenVersion, @Nullable ExitKind kind, @Nullable String to,
            @Nullable LocalDate on) {
        var course = change(id, seenVersion, "ændrede forløbets planlagte udgang", (c, type, by, now) -> {
            if (kind == null) {
                throw new DomainException("course.exit.planned.missing");
            }
            if (on == null) {
                throw new DomainException("course.exit.planned.on.missing");
            }
            c.planExit(new Course.Exit(kind, Inputs.optional(to, 200, "course.exit.to.tooLong"), on), today());
        });
        tasks.open(WorkRef.of(EXIT_TASK, course.id().value()), course.citizen(), course.responsible(),
                course.plannedExit().on());
        return course;
    }

    /** Udgang: the course ends where the citizen goes; the team's access ends with it. */
    @Transactional
    public Course exit(CourseId id, long seenVersion, @Nullable ExitKind kind, @Nullable String to,
            @Nullable LocalDate on, @Nullable Boolean citizenAgrees, @Nullable String note) {
        var course = change(id, seenVersion, "afsluttede forløbet med en udgang", (c, type, by, now) ->
                c.exit(kind, to, on, citizenAgrees, note, by, now, today()));
        ended(course, "Forløbet sluttede med en udgang", "EXITED");
        return course;
    }

    /**
     * The course is handed to another worker of its team, with a reason if given; the exit task follows, and the
     * change is kept with who and when. The team's access is the team's, so it does not change.
     */
    @Transactional
    public Course handOver(CourseId id, long seenVersion, @Nullable String to, @Nullable String reason) {
        String why = Inputs.optional(reason, 500, "course.entry.reason.tooLong");
        String before = find(id).responsible();
        var course = change(id, seenVersion, "gav forløbet videre til en kollega", (c, type, by, now) -> {
            if (to != null && !to.isBlank() && !teams.of(to.strip()).contains(c.team())) {
                throw new DomainException("course.handOver.notInTeam");
            }
            c.handOver(to == null ? null : to.strip());
        });
        var task = WorkRef.of(EXIT_TASK, id.value());
        tasks.forWork(task).filter(Task::isOpen).ifPresent(open -> tasks.reassign(task, course.responsible()));
        entries.keep(id, CourseEntries.EntryKind.COURSE, id.value(),
                List.<String[]>of(new String[] {"responsible", before, course.responsible()}), why,
                users.currentOrFail().username());
        return course;
    }

    /**
     * The peer host changes: to a peer from the register ({@code volunteer}, named {@code name}) or a name typed, or
     * none; the change is kept with who and when, and the course keeps which volunteer it is.
     */
    @Transactional
    public Course changePeerHost(CourseId id, long seenVersion, @Nullable String name, @Nullable UUID volunteer) {
        String before = find(id).peerHost();
        var course = change(id, seenVersion, "skiftede forløbets peervært",
                (c, type, by, now) -> c.changePeerHost(type, name));
        if (java.util.Objects.equals(before, course.peerHost())) {
            throw new DomainException("course.entry.nothingChanged");
        }
        String by = users.currentOrFail().username();
        jdbc.sql("DELETE FROM course_peer_volunteer WHERE course_id = :course").param("course", id.value()).update();
        if (volunteer != null) {
            linkPeer(id, volunteer, by, clock.instant());
        }
        entries.keep(id, CourseEntries.EntryKind.COURSE, id.value(),
                List.<String[]>of(new String[] {"peerHost", before, course.peerHost()}), null, by);
        return course;
    }

    /** Which volunteer of module referral's register is the course's peer host. */
    private void linkPeer(CourseId id, UUID volunteer, String by, Instant at) {
        jdbc.sql("""
                INSERT INTO course_peer_volunteer (course_id, volunteer_id, linked_by, linked_at)
                VALUES (:course, :volunteer, :by, :at)
                """).param("course", id.value()).param("volunteer", volunteer).param("by", by)
                .param("at", Timestamp.from(at)).update();
    }

    /** The active members of the course's team, who may take it over. */
    public List<String> teamMembers(Course course) {
        return teams.history(course.team()).stream().filter(Teams.Membership::isActive)
                .map(Teams.Membership::username).distinct().sorted().toList();
    }

    @Transactional
    public Course writeSharedAnalysis(CourseId id, long seenVersion, @Nullable String text) {
        return change(id, seenVersion, "skrev den fælles problemanalyse",
                (course, type, by, now) -> course.writeSharedAnalysis(type, text));
    }

    @Transactional
    public Course writeOwnGoals(CourseId id, long seenVersion, @Nullable String text) {
        return change(id, seenVersion, "skrev borgerens egne mål",
                (course, type, by, now) -> course.writeOwnGoals(type, text));
    }

    /** The KL codes of an open course: support need (FFB) and follow-up result (FSIII), either may be empty. */
    @Transactional
    public Course classify(CourseId id, long seenVersion, @Nullable SupportNeed need, @Nullable FollowUpResult result) {
        return change(id, seenVersion, "registrerede forløbets KL-koder",
                (course, type, by, now) -> course.classify(need, result));
    }

    /** Records a contact on an open course; when, how long and a short note. Contacts are appended, not edited. */
    @Transactional
    public Contact recordContact(CourseId id, NewContact contact) {
        var user = staff();
        var course = find(id);
        records.change(course.citizen(), AuditAction.CREATE, Inquiries.PURPOSE + ": registrerede en kontakt i forløbet");
        course.requireOpen();
        if (contact.kind() == null) {
            throw new DomainException("course.contact.kind.missing");
        }
        int minutes = minutes(contact.minutes());
        Instant now = clock.instant();
        Instant at = contact.at() == null ? now : contact.at().atZone(DanishTime.ZONE).toInstant();
        checkTime(course, at, now);
        String who = Inputs.optional(contact.who(), 200, "course.contact.who.tooLong");
        var saved = new Contact(UUID.randomUUID(), contact.kind(), who == null ? user.displayName() : who, at, minutes,
                Inputs.optional(contact.note(), 500, "course.contact.note.tooLong"), user.username());
        jdbc.sql("""
                INSERT INTO course_contact (id, course_id, citizen_id, kind, who, happened_at, minutes, note,
                                            recorded_by, recorded_at)
                VALUES (:id, :course, :citizen, :kind, :who, :at, :minutes, :note, :by, :now)
                """).param("id", saved.id()).param("course", id.value()).param("citizen", course.citizen().value())
                .param("kind", saved.kind().name()).param("who", saved.who()).param("at", Timestamp.from(at))
                .param("minutes", minutes).param("note", saved.note()).param("by", user.username())
                .param("now", Timestamp.from(now)).update();
        return saved;
    }

    /** A contact's length in minutes, 1 to 600. */
    static int minutes(@Nullable Integer minutes) {
        if (minutes == null || minutes < 1 || minutes > 600) {
            throw new DomainException("course.contact.minutes.invalid");
        }
        return minutes;
    }

    /** A contact lies neither in the future nor more than a day before the course started. */
    static void checkTime(Course course, Instant at, Instant now) {
        if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new DomainException("course.contact.at.future");
        }
        if (at.isBefore(course.startedAt().minus(Duration.ofDays(1)))) {
            throw new DomainException("course.contact.at.beforeStart");
        }
    }

    /**
     * A relative is involved in the course: only on the citizen's wish, i.e. with the citizen's consent to share with
     * relatives in force (refused in Danish, and audited, without it). Children and young relatives are marked.
     */
    @Transactional
    public Relative involveRelative(CourseId id, @Nullable String name, @Nullable String relation, boolean young) {
        var user = staff();
        var course = find(id);
        course.requireOpen();
        String who = Inputs.required(name, 200, "course.relative.name.missing", "course.relative.name.tooLong");
        String how = Inputs.required(relation, 100, "course.relative.relation.missing",
                "course.relative.relation.tooLong");
        records.share(course.citizen(), ConsentParty.RELATIVES, null, Inquiries.PURPOSE + ": pårørende inddraget i forløbet");
        var relative = new Relative(UUID.randomUUID(), who, how, young, clock.instant(), user.username(),
                RelativeInvolvement.INVOLVED, 0, null);
        jdbc.sql("""
                INSERT INTO course_relative (id, course_id, name, relation, young, recorded_by, recorded_at)
                VALUES (:id, :course, :name, :relation, :young, :by, :at)
                """).param("id", relative.id()).param("course", id.value()).param("name", who).param("relation", how)
                .param("young", young).param("by", user.username()).param("at", Timestamp.from(relative.recordedAt()))
                .update();
        return relative;
    }

    /** Ticks (or unticks) one of the eight recommendations for relatives' involvement. */
    @Transactional
    public void recommendation(CourseId id, @Nullable Recommendation recommendation, boolean done) {
        var user = staff();
        var course = find(id);
        records.change(course.citizen(), AuditAction.UPDATE, Inquiries.PURPOSE + ": pårørendeinddragelsens tjekliste");
        course.requireOpen();
        if (recommendation == null) {
            throw new DomainException("course.recommendation.unknown");
        }
        jdbc.sql("DELETE FROM course_recommendation WHERE course_id = :course AND code = :code")
                .param("course", id.value()).param("code", recommendation.name()).update();
        if (done) {
            jdbc.sql("""
                    INSERT INTO course_recommendation (course_id, code, done_at, done_by) VALUES (:course, :code, :at, :by)
                    """).param("course", id.value()).param("code", recommendation.name())
                    .param("at", Timestamp.from(clock.instant())).param("by", user.username()).update();
        }
    }

    /** The work a course is, as need-to-know relations and tasks name it. */
    public static WorkRef work(CourseId course) {
        return WorkRef.of(WORK, course.value());
    }

    /**
     * Planned against actual intensity, phase by phase, from the course's history of phase moves: the time spent in
     * each phase (all its stays, if it was entered again) and the contacts in that time.
     */
    static List<PhaseFidelity> fidelity(Course course, CourseType type, List<Contact> contacts, Instant now) {
        Instant end = course.endedAt() != null ? course.endedAt() : now;
        double[] seconds = new double[type.phases().size()];
        long[] counted = new long[type.phases().size()];
        var history = course.history();
        for (int i = 0; i < history.size(); i++) {
            var change = history.get(i);
            if (change.fromPhase() != null && change.fromPhase() == change.toPhase()) {
                continue;
            }
            Instant from = change.changedAt();
            Instant to = end;
            for (int j = i + 1; j < history.size(); j++) {
                var next = history.get(j);
                if (next.fromPhase() == null || next.fromPhase() != next.toPhase()) {
                    to = next.changedAt();
                    break;
                }
            }
            int phase = Math.min(change.toPhase(), type.lastPhase());
            if (to.isAfter(from)) {
                seconds[phase] += Duration.between(from, to).toSeconds();
            }
            final Instant windowFrom = from;
            final Instant windowTo = to;
            counted[phase] += contacts.stream().filter(c -> !c.happenedAt().isBefore(windowFrom)
                    && c.happenedAt().isBefore(windowTo)).count();
        }
        // Contacts recorded before the start (a first talk the day before) count in the first phase.
        counted[0] += contacts.stream().filter(c -> c.happenedAt().isBefore(course.startedAt())).count();
        var result = new ArrayList<PhaseFidelity>();
        Double previous = null;
        for (CourseType.Phase phase : type.phases()) {
            double weeks = seconds[phase.position()] / Duration.ofDays(7).toSeconds();
            Double perWeek = weeks >= 1 ? counted[phase.position()] / weeks : null;
            Boolean kept = perWeek == null ? null : perWeek >= KEPT_SHARE * phase.contactsPerWeek();
            Boolean fell = null;
            if (phase.position() > 0 && perWeek != null && previous != null
                    && phase.contactsPerWeek() < type.phase(phase.position() - 1).contactsPerWeek()) {
                fell = perWeek < previous;
            }
            result.add(new PhaseFidelity(phase, weeks, counted[phase.position()], perWeek, kept, fell));
            previous = perWeek;
        }
        return result;
    }

    List<Contact> contacts(CourseId id) {
        return jdbc.sql("""
                SELECT * FROM course_contact WHERE course_id = :course AND removed_at IS NULL
                 ORDER BY happened_at DESC, id
                """).param("course", id.value())
                .query((rs, n) -> new Contact(rs.getObject("id", UUID.class), ContactKind.valueOf(rs.getString("kind")),
                        rs.getString("who"), rs.getTimestamp("happened_at").toInstant(), rs.getInt("minutes"),
                        rs.getString("note"), rs.getString("recorded_by"), rs.getLong("version")))
                .list();
    }

    private List<Relative> relatives(CourseId id) {
        return jdbc.sql("SELECT * FROM course_relative WHERE course_id = :course ORDER BY recorded_at, id")
                .param("course", id.value())
                .query((rs, n) -> new Relative(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("relation"), rs.getBoolean("young"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("recorded_by"), RelativeInvolvement.valueOf(rs.getString("involvement")),
                        rs.getLong("version"), rs.getString("network_group") == null ? null
                                : NetworkGroup.valueOf(rs.getString("network_group"))))
                .list();
    }

    private Set<Recommendation> recommendationsDone(CourseId id) {
        var done = EnumSet.noneOf(Recommendation.class);
        jdbc.sql("SELECT code FROM course_recommendation WHERE course_id = :course").param("course", id.value())
                .query(String.class).list().forEach(code -> done.add(Recommendation.valueOf(code)));
        return done;
    }

    private interface Change {
        void apply(Course course, CourseType type, String by, Instant now);
    }

    private Course change(CourseId id, long seenVersion, String what, Change change) {
        var user = staff();
        var course = find(id);
        records.change(course.citizen(), AuditAction.UPDATE, Inquiries.PURPOSE + ": " + what);
        if (course.version() != seenVersion) {
            throw new CourseConflictException("course.stale");
        }
        var now = clock.instant();
        change.apply(course, types.get(course.typeId()), user.username(), now);
        repository.save(course, user.username(), now);
        return find(id);
    }

    /** The course is over: its relation ends and the exit task is done. */
    private void ended(Course course, String purpose, String outcome) {
        work.end(work(course.id()), Inquiries.PURPOSE + ": " + purpose);
        var task = WorkRef.of(EXIT_TASK, course.id().value());
        tasks.forWork(task).filter(Task::isOpen).ifPresent(open -> tasks.completeWork(task,
                new Task.Completion(today(), outcome, null, null), users.currentOrFail().username()));
    }

    private Course find(CourseId id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("course"));
    }

    private BrobyggerUser staff() {
        return users.current().filter(user -> user.has(Role.STAFF) || user.has(Role.MANAGER))
                .orElseThrow(() -> new AccessDeniedException("Only staff work with courses"));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(DanishTime.ZONE));
    }
}
