package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo citizens reach the database in batches and read back as ordinary citizens. */
@BrobyggerTest
class CitizenDemoWriterTests {

    @Autowired DemoCitizenWriter writer;
    @Autowired TestCitizens testCitizens;
    @Autowired Citizens citizens;
    @Autowired JdbcClient jdbc;
    @Autowired dk.brobygger.access.Relations relations;
    @Autowired dk.brobygger.access.Users users;
    @Autowired java.time.Clock clock;

    @BeforeEach
    @AfterEach
    void noCitizens() {
        testCitizens.reset();
    }

    @Test
    void generatedCitizensAreWrittenInBatchesAndReadBackWithTheirDerivedColumnsRight() {
        assertThat(writer.write(7, 2_500)).isEqualTo(2_500);
        assertThat(testCitizens.count()).isEqualTo(2_500);

        var id = jdbc.sql("SELECT id FROM citizen ORDER BY name, id").query(java.util.UUID.class).list().getFirst();
        var citizen = citizens.find(new CitizenId(id)).orElseThrow();
        assertThat(citizen.birthDate()).isEqualTo(citizen.cpr().birthDate());
        assertThat(citizen.sex()).isEqualTo(citizen.cpr().sex());
        assertThat(citizen.district()).isIn(new District("ØST"), new District("VEST"));
    }

    @Test
    void theDemoCitizenLoginBelongsToSomeoneTurningEightyWhoLivesAloneAndIsKnownToTheHomeVisitNurse() {
        new DemoCitizens(writer, jdbc, relations, users, clock, 3_000).run(null);

        var citizen = citizens.find(new CitizenId(users.citizenOf("borger").orElseThrow())).orElseThrow();
        var today = java.time.LocalDate.now(clock);
        assertThat(today.getYear() - citizen.birthDate().getYear()).isEqualTo(80);
        assertThat(citizen.livingSituation()).isEqualTo(LivingSituation.ALONE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM citizen_relation WHERE citizen_id = :id AND username = 'hjemmebesog'")
                .param("id", citizen.id().value()).query(Long.class).single()).isEqualTo(1);
    }
}
