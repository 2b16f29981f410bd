package dk.brobygger.homevisit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home care a citizen receives (personal care, practical help), as staff record it or the care
 * system delivers it; the §79a exemption reads it. Need-to-know and audit apply.
 */
@Service
class HomeCare {

    /** One service from a date, until a date or still going. */
    public record Period(UUID id, CitizenId citizen, HomeCareService service, LocalDate from, @Nullable LocalDate to,
            String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final WorklistTable worklist;
    private final CitizenRecords records;
    private final Users users;
    private final Clock clock;

    HomeCare(JdbcClient jdbc, CitizenRecords records, Users users, WorklistTable worklist, Clock clock) {
        this.jdbc = jdbc;
        this.worklist = worklist;
        this.records = records;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public Period record(CitizenId citizen, HomeCareService service, @Nullable LocalDate from, @Nullable LocalDate to) {
        records.change(citizen, AuditAction.CREATE, "Registrerede borgerens hjemmehjælp");
        if (from == null) {
            throw new DomainException("homevisit.homeCare.fromMissing");
        }
        if (to != null && to.isBefore(from)) {
            throw new DomainException("homevisit.homeCare.order");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO homevisit_home_care (id, citizen_id, service, from_date, to_date, recorded_by, recorded_at)
                VALUES (:id, :citizen, :service, :from, :to, :by, :at)
                """).param("id", id).param("citizen", citizen.value()).param("service", service.name())
                .param("from", from).param("to", to).param("by", users.currentOrFail().username())
                .param("at", Timestamp.from(clock.instant())).update();
        // Home care may exempt the citizen from the §79a visit: the worklist follows at once.
        worklist.make(citizen);
        return new Period(id, citizen, service, from, to, users.currentOrFail().username());
    }

    /** Need-to-know to the citizen, before the input is looked at. */
    @Transactional
    public void checkMayRecord(CitizenId citizen) {
        records.checkMayChange(citizen, "Registrerede borgerens hjemmehjælp");
    }

    @Transactional
    public List<Period> of(CitizenId citizen) {
        records.read(citizen, "Så borgerens hjemmehjælp");
        return jdbc.sql("SELECT * FROM homevisit_home_care WHERE citizen_id = :citizen ORDER BY from_date, id")
                .param("citizen", citizen.value()).query(HomeCare::period).list();
    }

    private static Period period(ResultSet rs, int row) throws SQLException {
        Date to = rs.getDate("to_date");
        return new Period(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                HomeCareService.valueOf(rs.getString("service")), rs.getDate("from_date").toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getString("recorded_by"));
    }
}
