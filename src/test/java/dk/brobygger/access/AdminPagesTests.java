package dk.brobygger.access;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** One menu item, Administration, leads an administrator to every administrative task. */
@BrobyggerTest
class AdminPagesTests {

    @Autowired MockMvc mvc;

    @Test
    void administratorsFindEveryAdministrativePageFromOnePlace() throws Exception {
        mvc.perform(get("/admin").with(httpBasic("admin", "demo"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/admin/brugere\"")))
                .andExpect(content().string(containsString("href=\"/admin/teams\"")))
                .andExpect(content().string(containsString("href=\"/admin/logning\"")))
                .andExpect(content().string(containsString("href=\"/admin/instrumenter\"")))
                .andExpect(content().string(containsString("href=\"/admin/medcom\"")))
                .andExpect(content().string(containsString("href=\"/admin/hjemmebesog/regler\"")))
                .andExpect(content().string(containsString("href=\"/admin/opsporing/regler\"")))
                .andExpect(content().string(containsString("href=\"/admin/opbevaring\"")));
    }

    @Test
    void othersNeitherSeeTheMenuItemNorThePage() throws Exception {
        mvc.perform(get("/admin").with(httpBasic("leder", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/tilbud").with(httpBasic("leder", "demo")))
                .andExpect(content().string(not(containsString("href=\"/admin\""))));
    }
}
