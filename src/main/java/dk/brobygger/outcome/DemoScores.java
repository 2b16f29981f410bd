package dk.brobygger.outcome;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dk.brobygger.access.NeedToKnow;
import dk.brobygger.access.Users;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * UCLA scores for the demo nurse's citizens, given twice some months apart, so the measurement page
 * shows a development. Scored by the shipped instrument itself, never by hand.
 */
@Component
@Profile("demo-data & !postgres")
@Order(42)
class DemoScores implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Users users;
    private final NeedToKnow needToKnow;
    private final Instruments instruments;
    private final JsonMapper json;
    private final Clock clock;

    DemoScores(JdbcClient jdbc, Users users, NeedToKnow needToKnow, Instruments instruments, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.needToKnow = needToKnow;
        this.instruments = instruments;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM instrument_response").query(Long.class).single() > 0) {
            return;
        }
        instruments.loadShipped();
        var ucla = instruments.current("ucla-3");
        var random = new Random(20_261_125L);
        var nurse = users.find("hjemmebesog");
        if (nurse.isEmpty()) {
            return;
        }
        // The home-visit nurse's citizens, as DemoCitizens related them (oldest first).
        var visible = needToKnow.visibleTo(nurse.get());
        List<UUID> citizens = jdbc.sql("""
                SELECT id FROM citizen_register_view WHERE id IN (%s) ORDER BY birth_date, id
                """.formatted(visible.sql())).params(visible.params()).query(UUID.class).list();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < citizens.size(); i += 2) {
            int before = 1 + random.nextInt(3);
            LocalDate first = today.minusDays(120 + random.nextInt(120));
            save(citizens.get(i), ucla, Map.of("savner-samvaer", 3, "holdt-udenfor", before, "isoleret", 2), first);
            save(citizens.get(i), ucla, Map.of("savner-samvaer", 2, "holdt-udenfor", Math.max(1, before - 1),
                    "isoleret", 1 + random.nextInt(2)), first.plusDays(90));
        }
    }

    private void save(UUID citizen, dk.brobygger.outcome.Instrument instrument, Map<String, Integer> answers,
            LocalDate on) {
        var result = instrument.score(answers);
        jdbc.sql("""
                INSERT INTO instrument_response (id, citizen_id, instrument_code, instrument_version, answers, score,
                                                 band, answered_on, context, recorded_by, recorded_at)
                VALUES (:id, :citizen, :code, :version, :answers, :score, :band, :on, 'Forebyggende hjemmebesøg',
                        'hjemmebesog', :at)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("code", instrument.code())
                .param("version", instrument.version()).param("answers", json.writeValueAsString(answers))
                .param("score", result.score()).param("band", result.band()).param("on", on)
                .param("at", Timestamp.from(clock.instant())).update();
    }
}
