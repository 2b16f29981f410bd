package dk.brobygger.citizen;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.Users;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The citizen's own page: their record, and who has seen it, in plain Danish. */
@BrobyggerTest
class MyDataTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final RequestPostProcessor CITIZEN = httpBasic("borger", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired Users users;

    String karen;

    @BeforeEach
    void karenIsTheCitizenWhoLogsIn() throws Exception {
        citizens.reset();
        String answer = mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"cpr": "150551-1234", "name": "Karen Jensen", "address": "Vestergade 3",
                                 "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        karen = answer.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        users.linkCitizen("borger", UUID.fromString(karen));
    }

    @Test
    void theCitizenSeesWhoHasSeenTheirInformationAndWhy() throws Exception {
        mvc.perform(get("/api/citizens/{id}", karen).with(NURSE)).andExpect(status().isOk());
        mvc.perform(post("/api/citizens/{id}/break-the-glass", karen).with(httpBasic("akut", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Opkald til akuttelefonen om natten\"}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/mig").with(CITIZEN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Karen Jensen")))
                .andExpect(content().string(containsString("Hvem har set mine oplysninger")))
                .andExpect(content().string(containsString("Hanne Hjemmebesøg")))
                .andExpect(content().string(containsString("Anders Akut")))
                .andExpect(content().string(containsString("Opkald til akuttelefonen om natten")));
    }

    @Test
    void aCitizenSeesOnlyTheirOwnRecord() throws Exception {
        mvc.perform(get("/api/citizens/{id}", karen).with(CITIZEN)).andExpect(status().isForbidden());
        mvc.perform(get("/borgere").param("q", "karen").with(CITIZEN)).andExpect(status().isForbidden());
    }

    @Test
    void staffHaveNoOwnCitizenPage() throws Exception {
        mvc.perform(get("/mig").with(NURSE)).andExpect(status().isForbidden());
    }
}
