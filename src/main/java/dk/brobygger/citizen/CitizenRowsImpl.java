package dk.brobygger.citizen;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.brobygger.shared.CprNumber;

/** {@link CitizenRows}: the citizen table's columns, one for one, into {@link Citizen}'s persistence constructor. */
class CitizenRowsImpl implements CitizenRows {

    private final JdbcClient jdbc;

    CitizenRowsImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Citizen> find(CitizenId id) {
        return jdbc.sql("SELECT * FROM citizen WHERE id = :id").param("id", id.value())
                .query(CitizenRowsImpl::citizen).optional();
    }

    static Citizen citizen(ResultSet rs, int row) throws SQLException {
        String living = rs.getString("living_situation");
        long versionRead = rs.getLong("version");
        Long version = rs.wasNull() ? null : versionRead;
        return new Citizen(rs.getObject("id", UUID.class), rs.getString("cpr"),
                rs.getObject("birth_date", LocalDate.class), CprNumber.Sex.valueOf(rs.getString("sex")),
                rs.getString("name"), rs.getString("address"), rs.getString("postcode"), rs.getString("district"),
                rs.getString("phone"), rs.getString("email"), living == null ? null : LivingSituation.valueOf(living),
                rs.getString("language"), rs.getBoolean("needs_interpreter"), rs.getString("transport_notes"),
                version, instant(rs, "created_at"), rs.getString("created_by"),
                instant(rs, "updated_at"), rs.getString("updated_by"), instant(rs, "anonymised_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
