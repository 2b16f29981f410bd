package dk.brobygger.directory.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.util.List;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.Offer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The public community portal as a citizen sees it, without logging in. */
@BrobyggerTest
class DirectoryPagesTests {

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;

    Offer knitting;
    Offer closedOne;

    @BeforeEach
    void municipality() {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        var place = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        knitting = directory.offer(place, "Strikkeklubben").category("kreativ").targetGroup("seniorer")
                .meets(DayOfWeek.TUESDAY, 10, 12).description("Vi strikker og drikker kaffe.").save();
        closedOne = directory.offer(place, "Gammel læsekreds").status(OfferStatus.INACTIVE).save();
    }

    @Test
    void theFrontPageInvitesToSearchInDanish() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Find et fællesskab")))
                .andExpect(content().string(containsString("lang=\"da\"")))
                .andExpect(content().string(containsString("Gå til sidens indhold")))
                .andExpect(content().string(containsString("Tilgængelighedserklæring")));
    }

    @Test
    void aSearchShowsMatchingOffersWithScheduleInPlainDanish() throws Exception {
        mvc.perform(get("/tilbud").param("q", "strik"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkeklubben")))
                .andExpect(content().string(containsString("Tirsdage kl. 10–12")))
                .andExpect(content().string(containsString("1 tilbud")));
    }

    @Test
    void anEmptyResultSuggestsHowToWidenTheSearch() throws Exception {
        mvc.perform(get("/tilbud").param("q", "faldskærmsudspring").param("gratis", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen tilbud passer til din søgning")))
                .andExpect(content().string(containsString("Prøv færre ord")))
                .andExpect(content().string(containsString("Fjern nogle af afgrænsningerne")));
    }

    @Test
    void hostileSearchInputGivesANormalPage() throws Exception {
        for (String text : List.of("<script>alert(1)</script>", "\" OR 1=1 --", "strik~2^3 AND title:(x", "🧶🧶",
                "x".repeat(2_000))) {
            mvc.perform(get("/tilbud").param("q", text).param("side", "-4").param("afstand", "NaN")
                            .param("ugedag", "FUNDAY").param("sorter", "DROP"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("<script>alert(1)</script>"))));
        }
    }

    @Test
    void filtersShowHowManyOffersEachChoiceGivesAndKeepWhatWasChosen() throws Exception {
        mvc.perform(get("/tilbud").param("kategori", "kreativ").param("bydel", "VEST"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*value=\"kreativ\" checked=\"checked\">\\s*<label[^>]*><span>Kreativt</span>\\s*"
                                + "<span class=\"facet-count\">\\(1\\)</span>.*")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<span>Motion</span>\\s*<span class=\"facet-count\">\\(0\\)</span>.*")));
    }

    @Test
    void theFiltersFollowAChangeToAnOfferAtOnce() throws Exception {
        var kreativ = "(?s).*value=\"kreativ\">\\s*<label[^>]*><span>Kreativt</span>\\s*"
                + "<span class=\"facet-count\">\\(%d\\)</span>.*";
        mvc.perform(get("/tilbud").param("bydel", "VEST"))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(kreativ.formatted(1))));
        mvc.perform(get("/tilbud").param("bydel", "VEST")) // the same panel again, as rendered before
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(kreativ.formatted(1))));

        var club = directory.organization("Fjordlund Syklub");
        var room = directory.location(club, "Vestergade 12", "7100", "VEST", 55.7091, 9.5361, false);
        directory.offer(room, "Syaften").category("kreativ").save();

        mvc.perform(get("/tilbud").param("bydel", "VEST"))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(kreativ.formatted(2))));
    }

    @Test
    void theFiltersSpeakTheLanguageOfThePageAndShowWhatWasChosen() throws Exception {
        mvc.perform(get("/tilbud").param("gratis", "true"))
                .andExpect(content().string(containsString(">Kategori</legend>")))
                .andExpect(content().string(containsString("value=\"true\" checked=\"checked\">")));
        mvc.perform(get("/tilbud").param("gratis", "true").param("lang", "en"))
                .andExpect(content().string(containsString(">Category</legend>")))
                .andExpect(content().string(containsString("Free of charge")))
                .andExpect(content().string(not(containsString(">Kategori</legend>"))));
        mvc.perform(get("/tilbud"))
                .andExpect(content().string(not(containsString("checked=\"checked\""))));
    }

    @Test
    void anOfferPageShowsWhatACitizenNeedsToKnow() throws Exception {
        mvc.perform(get("/tilbud/{id}", knitting.id()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Strikkeklubben")))
                .andExpect(content().string(containsString("Tirsdage kl. 10–12")))
                .andExpect(content().string(containsString("Vestergade 10")))
                .andExpect(content().string(containsString("openstreetmap.org")))
                .andExpect(content().string(containsString("Adgang for kørestol")))
                .andExpect(content().string(containsString("Gratis")))
                .andExpect(content().string(containsString("Selvhjulpen")))
                .andExpect(content().string(containsString("Senest bekræftet")))
                .andExpect(content().string(not(containsString("For redaktører"))));
    }

    @Test
    void inactiveAndUnknownOffersAreNotFoundInDanish() throws Exception {
        mvc.perform(get("/tilbud/{id}", closedOne.id()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Siden findes ikke")));
        mvc.perform(get("/tilbud/ikke-et-id"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Siden findes ikke")));
    }

    @Test
    void theSameSearchIsPublicJsonForOtherSites() throws Exception {
        mvc.perform(get("/tilbud/soeg").param("q", "strik").param("bydel", "VEST"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(1))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.hits[0].name")
                        .value("Strikkeklubben"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$.facets.kategori.kreativ").value(1));
        mvc.perform(get("/tilbud/soeg").param("q", "\" OR 1=1 --").param("side", "x"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(0));
    }

    @Test
    void theApiDocumentationPageLoads() throws Exception {
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void theSameSearchIsOfferedInEnglish() throws Exception {
        mvc.perform(get("/tilbud").param("q", "strik").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Find communities")))
                .andExpect(content().string(containsString("Tuesdays 10–12")));
    }
}
