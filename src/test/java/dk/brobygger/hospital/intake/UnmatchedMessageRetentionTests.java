package dk.brobygger.hospital.intake;

import dk.brobygger.shared.ClusterJobs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A MedCom message for a CPR number no citizen has is kept whole for an administrator; 90 days after they
 * handled it, it loses everything that names the patient, and the list still says what happened.
 */
@BrobyggerTest
class UnmatchedMessageRetentionTests {

    static final String ELMER_CPR = "250947-9989";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ClusterJobs jobs;
    @Autowired TestCitizens citizens;
    @Autowired Clock clock;

    UUID message;

    @BeforeEach
    void aMessageForSomeoneWhoIsNotACitizenHere() throws Exception {
        jdbc.sql("DELETE FROM hospital_event").update();
        jdbc.sql("DELETE FROM hospital_message").update();
        citizens.reset();
        String body = dk.brobygger.hospital.MedcomExamples.read("HospitalNotification_Ex_STIN_A.json");
        mvc.perform(post("/fhir/$process-message").with(httpBasic("medcom", "demo"))
                .contentType(MediaType.parseMediaType("application/fhir+json")).content(body))
                .andExpect(status().isUnprocessableContent());
        message = jdbc.sql("SELECT id FROM hospital_message").query(UUID.class).single();
    }

    @Test
    void anUnhandledMessageIsKeptWholeHoweverOld() {
        jdbc.sql("UPDATE hospital_message SET received_at = :at").param("at", java.sql.Timestamp.from(
                clock.instant().minus(Duration.ofDays(400)))).update();

        assertThat(retentionDaysFromNow(400).apply()).isZero();

        assertThat(row().get("body").toString()).contains("2509479989");
    }

    @Test
    void ninetyDaysAfterAnAdministratorHandledItTheMessageNoLongerNamesThePatient() throws Exception {
        mvc.perform(post("/admin/medcom/{id}/behandlet", message).with(httpBasic("admin", "demo")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(retentionDaysFromNow(89).apply()).as("not yet").isZero();
        assertThat(retentionDaysFromNow(91).apply()).isEqualTo(1);
        assertThat(retentionDaysFromNow(92).apply()).as("done once").isZero();

        var row = row();
        assertThat(row.get("body")).isEqualTo("Anonymiseret");
        assertThat(row.get("detail")).isNull();
        assertThat(row.get("message_id")).isNull();
        assertThat(row.get("bundle_id")).isNull();
        assertThat(row.get("reason")).isEqualTo("UNKNOWN_PATIENT");
        assertThat(row.get("event_code")).isEqualTo("STIN");
        assertThat(row.get("handled_by")).isEqualTo("admin");
        mvc.perform(get("/admin/medcom/{id}", message).with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .doesNotContain("2509479989").doesNotContain(ELMER_CPR).doesNotContain("Elmer"));
    }

    @Test
    void aMessageMatchedToACitizenFollowsTheCitizensRetentionInstead() {
        jdbc.sql("UPDATE hospital_message SET citizen_id = :citizen, handled_at = :at, handled_by = 'admin'")
                .param("citizen", UUID.randomUUID())
                .param("at", java.sql.Timestamp.from(clock.instant().minus(Duration.ofDays(400)))).update();

        assertThat(retentionDaysFromNow(0).apply()).isZero();
    }

    @Test
    void thePeriodMustBePositive() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> new UnmatchedMessageRetention(jdbc, jobs, clock, Period.ZERO));
    }

    private UnmatchedMessageRetention retentionDaysFromNow(int days) {
        return new UnmatchedMessageRetention(jdbc, jobs, Clock.offset(clock, Duration.ofDays(days)), Period.ofDays(90));
    }

    private Map<String, Object> row() {
        return jdbc.sql("SELECT * FROM hospital_message WHERE id = :id").param("id", message).query().singleRow();
    }
}
