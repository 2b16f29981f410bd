package dk.brobygger.homevisit;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Offers are recorded: date, channel, accepted or declined, date held, who held it. */
@BrobyggerTest
class VisitOffersTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestHomeVisits data;
    @Autowired Clock clock;

    int year;
    LocalDate today;
    UUID karen;

    @BeforeEach
    void aCitizenTurning80WhomTheNurseWorksWith() {
        data.reset();
        today = LocalDate.now(clock);
        year = today.getYear();
        karen = data.citizen("Karen Jensen", LocalDate.of(year - 80, 2, 2), "ALONE", "VEST");
        data.relate(karen, "hjemmebesog");
    }

    @Test
    void anOfferIsMadeAcceptedAndHeldAndTheDueListFollows() throws Exception {
        String offer = offer(karen, today.toString(), "DIGITAL_POST").andExpect(status().isCreated())
                .andExpect(jsonPath("$.rule").value("TURNS_80"))
                .andExpect(jsonPath("$.channel").value("DIGITAL_POST"))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        mvc.perform(post("/api/homevisits/offers/{id}/answer", offer).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"accepted\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.answer").value("ACCEPTED"));
        mvc.perform(post("/api/homevisits/offers/{id}/held", offer).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"heldOn\": \"%s\"}".formatted(today)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.heldBy").value("hjemmebesog"));
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year)).with(NURSE))
                .andExpect(jsonPath("$[0].offerStatus").value("HELD"))
                .andExpect(jsonPath("$[0].heldOn").value(today.toString()));
    }

    @Test
    void aSecondOfferTheSameYearIsAConflictAndAFutureDateOrACitizenNotDueIsRefused() throws Exception {
        offer(karen, today.plusDays(2).toString(), "PHONE").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("fremtiden")));
        offer(karen, today.toString(), "DUEPOST").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Vælg, hvordan besøget blev tilbudt")));
        offer(karen, today.toString(), "PHONE").andExpect(status().isCreated());
        offer(karen, today.toString(), "PHONE").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail", containsString("allerede fået tilbudt")));

        UUID young = data.citizen("Ung", LocalDate.of(year - 72, 2, 2), "ALONE", "VEST");
        data.relate(young, "hjemmebesog");
        offer(young, today.toString(), "PHONE").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("skal ikke tilbydes")));
    }

    @Test
    void aColleagueWithoutARelationCannotRecordAnOffer() throws Exception {
        mvc.perform(post("/api/homevisits/offers").with(httpBasic("faellesteam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"citizenId\": \"%s\", \"year\": %d, \"channel\": \"PHONE\"}".formatted(karen, year)))
                .andExpect(status().isForbidden());
    }

    @Test
    void homeCareIsRecordedForTheCitizenAndBothServicesExemptFromTheDueList() throws Exception {
        for (String service : new String[] {"PERSONAL_CARE", "PRACTICAL_HELP"}) {
            mvc.perform(post("/api/citizens/{id}/home-care", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"service\": \"%s\", \"from\": \"%s\"}".formatted(service, today.minusYears(1))))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/citizens/{id}/home-care", karen).with(NURSE)).andExpect(jsonPath("$.length()").value(2));
        mvc.perform(get("/api/homevisits/due").param("year", String.valueOf(year)).with(NURSE))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/citizens/{id}/home-care", karen).with(httpBasic("faellesteam", "demo")))
                .andExpect(status().isForbidden());
    }

    ResultActions offer(UUID citizen, String offeredOn, String channel) throws Exception {
        return mvc.perform(post("/api/homevisits/offers").with(NURSE).contentType(MediaType.APPLICATION_JSON)
                .content("{\"citizenId\": \"%s\", \"year\": %d, \"offeredOn\": \"%s\", \"channel\": \"%s\"}"
                        .formatted(citizen, year, offeredOn, channel)));
    }
}
