package dk.brobygger.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The shipped course types, each with its phases and intensity, and the administrator's page with history. */
@BrobyggerTest
class CourseTypesTests {

    @Autowired CourseTypes types;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void shippedTypesAsShipped() {
        jdbc.sql("DELETE FROM course_type_version WHERE changed_by <> 'system'").update();
        jdbc.sql("""
                UPDATE course_type SET version = 0, changed_by = 'system', name = 'Peerstøtte'
                 WHERE code = 'peerstoette'
                """).update();
        jdbc.sql("DELETE FROM course_type_phase WHERE type_id = (SELECT id FROM course_type WHERE code = 'peerstoette')").update();
        jdbc.sql("""
                INSERT INTO course_type_phase (type_id, position, name, planned_weeks, contacts_per_week)
                SELECT id, 0, 'Peerforløb', 16, 1.00 FROM course_type WHERE code = 'peerstoette'
                """).update();
    }

    @Test
    void theSevenShippedTypesHaveTheirPhasesAndIntensity() {
        assertThat(types.all()).extracting(CourseType::code).contains("kort-forloeb", "ungeraadgivning", "cti",
                "peerstoette", "integreret-indsats", "medicinpaedagogik", "haandholdt-brobygning");
        var cti = types.byCode("cti");
        assertThat(cti.phases()).extracting(CourseType.Phase::plannedWeeks).containsExactly(4, 13, 13, 13);
        assertThat(cti.phases()).extracting(CourseType.Phase::contactsPerWeek).containsExactly(1.0, 1.0, 0.5, 0.25);
        assertThat(types.byCode("kort-forloeb").totalWeeks()).isLessThanOrEqualTo(12);
        var youth = types.byCode("ungeraadgivning");
        assertThat(youth.fitsAge(12)).isTrue();
        assertThat(youth.fitsAge(26)).isFalse();
        assertThat(types.byCode("integreret-indsats").sharedAnalysis()).isTrue();
        assertThat(types.byCode("medicinpaedagogik").ownGoals()).isTrue();
        assertThat(types.byCode("peerstoette").peerHostOffered()).isTrue();
        assertThat(types.byCode("haandholdt-brobygning").defaultTeam()).isEqualTo("faellesteam");
    }

    @Test
    void anAdministratorChangesATypeAndTheHistoryKeepsBothVersions() throws Exception {
        var peer = types.byCode("peerstoette");
        mvc.perform(post("/admin/forloebstyper/{id}", peer.id()).with(httpBasic("admin", "demo")).with(csrf())
                .param("version", "0").param("navn", "Peerstøtte").param("beskrivelse", "Med en peer")
                .param("team", "en-indgang").param("peer", "true").param("aktiv", "true")
                .param("fasenavn", "Start", "Sammen", "").param("uger", "4", "12", "").param("prUge", "1", "0,5", "")
                .param("note", "To faser efter erfaringerne"))
                .andExpect(status().is3xxRedirection());
        var changed = types.byCode("peerstoette");
        assertThat(changed.phases()).extracting(CourseType.Phase::contactsPerWeek).containsExactly(1.0, 0.5);
        mvc.perform(get("/admin/forloebstyper").with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("To faser efter erfaringerne")))
                .andExpect(content().string(containsString("Leveret med Brobygger")));
        // The same form again, from the version before: someone else saved in between.
        mvc.perform(post("/admin/forloebstyper/{id}", peer.id()).with(httpBasic("admin", "demo")).with(csrf())
                .param("version", "0").param("navn", "Peerstøtte").param("beskrivelse", "Med en peer")
                .param("team", "en-indgang").param("fasenavn", "Start").param("uger", "4").param("prUge", "1"))
                .andExpect(status().isConflict());
        mvc.perform(post("/admin/forloebstyper/{id}", peer.id()).with(httpBasic("admin", "demo")).with(csrf())
                .param("version", "1").param("navn", "Peerstøtte").param("beskrivelse", "Med en peer")
                .param("team", "en-indgang").param("fasenavn", "Start").param("uger", "0").param("prUge", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Skriv, hvor mange uger fasen Start varer")));
    }

    @Test
    void onlyAdministratorsChangeTypes() throws Exception {
        mvc.perform(get("/admin/forloebstyper").with(httpBasic("vaert", "demo"))).andExpect(status().isForbidden());
    }
}
