package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Netværk: the people around the citizen, as a list and as a map people would rather look at. */
@BrobyggerTest
class NetworkTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired JdbcClient jdbc;

    String karen;

    @BeforeEach
    void aCitizenTheNurseWorksWith() throws Exception {
        citizens.reset();
        String answer = mvc.perform(post("/api/citizens").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"cpr": "150551-1234", "name": "Karen Jensen", "address": "Vestergade 3",
                                 "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                                """))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        karen = answer.replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @Test
    void theNetworkIsListedClosestFirstAndDrawnAsAMap() throws Exception {
        add("{\"kind\": \"PROFESSIONAL\", \"name\": \"Dr. Holm\", \"role\": \"egen læge\", \"closeness\": 3}")
                .andExpect(status().isCreated());
        add("{\"kind\": \"PRIVATE\", \"name\": \"Mette\", \"role\": \"datter\", \"closeness\": 1, \"phone\": \"20 30 40 50\"}")
                .andExpect(status().isCreated());

        mvc.perform(get("/api/citizens/{id}/network", karen).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Mette"))
                .andExpect(jsonPath("$[1].role").value("egen læge"));
        mvc.perform(get("/borgere/{id}", karen).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<svg class=\"network-map\"")))
                .andExpect(content().string(containsString("Netværkskort for Karen Jensen")))
                .andExpect(content().string(containsString("class=\"member private\"")))
                .andExpect(content().string(containsString("class=\"member professional\"")))
                .andExpect(content().string(containsString("Tættest på")));
    }

    @Test
    void aRemovedMemberLeavesTheNetworkButNotTheHistory() throws Exception {
        String member = add("{\"kind\": \"PRIVATE\", \"name\": \"Ole\", \"role\": \"nabo\"}")
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        mvc.perform(delete("/api/citizens/{id}/network/{member}", karen, member).with(NURSE))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/citizens/{id}/network", karen).with(NURSE)).andExpect(jsonPath("$.length()").value(0));
        String removedBy = jdbc.sql("SELECT removed_by FROM network_member WHERE id = :id")
                .param("id", UUID.fromString(member)).query(String.class).single();
        assertThat(removedBy).isEqualTo("hjemmebesog");
    }

    @Test
    void fjernOnThePageAsksFirstAndOnlyTheConfirmationRemoves() throws Exception {
        String member = add("{\"kind\": \"PRIVATE\", \"name\": \"Ole\", \"role\": \"nabo\"}")
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String removeUrl = "/borgere/" + karen + "/netvaerk/" + member + "/fjern";

        mvc.perform(get("/borgere/{id}/netvaerk", karen).with(NURSE))
                .andExpect(content().string(containsString("href=\"" + removeUrl + "\"")));
        mvc.perform(get(removeUrl).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vil du fjerne Ole fra netværket?")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("action=\"" + removeUrl + "\"")))
                .andExpect(content().string(containsString("href=\"/borgere/" + karen + "/netvaerk\"")));
        mvc.perform(get("/api/citizens/{id}/network", karen).with(NURSE)).andExpect(jsonPath("$.length()").value(1));

        mvc.perform(post(removeUrl).with(NURSE).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/citizens/{id}/network", karen).with(NURSE)).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get(removeUrl).with(NURSE)).andExpect(status().isNotFound());
    }

    @Test
    void badMembersAreRefusedInDanishAndTextIsNeverMarkup() throws Exception {
        add("{\"kind\": \"VEN\", \"name\": \"Ole\", \"role\": \"nabo\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("privat netværk")));
        add("{\"kind\": \"PRIVATE\", \"name\": \" \", \"role\": \"nabo\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Skriv personens navn")));
        add("{\"kind\": \"PRIVATE\", \"name\": \"Ole\", \"role\": \"nabo\", \"closeness\": 7}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Nærhed er 1")));

        add("{\"kind\": \"PRIVATE\", \"name\": \"<script>alert(1)</script>\", \"role\": \"nabo\"}")
                .andExpect(status().isCreated());
        mvc.perform(get("/borgere/{id}", karen).with(NURSE))
                .andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
                .andExpect(content().string(containsString("&lt;script&gt;")));
    }

    @Test
    void theNetworkIsSubjectToNeedToKnow() throws Exception {
        mvc.perform(get("/api/citizens/{id}/network", karen).with(httpBasic("faellesteam", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/citizens/{id}/network", karen).with(httpBasic("faellesteam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"PRIVATE\", \"name\": \"Ole\", \"role\": \"nabo\"}"))
                .andExpect(status().isForbidden());
    }

    private ResultActions add(String json) throws Exception {
        return mvc.perform(post("/api/citizens/{id}/network", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }
}
