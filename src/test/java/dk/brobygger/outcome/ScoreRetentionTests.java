package dk.brobygger.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.CitizenRetention.Mode;
import dk.brobygger.citizen.CitizenRetention.Outcome;
import dk.brobygger.citizen.TestCitizens;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Opbevaring: an expired citizen's scores keep the numbers and lose the free-text context. */
@BrobyggerTest
class ScoreRetentionTests {

    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    UUID karen;
    UUID ole;

    @BeforeEach
    void karenAndOleHaveScores() {
        jdbc.sql("DELETE FROM instrument_response").update();
        citizens.reset();
        karen = citizens.registered("150551-1234", "Karen Jensen", "hjemmebesog");
        ole = citizens.registered("020346-1235", "Ole Hansen", "hjemmebesog");
        score(karen, LocalDate.of(2025, 3, 10), 8, "Hjemmebesøg hos Karen efter Pouls død");
        score(karen, LocalDate.of(2025, 9, 10), 5, null);
        score(ole, LocalDate.of(2025, 3, 11), 4, "Forebyggende hjemmebesøg");
    }

    @Test
    void anExpiredCitizensScoresLoseTheContextAndKeepTheNumbers() {
        var counted = counted(karen);

        assertThat(citizens.expire(Mode.ANONYMISE, karen)).isEqualTo(new Outcome(1, 0, 0));

        assertThat(contexts(karen)).containsOnlyNulls().hasSize(2);
        assertThat(counted(karen)).isEqualTo(counted);
        assertThat(contexts(ole)).containsExactly("Forebyggende hjemmebesøg");
    }

    @Test
    void aDeletedCitizensScoresGoWithThem() {
        assertThat(citizens.expire(Mode.DELETE, karen)).isEqualTo(new Outcome(0, 1, 0));

        assertThat(counted(karen)).isEmpty();
        assertThat(counted(ole)).hasSize(1);
    }

    void score(UUID citizen, LocalDate on, int score, @Nullable String context) {
        jdbc.sql("""
                INSERT INTO instrument_response (id, citizen_id, instrument_code, instrument_version, answers, score,
                                                 band, answered_on, context, recorded_by, recorded_at)
                SELECT :id, :citizen, code, version, '{"savner-samvaer": 3, "holdt-udenfor": 3, "isoleret": 2}', :score,
                       'Ensom', :on, :context, 'hjemmebesog', TIMESTAMP '2025-03-10 12:00:00'
                  FROM instrument WHERE code = 'ucla-3'
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("score", score).param("on", on)
                .param("context", context).update();
    }

    List<@Nullable String> contexts(UUID citizen) {
        return jdbc.sql("SELECT context FROM instrument_response WHERE citizen_id = :id ORDER BY answered_on")
                .param("id", citizen).query((rs, n) -> rs.getString(1)).list();
    }

    List<String> counted(UUID citizen) {
        return jdbc.sql("""
                SELECT instrument_code, instrument_version, answers, score, band, answered_on
                  FROM instrument_response WHERE citizen_id = :id ORDER BY answered_on
                """).param("id", citizen).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " "
                        + rs.getString(3) + " " + rs.getBigDecimal(4).stripTrailingZeros() + " " + rs.getString(5) + " "
                        + rs.getDate(6)).list();
    }
}
