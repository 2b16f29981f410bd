package dk.brobygger.course;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.AnonymousSubject;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Én indgang's inquiries: hosts (the members of the host team, {@code brobygger.course.host-team}, default
 * {@code en-indgang}, and managers) record them, see them on the board and close or link them; the public form and
 * {@code /mig} send them in. Every inquiry read or written passes the gate: one that names a citizen as the
 * citizen's record (need-to-know), one that names nobody as an anonymous subject (audited without a citizen).
 */
@Service
public class Inquiries {

    /** The purpose every access of Én indgang is audited with, so the citizen reads it in "who has seen my data". */
    public static final String PURPOSE = "Én indgang";

    /** One row of the host's board; {@code citizenName} only for a citizen the host may see now. */
    public record BoardRow(Inquiry inquiry, @Nullable String citizenName, Duration waited, boolean today) {

        private static final java.time.format.DateTimeFormatter ARRIVED =
                java.time.format.DateTimeFormatter.ofPattern("dd-MM HH:mm");

        /** When it arrived, Danish time, as the board shows it (day, month, hour, minute). */
        public String arrivedAt() {
            return ARRIVED.format(inquiry.receivedAt().atZone(DanishTime.ZONE));
        }

        /** Whole hours since it arrived. */
        public long waitedHours() {
            return waited.toHours();
        }

        /** Who the row names: the citizen the host may see, else on whose behalf when no citizen is linked. */
        public @Nullable String subject() {
            if (citizenName != null) {
                return citizenName;
            }
            return inquiry.citizen() == null ? inquiry.onBehalfOf() : null;
        }

        /**
         * The wish, at most 80 characters; none when the inquiry is linked to a citizen the host may not see (the
         * board then says it is linked elsewhere).
         */
        public @Nullable String wishShown() {
            if (inquiry.citizen() != null && citizenName == null) {
                return null;
            }
            String wish = inquiry.wish() == null ? "" : inquiry.wish();
            return wish.length() <= 80 ? wish : wish.substring(0, 77) + "...";
        }

        /** Open and to be answered today. */
        public boolean urgentToday() {
            return inquiry.isOpen() && inquiry.urgency() == Urgency.TODAY;
        }

        /** The message key of its state: not yet contacted, contacted, or how it was closed. */
        public String stateKey() {
            if (!inquiry.isOpen()) {
                return inquiry.outcome() == null ? "course.board.closed" : inquiry.outcome().messageKey();
            }
            return inquiry.contactedAt() == null ? "course.board.notContacted" : "course.board.contacted";
        }
    }

    /**
     * One page of the board: today's inquiries and every open one (or only those waiting for contact), newest or
     * oldest first, and how many arrived today, still wait for contact, and wait urgently; {@code total} rows in
     * {@code pages} pages of {@link #BOARD_PAGE}.
     */
    public record Board(List<BoardRow> rows, long today, long waiting, long urgentWaiting, int page, int pages,
            long total, boolean waitingOnly, boolean oldestFirst, @Nullable String search) {

        public boolean hasNext() {
            return page < pages;
        }
    }

    /**
     * Which page of the board, which rows and in which order; {@code search}, when given, keeps only the inquiries
     * whose own text holds every word of it (see {@link #board(BoardQuery)}).
     */
    public record BoardQuery(boolean waitingOnly, boolean oldestFirst, int page, @Nullable String search) {

        public static final BoardQuery FIRST = new BoardQuery(false, false, 1, null);

        public BoardQuery(boolean waitingOnly, boolean oldestFirst, int page) {
            this(waitingOnly, oldestFirst, page, null);
        }
    }

    /** The longest search on the board, and the most words of it that count. */
    static final int SEARCH_LENGTH = 200;
    static final int SEARCH_WORDS = 8;

    /** What a host may see of an inquiry, and the citizen it names if the host may see them. */
    public record Shown(Inquiry inquiry, @Nullable String citizenName) {
    }

    /** Rows on one page of the board: a screenful on a phone, and every citizen named on it read through the gate. */
    public static final int BOARD_PAGE = 50;

    private final InquiryRepository repository;
    private final CitizenRecords records;
    private final CitizenRegister register;
    private final Users users;
    private final Teams teams;
    private final Clock clock;
    private final String hostTeam;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    Inquiries(InquiryRepository repository, CitizenRecords records, CitizenRegister register, Users users, Teams teams,
            org.springframework.transaction.PlatformTransactionManager transactionManager, Clock clock,
            @Value("${brobygger.course.host-team:en-indgang}") String hostTeam) {
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.repository = repository;
        this.records = records;
        this.register = register;
        this.users = users;
        this.teams = teams;
        this.clock = clock;
        this.hostTeam = hostTeam;
    }

    /** The team whose members are hosts. */
    public String hostTeam() {
        return hostTeam;
    }

    /** Is the user a host (a member of the host team) or a manager? */
    public boolean isHost(BrobyggerUser user) {
        return user.has(Role.MANAGER) || (user.has(Role.STAFF) && teams.of(user.username()).contains(hostTeam));
    }

