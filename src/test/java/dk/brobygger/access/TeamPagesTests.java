package dk.brobygger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Administrators manage team memberships; the history of who joined and left stays. */
@BrobyggerTest
class TeamPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Teams teams;

    @Test
    void theTeamsFromTheSeedsAreThere() throws Exception {
        mvc.perform(get("/admin/teams").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Forebyggende hjemmebesøg")))
                .andExpect(content().string(containsString("Hjemmepleje ØST")))
                .andExpect(content().string(containsString("Ungeindsats")));
    }

    @Test
    void anAdministratorAddsAndRemovesAMemberAndTheHistoryStays() throws Exception {
        var admin = httpBasic("admin", "demo");
        mvc.perform(post("/admin/teams/jobcenter/medlemmer").with(admin).with(csrf()).param("brugernavn", "vaert"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("success", "team.added"));
        assertThat(teams.of("vaert")).contains("jobcenter");

        mvc.perform(post("/admin/teams/jobcenter/medlemmer/vaert/udmeld").with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(teams.of("vaert")).doesNotContain("jobcenter");
        assertThat(teams.history("jobcenter")).anySatisfy(m -> {
            assertThat(m.username()).isEqualTo("vaert");
            assertThat(m.joinedBy()).isEqualTo("admin");
            assertThat(m.leftBy()).isEqualTo("admin");
        });
        mvc.perform(get("/admin/teams/jobcenter").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Historik")))
                .andExpect(content().string(containsString("vaert")));
    }

    @Test
    void anUnknownUserIsRefusedWithADanishMessage() throws Exception {
        mvc.perform(post("/admin/teams/jobcenter/medlemmer").with(httpBasic("admin", "demo")).with(csrf())
                        .param("brugernavn", "<script>x</script>"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "access.relation.unknownUser"));
    }

    @Test
    void anEmptyUserNameIsAskedForAgain() throws Exception {
        mvc.perform(post("/admin/teams/jobcenter/medlemmer").with(httpBasic("admin", "demo")).with(csrf())
                        .param("brugernavn", "  "))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "team.usernameMissing"));
    }

    @Test
    void onlyAdministratorsManageTeams() throws Exception {
        mvc.perform(get("/admin/teams").with(httpBasic("leder", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/teams/jobcenter/medlemmer").with(httpBasic("hjemmebesog", "demo")).with(csrf())
                        .param("brugernavn", "hjemmebesog"))
                .andExpect(status().isForbidden());
        assertThat(teams.of("hjemmebesog")).doesNotContain("jobcenter");
    }
}
