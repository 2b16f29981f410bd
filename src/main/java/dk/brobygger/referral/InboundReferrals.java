package dk.brobygger.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.citizen.CitizenWork;
import dk.brobygger.followup.Task;
import dk.brobygger.followup.TaskList;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Henvisninger udefra: a referral another system sends the municipality (a GP system, the region; a system user
 * tied to no organisation) lands for the team that owns such requests ({@code brobygger.referral.external-team},
 * Én indgang in the demo). The citizen is identified by the CPR number through the citizen register (audited in
 * the system's name); a known citizen's referral opens the team's need-to-know relation, named by it, and a task
 * on the team's own worklist (every member sees it until one of them handles it); one whose CPR number names nobody is kept in quarantine, linked to
 * nobody, until staff have dealt with it. The same bundle sent again by the same system while the first waits is
 * recognised and answered as the first was, not kept twice. Staff of the team (and managers) see both lists and mark each handled,
 * which ends the relation and the task.
 */
@Service
class InboundReferrals {

    /** The kind of work an inbound referral is, for relations and the worklist. */
    static final String WORK = "referral.inbound";
    static final String HANDLED = "HANDLED";

    /** What arrived, read from the sender's bundle. */
    record Incoming(CprNumber cpr, String wish, @Nullable String requester, @Nullable String note, String content) {
    }

    /** The answer to the sender: kept for a known citizen, or kept in quarantine. */
    record Receipt(UUID id, boolean quarantined) {
    }

    /** One inbound referral on the team's page. */
    record Row(UUID id, Instant receivedAt, String receivedBy, @Nullable UUID citizen, @Nullable String requester,
            String wish, @Nullable String note, @Nullable Instant handledAt, @Nullable String handledBy, long version) {
    }

    private final JdbcClient jdbc;
    private final CitizenRegister register;
    private final CitizenRecords records;
    private final CitizenWork work;
    private final TaskList tasks;
    private final Teams teams;
    private final Users users;
    private final Clock clock;
    private final String team;

    InboundReferrals(JdbcClient jdbc, CitizenRegister register, CitizenRecords records, CitizenWork work,
            TaskList tasks, Teams teams, Users users, Clock clock,
            @Value("${brobygger.referral.external-team:en-indgang}") String team) {
        this.jdbc = jdbc;
        this.register = register;
        this.records = records;
        this.work = work;
        this.tasks = tasks;
        this.teams = teams;
        this.users = users;
        this.clock = clock;
        this.team = team;
    }

    /** The team that receives referrals from other systems. */
    String team() {
        return team;
    }

    /** Receives one referral from the logged-in referring system; see the class. */
    @Transactional
    Receipt receive(Incoming incoming) {
        var sender = users.current().filter(user -> user.has(Role.SYSTEM) && user.organizationId() == null)
                .orElseThrow(() -> new AccessDeniedException("Only referring systems send referrals"));
        String hash = sha256(incoming.content());
        var again = jdbc.sql("""
                SELECT id, quarantined FROM referral_inbound
                 WHERE content_hash = :hash AND received_by = :sender AND handled_at IS NULL
                """).param("hash", hash).param("sender", sender.username())
                .query((rs, n) -> new Receipt(rs.getObject("id", UUID.class), rs.getBoolean("quarantined")))
                .optional();
        if (again.isPresent()) {
            return again.get();
        }
        var id = UUID.randomUUID();
        var found = register.identify(incoming.cpr(), "Modtog en henvisning udefra");
        var now = clock.instant();
        var params = new LinkedHashMap<String, @Nullable Object>();
        params.put("id", id);
        params.put("receivedAt", Timestamp.from(now));
        params.put("receivedBy", sender.username());
        params.put("team", team);
        params.put("citizen", found.map(CitizenId::value).orElse(null));
        params.put("quarantined", found.isEmpty());
        params.put("requester", cut(incoming.requester(), 200));
        params.put("wish", cut(incoming.wish(), 500));
        params.put("note", cut(incoming.note(), 2000));
        params.put("content", incoming.content());
        params.put("hash", hash);
        jdbc.sql("""
                INSERT INTO referral_inbound (id, received_at, received_by, team, citizen_id, quarantined, requester,
                                              wish, note, content, content_hash, version)
                VALUES (:id, :receivedAt, :receivedBy, :team, :citizen, :quarantined, :requester, :wish, :note,
                        :content, :hash, 0)
                """).params(params).update();
        found.ifPresent(citizen -> {
            records.changeFromSystem(citizen, AuditAction.CREATE, "Modtog en henvisning udefra fra "
                    + sender.displayName());
            work.startForTeamFromSystem(citizen, team, WorkRef.of(WORK, id), "Henvisning udefra: " + incoming.wish());
            tasks.openForTeam(WorkRef.of(WORK, id), citizen, team, LocalDate.now(clock.withZone(DanishTime.ZONE)));
        });
        return new Receipt(id, found.isEmpty());
    }

    /** The team's inbound referrals not yet handled: those for known citizens, and those in quarantine. */
    @Transactional(readOnly = true)
    List<Row> open(boolean quarantined) {
        requireTeam();
        return jdbc.sql("""
                SELECT id, received_at, received_by, citizen_id, requester, wish, note, handled_at, handled_by, version
                  FROM referral_inbound
                 WHERE team = :team AND quarantined = :quarantined AND handled_at IS NULL
                 ORDER BY received_at, id
                """).param("team", team).param("quarantined", quarantined)
                .query((rs, n) -> {
                    Timestamp handled = rs.getTimestamp("handled_at");
                    return new Row(rs.getObject("id", UUID.class), rs.getTimestamp("received_at").toInstant(),
                            rs.getString("received_by"), rs.getObject("citizen_id", UUID.class),
                            rs.getString("requester"), rs.getString("wish"), rs.getString("note"),
                            handled == null ? null : handled.toInstant(), rs.getString("handled_by"),
                            rs.getLong("version"));
                }).list();
    }

    /**
     * Staff of the team have dealt with an inbound referral (started a course, found the citizen, answered the
     * sender): it leaves the lists, the team's relation it opened ends and its task is done. Refused in Danish
     * when someone did so first ({@code version} no longer the one seen).
     */
    @Transactional
    void handled(UUID id, long seenVersion) {
        var user = requireTeam();
        record Found(Optional<UUID> citizen, boolean handled) {
        }
        var found = jdbc.sql("SELECT citizen_id, handled_at FROM referral_inbound WHERE id = :id AND team = :team")
                .param("id", id).param("team", team)
                .query((rs, n) -> new Found(Optional.ofNullable(rs.getObject(1, UUID.class)), rs.getTimestamp(2) != null))
                .optional().orElseThrow(() -> new NotFoundException("referral"));
        // Handled already: the team's relation to the citizen ended with it, so this is said before need-to-know.
        if (found.handled()) {
            throw new DomainException("referral.inbound.stale");
        }
        var citizen = found.citizen();
        citizen.ifPresent(known -> records.change(new CitizenId(known), AuditAction.UPDATE,
                "Behandlede en henvisning udefra"));
        int updated = jdbc.sql("""
                UPDATE referral_inbound SET handled_at = :now, handled_by = :by, version = version + 1
                 WHERE id = :id AND version = :version AND handled_at IS NULL
                """).param("now", Timestamp.from(clock.instant())).param("by", user.username()).param("id", id)
                .param("version", seenVersion).update();
        if (updated == 0) {
            throw new DomainException("referral.inbound.stale");
        }
        citizen.ifPresent(known -> ended(id, user.username(), "Henvisning udefra behandlet"));
    }

    /**
     * An inbound referral for a known citizen, as the referral form is prefilled from it ("Henvis til et tilbud" on
     * the inbound page): the wish and the sender's note become the words the referral starts from.
     */
    record ForReferral(UUID id, UUID citizen, String wish, @Nullable String note, @Nullable String requester) {

        /** The words the referral form starts from: what the citizen was referred for, and the sender's note. */
        public String words() {
            return note == null ? wish : wish + ". " + note;
        }
    }

    /** One open inbound referral of a known citizen, for the receiving team's referral form; empty otherwise. */
    @Transactional(readOnly = true)
    Optional<ForReferral> forReferral(UUID id, CitizenId citizen) {
        requireTeam();
        return jdbc.sql("""
                SELECT id, citizen_id, wish, note, requester FROM referral_inbound
                 WHERE id = :id AND team = :team AND citizen_id = :citizen AND handled_at IS NULL
                """).param("id", id).param("team", team).param("citizen", citizen.value())
                .query((rs, n) -> new ForReferral(rs.getObject("id", UUID.class), rs.getObject("citizen_id", UUID.class),
                        rs.getString("wish"), rs.getString("note"), rs.getString("requester"))).optional();
    }

    /**
     * The team turned the inbound referral into a referral to an offer: it is handled (its relation and task end,
     * as when marked by hand). Already handled by someone else in between: nothing more to do, the referral stands.
     */
    @Transactional
    void referred(UUID id, CitizenId citizen, String offerName) {
        var user = requireTeam();
        records.change(citizen, AuditAction.UPDATE, "Henviste borgeren fra en henvisning udefra til " + offerName);
        int updated = jdbc.sql("""
                UPDATE referral_inbound SET handled_at = :now, handled_by = :by, version = version + 1
                 WHERE id = :id AND team = :team AND citizen_id = :citizen AND handled_at IS NULL
                """).param("now", Timestamp.from(clock.instant())).param("by", user.username()).param("id", id)
                .param("team", team).param("citizen", citizen.value()).update();
        if (updated == 1) {
            ended(id, user.username(), "Henvisning udefra behandlet: henvist til " + offerName);
        }
    }

    private void ended(UUID id, String by, String purpose) {
        work.end(WorkRef.of(WORK, id), purpose);
        tasks.forWork(WorkRef.of(WORK, id)).filter(Task::isOpen).ifPresent(task -> tasks.completeWork(
                WorkRef.of(WORK, id), new Task.Completion(LocalDate.now(clock.withZone(DanishTime.ZONE)), HANDLED,
                        null, null), by));
    }

    /** The wish of one inbound referral, for its task's title. */
    Optional<String> wish(UUID id) {
        return jdbc.sql("SELECT wish FROM referral_inbound WHERE id = :id").param("id", id).query(String.class)
                .optional();
    }

    /** Is the logged-in user one who receives referrals from other systems (the team's staff, a manager)? */
    boolean receives() {
        return users.current().filter(user -> user.has(Role.MANAGER)
                || (user.has(Role.STAFF) && teams.of(user.username()).contains(team))).isPresent();
    }

    /** Staff in the receiving team, or a manager. */
    private BrobyggerUser requireTeam() {
        var user = users.currentOrFail();
        if (!user.has(Role.MANAGER) && !(user.has(Role.STAFF) && teams.of(user.username()).contains(team))) {
            throw new AccessDeniedException("Only the receiving team sees referrals from other systems");
        }
        return user;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static @Nullable String cut(@Nullable String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        return stripped.length() > max ? stripped.substring(0, max) : stripped;
    }
}