    /** A host records an inquiry made by phone, in person, by mail or at a meeting. */
    @Transactional
    public Inquiry record(Inquiry.Received received) {
        var host = host();
        if (!InquiryChannel.BY_HOST.contains(received.channel())) {
            throw new DomainException("course.inquiry.channel.missing");
        }
        var inquiry = Inquiry.receive(withRecorder(received, host.username()), clock.instant());
        records.access(new AnonymousSubject(inquiry.id().value()), AuditAction.CREATE, PURPOSE + ": registrerede en henvendelse");
        repository.save(inquiry);
        return inquiry;
    }

    /**
     * An inquiry from the public form, with nobody logged in: it names no citizen and tells nothing back about
     * whether the person is known. Not audited on anyone, as it touches no record but its own.
     */
    @Transactional
    public Inquiry receivePublic(Inquiry.Received received) {
        if (received.channel() != InquiryChannel.PUBLIC_FORM || received.citizen() != null
                || !InquirySource.PUBLIC.contains(received.source())) {
            throw new DomainException("course.inquiry.source.missing");
        }
        var inquiry = Inquiry.receive(received, clock.instant());
        repository.save(inquiry);
        return inquiry;
    }

    /** The logged-in citizen makes an inquiry from {@code /mig}: linked to their own record, audited as theirs. */
    @Transactional
    public Inquiry receiveFromCitizen(@Nullable String wish, Urgency urgency, @Nullable String contactRoute) {
        var user = users.currentOrFail();
        var own = records.own(AuditAction.CREATE, PURPOSE + ": borgeren sendte en henvendelse")
                .orElseThrow(() -> new DomainException("course.inquiry.mine.noRecord"));
        var inquiry = Inquiry.receive(new Inquiry.Received(InquiryChannel.MY_PAGE, InquirySource.CITIZEN,
                own.name(), contactRoute, null, wish == null ? "" : wish, urgency, CitizenKnows.KNOWS_AND_AGREES, false,
                own.id(), user.username()), clock.instant());
        repository.save(inquiry);
        return inquiry;
    }

    /** The board's first page: today's and open inquiries, newest first. */
    @Transactional
    public Board board() {
        return board(BoardQuery.FIRST);
    }

