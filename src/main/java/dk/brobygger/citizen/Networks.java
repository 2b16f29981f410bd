package dk.brobygger.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The citizen's network (netværk): added, listed and removed under need-to-know, every access audited. */
@Service
public class Networks {

    /** A member as staff enter them. */
    public record NewMember(NetworkMember.@Nullable Kind kind, @Nullable String name, @Nullable String role,
            @Nullable Integer closeness, @Nullable String phone, @Nullable String email) {
    }

    private final JdbcClient jdbc;
    private final CitizenRegister register;
    private final CitizenAudit audit;
    private final Users users;
    private final Clock clock;

    Networks(JdbcClient jdbc, CitizenRegister register, CitizenAudit audit, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.register = register;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public NetworkMember add(CitizenId citizen, NewMember member) {
        register.checkMayChange(citizen);
        if (member.kind() == null) {
            throw new DomainException("network.kind.unknown");
        }
        String name = Texts.required(member.name(), 200, "network.name.missing", "network.name.tooLong");
        String role = Texts.required(member.role(), 200, "network.role.missing", "network.role.tooLong");
        int closeness = member.closeness() == null ? 2 : member.closeness();
        if (closeness < 1 || closeness > 3) {
            throw new DomainException("network.closeness.range");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO network_member (id, citizen_id, kind, name, role, closeness, phone, email, added_by, added_at)
                VALUES (:id, :citizen, :kind, :name, :role, :closeness, :phone, :email, :by, :at)
                """).param("id", id).param("citizen", citizen.value()).param("kind", member.kind().name())
                .param("name", name).param("role", role).param("closeness", closeness)
                .param("phone", Texts.optional(member.phone(), 40, "network.phone.tooLong"))
                .param("email", Texts.optional(member.email(), 200, "network.email.tooLong"))
                .param("by", users.currentOrFail().username()).param("at", Timestamp.from(clock.instant())).update();
        audit.granted(citizen.value(), AuditAction.UPDATE, "Tilføjede en person til borgerens netværk");
        return jdbc.sql("SELECT * FROM network_member WHERE id = :id").param("id", id).query(Networks::member).single();
    }

    /** The current network, closest first. */
    @Transactional
    public List<NetworkMember> of(CitizenId citizen) {
        register.checkMaySee(citizen);
        audit.granted(citizen.value(), AuditAction.READ, READ_PURPOSE);
        return current(citizen);
    }

    static final String READ_PURPOSE = "Så borgerens netværk";

    /** The current network, closest first, unchecked and unaudited: for callers that have done both. */
    List<NetworkMember> current(CitizenId citizen) {
        return jdbc.sql("""
                SELECT * FROM network_member WHERE citizen_id = :citizen AND removed_at IS NULL
                 ORDER BY closeness, kind, name, id
                """).param("citizen", citizen.value()).query(Networks::member).list();
    }

    /** Someone who was in the network and was removed: the history. */
    public record Removed(NetworkMember member, java.time.Instant removedAt, String removedBy) {
    }

    /** Members removed from the network, most recently removed first. */
    @Transactional
    public List<Removed> removed(CitizenId citizen) {
        register.checkMaySee(citizen);
        audit.granted(citizen.value(), AuditAction.READ, "Så hvem der tidligere var i borgerens netværk");
        return jdbc.sql("""
                SELECT * FROM network_member WHERE citizen_id = :citizen AND removed_at IS NOT NULL
                 ORDER BY removed_at DESC, id
                """).param("citizen", citizen.value())
                .query((rs, row) -> new Removed(member(rs, row), rs.getTimestamp("removed_at").toInstant(),
                        rs.getString("removed_by")))
                .list();
    }

    @Transactional
    public void remove(CitizenId citizen, UUID memberId) {
        register.checkMayChange(citizen);
        int removed = jdbc.sql("""
                UPDATE network_member SET removed_at = :at, removed_by = :by
                 WHERE id = :id AND citizen_id = :citizen AND removed_at IS NULL
                """).param("at", Timestamp.from(clock.instant())).param("by", users.currentOrFail().username())
                .param("id", memberId).param("citizen", citizen.value()).update();
        if (removed == 0) {
            throw new NotFoundException("network member");
        }
        audit.granted(citizen.value(), AuditAction.UPDATE, "Fjernede en person fra borgerens netværk");
    }

    static NetworkMember member(ResultSet rs, int row) throws SQLException {
        return new NetworkMember(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                NetworkMember.Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("role"),
                rs.getInt("closeness"), rs.getString("phone"), rs.getString("email"), rs.getString("added_by"),
                rs.getTimestamp("added_at").toInstant());
    }
}
