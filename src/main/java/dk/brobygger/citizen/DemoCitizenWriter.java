package dk.brobygger.citizen;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dk.brobygger.citizen.DemoCitizenGenerator.GeneratedCitizen;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes generated citizens with batched inserts, a batch at a time as they are generated, so a
 * million citizens for the benchmark cost neither a million round trips nor a million objects.
 * Each batch commits on its own.
 */
@Component
class DemoCitizenWriter {

    static final int BATCH = 1_000;
    private static final String INSERT = """
            INSERT INTO citizen (id, cpr, birth_date, sex, name, address, postcode, district, phone, email,
                                 living_situation, language, needs_interpreter, transport_notes, version,
                                 created_at, created_by, updated_at, updated_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'demo', ?, 'demo')
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DemoCitizenWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Generates and writes {@code count} citizens; returns how many were written. */
    public int write(long seed, int count) {
        Timestamp now = Timestamp.from(clock.instant());
        List<GeneratedCitizen> batch = new ArrayList<>(BATCH);
        int[] written = {0};
        DemoCitizenGenerator.generate(seed, count, LocalDate.now(clock), citizen -> {
            batch.add(citizen);
            if (batch.size() == BATCH) {
                written[0] += insert(batch, now);
                batch.clear();
            }
        });
        written[0] += insert(batch, now);
        return written[0];
    }

    private int insert(List<GeneratedCitizen> citizens, Timestamp now) {
        if (citizens.isEmpty()) {
            return 0;
        }
        jdbc.batchUpdate(INSERT, citizens, BATCH, (ps, c) -> {
            ps.setObject(1, c.id());
            ps.setString(2, c.cpr().value());
            ps.setDate(3, Date.valueOf(c.cpr().birthDate()));
            ps.setString(4, c.cpr().sex().name());
            ps.setString(5, c.name());
            ps.setString(6, c.address());
            ps.setString(7, c.postcode());
            ps.setString(8, c.district());
            ps.setString(9, c.phone());
            ps.setString(10, c.email());
            ps.setString(11, c.livingSituation() == null ? null : c.livingSituation().name());
            ps.setString(12, c.language());
            ps.setBoolean(13, c.needsInterpreter());
            ps.setString(14, c.transportNotes());
            ps.setTimestamp(15, now);
            ps.setTimestamp(16, now);
        });
        return citizens.size();
    }
}