    /**
     * A page of the host's board; the citizens named are shown only when the host may see them (each audited). The
     * figures are counted apart from the page, each from an index, so a long board costs one page of rows.
     * <p>
     * With a search, the same rows (today's and open, or those waiting) are kept only when the inquiry's own text
     * holds every word, in any case: who contacted and how, on whose behalf, what the person wants to change, why it
     * was linked to a citizen, the note it was closed with. Citizens' names are the citizen module's and not
     * searched. An inquiry linked to a citizen the host may not see now is left out of the found rows, as the board
     * hides its text (the count of rows found is the database's, so it may count such an inquiry). The board
     * without a search reads exactly as before.
     */
    @Transactional
    public Board board(BoardQuery query) {
        host();
        Instant now = clock.instant();
        Instant startOfToday = LocalDate.now(clock.withZone(DanishTime.ZONE)).atStartOfDay(DanishTime.ZONE).toInstant();
        var counts = repository.boardCounts(startOfToday);
        String search = search(query.search());
        List<String> words = search == null ? List.of() : words(search);
        long total = !words.isEmpty() ? repository.searchCount(startOfToday, query.waitingOnly(), words)
                : query.waitingOnly() ? counts.waiting() : counts.today() + counts.openBefore();
        int pages = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (total + BOARD_PAGE - 1) / BOARD_PAGE));
        int page = dk.brobygger.shared.Paging.page(query.page());
        long offset = dk.brobygger.shared.Paging.offset(page, BOARD_PAGE);
        var inquiries = words.isEmpty()
                ? repository.board(startOfToday, query.waitingOnly(), query.oldestFirst(), offset, BOARD_PAGE)
                : repository.search(startOfToday, query.waitingOnly(), query.oldestFirst(), words, offset, BOARD_PAGE);
        Map<CitizenId, CitizenRecords.Summary> names = records.summaries(inquiries.stream()
                .map(Inquiry::citizen).filter(java.util.Objects::nonNull).toList(), PURPOSE + ": værtens tavle");
        var rows = inquiries.stream()
                .filter(inquiry -> words.isEmpty() || inquiry.citizen() == null || names.containsKey(inquiry.citizen()))
                .map(inquiry -> new BoardRow(inquiry,
                        inquiry.citizen() == null || !names.containsKey(inquiry.citizen()) ? null
                                : names.get(inquiry.citizen()).name(),
                        inquiry.waited(now), !inquiry.receivedAt().isBefore(startOfToday))).toList();
        return new Board(rows, counts.today(), counts.waiting(), counts.urgentWaiting(), page, pages, total,
                query.waitingOnly(), query.oldestFirst(), words.isEmpty() ? null : search);
    }

    /** The search as typed, without surrounding space and at most {@link #SEARCH_LENGTH} characters; none if blank. */
    static @Nullable String search(@Nullable String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        return text.length() <= SEARCH_LENGTH ? text : text.substring(0, SEARCH_LENGTH).strip();
    }

    /** The words of a search, each to be found somewhere in the inquiry's text; the first {@link #SEARCH_WORDS}. */
    static List<String> words(String search) {
        return java.util.Arrays.stream(search.split("\\s+")).filter(word -> !word.isEmpty()).distinct()
                .limit(SEARCH_WORDS).toList();
    }

    /** One inquiry for a host, audited on its citizen (need-to-know) or as an anonymous subject. */
    @Transactional
    public Shown get(InquiryId id) {
        host();
        var inquiry = find(id);
        if (inquiry.citizen() == null) {
            records.access(new AnonymousSubject(id.value()), AuditAction.READ, PURPOSE + ": så en henvendelse");
            return new Shown(inquiry, null);
        }
        var citizen = records.readWithHeading(inquiry.citizen(), PURPOSE + ": så en henvendelse om borgeren");
        return new Shown(inquiry, citizen.name());
    }

    /** The host has contacted the person. */
    @Transactional
    public Inquiry markContacted(InquiryId id, long seenVersion) {
        return change(id, seenVersion, "markerede en henvendelse som kontaktet",
                (inquiry, by) -> inquiry.contacted(by, clock.instant()));
    }

    /** The host closes the inquiry without a course. */
    @Transactional
    public Inquiry close(InquiryId id, long seenVersion, @Nullable InquiryOutcome outcome, @Nullable String note) {
        return change(id, seenVersion, "afsluttede en henvendelse",
                (inquiry, by) -> inquiry.close(outcome, note, by, clock.instant()));
    }

    /**
     * Links an inquiry that named nobody to the citizen with this CPR number, saying why: the host must already
     * work with the citizen (a citizen known to the municipality but not to the host is linked by starting a course
     * for them, {@link Courses#start}).
     */
    public Inquiry link(InquiryId id, long seenVersion, @Nullable String cpr, @Nullable String reason) {
        host();
        Inputs.required(reason, 500, "course.inquiry.link.reason.missing", "course.inquiry.link.reason.tooLong");
        // Looked up on its own (audited by the register): a citizen the host does not know is an answer, not a failure.
        var citizen = Courses.citizenByCpr(register, cpr);
        if (citizen.known() && !citizen.visible()) {
            throw new DomainException("course.inquiry.link.notYours");
        }
        if (!citizen.known()) {
            throw new DomainException("course.cpr.unknown");
        }
        return transactions.execute(status -> link(id, seenVersion, citizen.id(), reason));
    }

    private Inquiry link(InquiryId id, long seenVersion, CitizenId citizen, @Nullable String reason) {
        var by = host().username();
        var inquiry = find(id);
        records.change(citizen, AuditAction.UPDATE, PURPOSE + ": knyttede en henvendelse til borgeren");
        requireVersion(inquiry, seenVersion);
        inquiry.linkTo(citizen, reason, by, clock.instant());
        repository.save(inquiry);
        return inquiry;
    }

    /** For {@link Courses}: the inquiry a course starts from, checked open and at the version the host saw. */
    Inquiry forCourse(InquiryId id, long seenVersion) {
        var inquiry = find(id);
        requireVersion(inquiry, seenVersion);
        if (!inquiry.isOpen()) {
            throw new DomainException("course.inquiry.closed");
        }
        return inquiry;
    }

    void save(Inquiry inquiry) {
        repository.save(inquiry);
    }

    /** The citizen's inquiries, for the course pages (the caller has passed the gate for the citizen). */
    List<Inquiry> ofCitizen(CitizenId citizen) {
        return repository.ofCitizen(citizen);
    }

    private interface Change {
        void apply(Inquiry inquiry, String by);
    }

    private Inquiry change(InquiryId id, long seenVersion, String what, Change change) {
        var by = host().username();
        var inquiry = find(id);
        if (inquiry.citizen() == null) {
            records.access(new AnonymousSubject(id.value()), AuditAction.UPDATE, PURPOSE + ": " + what);
        } else {
            records.change(inquiry.citizen(), AuditAction.UPDATE, PURPOSE + ": " + what);
        }
        requireVersion(inquiry, seenVersion);
        change.apply(inquiry, by);
        repository.save(inquiry);
        return inquiry;
    }

    private static void requireVersion(Inquiry inquiry, long seenVersion) {
        if (inquiry.version() != seenVersion) {
            throw new CourseConflictException("course.inquiry.stale");
        }
    }

    private Inquiry find(InquiryId id) {
        return repository.find(id).orElseThrow(() -> new NotFoundException("inquiry"));
    }

    BrobyggerUser host() {
        var user = users.currentOrFail();
        if (!isHost(user)) {
            throw new AccessDeniedException("Only Én indgang's hosts work with inquiries");
        }
        return user;
    }

    private static Inquiry.Received withRecorder(Inquiry.Received received, String by) {
        return new Inquiry.Received(received.channel(), received.source(), received.contactName(),
                received.contactRoute(), received.onBehalfOf(), received.wish(), received.urgency(),
                received.citizenKnows(), received.young(), null, by);
    }

    static CprNumber cpr(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new DomainException("course.cpr.missing");
        }
        return CprNumber.of(text.strip());
    }
}
