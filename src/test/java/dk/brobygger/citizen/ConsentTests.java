package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Samtykke: what may be shared with whom; sharing without it is refused with a clear Danish message. */
@BrobyggerTest
class ConsentTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired Consents consents;
    @Autowired MessageSource messages;

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
    void sharingWithoutConsentIsRefusedNamingTheMissingConsent() {
        assertThatThrownBy(() -> consents.require(id(), ConsentParty.ASSOCIATION, "Røde Kors Fjordlund"))
                .isInstanceOfSatisfying(ConsentMissingException.class, e -> assertThat(
                        messages.getMessage(e.messageKey(), e.arguments(), Locale.of("da")))
                        .isEqualTo("Borgeren har ikke givet samtykke til, at oplysninger deles med foreningen "
                                + "Røde Kors Fjordlund. Registrér samtykket først."));
    }

    @Test
    void aRecordedConsentAllowsSharingWithThatPartyOnly() throws Exception {
        give("""
                {"party": "ASSOCIATION", "partyName": "Røde Kors Fjordlund", "scope": "Navn og telefon til besøgsven"}
                """).andExpect(status().isCreated()).andExpect(jsonPath("$.party").value("ASSOCIATION"));

        consents.require(id(), ConsentParty.ASSOCIATION, "Røde Kors Fjordlund");
        assertThatThrownBy(() -> consents.require(id(), ConsentParty.ASSOCIATION, "Ældre Sagen"))
                .isInstanceOf(ConsentMissingException.class);
        assertThatThrownBy(() -> consents.require(id(), ConsentParty.GP, null))
                .isInstanceOf(ConsentMissingException.class);
    }

    @Test
    void aWithdrawnConsentStopsSharingButStaysInTheHistory() throws Exception {
        String consent = give("""
                {"party": "RELATIVES", "partyName": "Datteren Mette", "scope": "Deltagelse i netværksmøder"}
                """).andReturn().getResponse().getContentAsString().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");

        mvc.perform(post("/api/citizens/{id}/consents/{consent}/withdraw", karen, consent).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawnBy").value("hjemmebesog"));

        assertThatThrownBy(() -> consents.require(id(), ConsentParty.RELATIVES, null))
                .isInstanceOf(ConsentMissingException.class);
        mvc.perform(get("/api/citizens/{id}/consents", karen).with(NURSE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].scope").value("Deltagelse i netværksmøder"))
                .andExpect(jsonPath("$[0].withdrawnAt").exists());
    }

    @Test
    void anExpiredConsentNoLongerAllowsSharing() throws Exception {
        LocalDate lastYear = LocalDate.now().minusYears(1);
        give("{\"party\": \"GP\", \"scope\": \"Epikriser\", \"givenOn\": \"" + lastYear + "\", \"validUntil\": \""
                + lastYear.plusMonths(6) + "\"}").andExpect(status().isCreated());

        assertThatThrownBy(() -> consents.require(id(), ConsentParty.GP, null))
                .isInstanceOf(ConsentMissingException.class);
    }

    @Test
    void badConsentsAreRefusedWithDanishMessagesAndNothingIsSaved() throws Exception {
        give("{\"party\": \"NABOEN\", \"scope\": \"x\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Vælg hvem samtykket gælder")));
        give("{\"party\": \"GP\", \"scope\": \"  \"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("Skriv hvad samtykket dækker")));
        give("{\"party\": \"ASSOCIATION\", \"scope\": \"Navn\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("navnet på foreningen")));
        give("{\"party\": \"GP\", \"scope\": \"Epikriser\", \"givenOn\": \"" + LocalDate.now().plusDays(3) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("fremtiden")));

        mvc.perform(get("/api/citizens/{id}/consents", karen).with(NURSE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void consentsAreSubjectToNeedToKnow() throws Exception {
        mvc.perform(get("/api/citizens/{id}/consents", karen).with(httpBasic("faellesteam", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/citizens/{id}/consents", karen).with(httpBasic("faellesteam", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"party\": \"GP\", \"scope\": \"Alt\"}"))
                .andExpect(status().isForbidden());
    }

    private org.springframework.test.web.servlet.ResultActions give(String json) throws Exception {
        return mvc.perform(post("/api/citizens/{id}/consents", karen).with(NURSE).contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private CitizenId id() {
        return new CitizenId(UUID.fromString(karen));
    }
}
