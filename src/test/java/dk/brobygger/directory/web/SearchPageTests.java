package dk.brobygger.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The search page orders by distance from a place typed, and an empty result shows a way out. */
@BrobyggerTest
class SearchPageTests {

    private static final Pattern DISTANCE = Pattern.compile("(\\d+,\\d) km væk");

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;

    @BeforeEach
    void municipality() {
        directory.reset();
        var club = directory.organization("Fjordlund Frivillighus");
        // From Strandby (7130, 55.7300 N 9.6200 E): about 0.1, 4.1 and 9.4 km.
        var near = directory.location(club, "Havnegade 3", "7130", "ØST", 55.7305, 9.6210, false);
        var middle = directory.location(club, "Vestergade 10", "7100", "VEST", 55.7090, 9.5650, true);
        var far = directory.location(club, "Skovvej 2", "7120", "VEST", 55.7000, 9.4800, false);
        directory.offer(far, "Aftenkaffe og strik").category("kreativ").description("Vi strikker og hygger.").save();
        directory.offer(middle, "Bowling for seniorer").category("motion").description("Bowling i roligt tempo.").save();
        directory.offer(near, "Cafe ved havnen").category("kreativ").description("Strik og snak ved havnen.").save();
    }

    @Test
    void typingAPlaceSortsTheListByDistanceNearestFirst() throws Exception {
        // The page without a place sends no order of its own ("Bedste match" is chosen by default) …
        mvc.perform(get("/tilbud"))
                .andExpect(content().string(containsString("<option value=\"\" selected=\"selected\">Bedste match</option>")));
        // … so when the citizen then types a postcode, the list runs from the nearest.
        assertThat(distances(get("/tilbud").param("q", "").param("sted", "7130").param("sorter", "")))
                .hasSize(3).isSorted();
        assertThat(distances(get("/tilbud").param("sted", "Havnegade 3"))).hasSize(3).isSorted();
    }

    @Test
    void aPlaceTypedAtTheEndOfTheWordsIsTakenAsThePlace() throws Exception {
        // a postcode, a street and house number, a postcode with its town, a town's name: nearest first
        assertThat(distances(get("/tilbud").param("q", "strik 7130"))).hasSize(2).isSorted();
        assertThat(distances(get("/tilbud").param("q", "strik Havnegade 3"))).hasSize(2).isSorted();
        assertThat(distances(get("/tilbud").param("q", "strik Havnegade 3, 7130 Strandby"))).hasSize(2).isSorted();
        assertThat(distances(get("/tilbud").param("q", "Strandby"))).hasSize(3).isSorted();
        // the form shows what was understood, so the citizen can change either field
        mvc.perform(get("/tilbud").param("q", "strik 7130"))
                .andExpect(content().string(containsString("value=\"strik\"")))
                .andExpect(content().string(containsString("value=\"7130\"")))
                .andExpect(content().string(Matchers.inOrder("Cafe ved havnen", "Aftenkaffe og strik")));
        // the JSON search understands it the same way
        mvc.perform(get("/tilbud/soeg").param("q", "strik 7130").accept("application/json"))
                .andExpect(content().string(containsString("\"total\":2")))
                .andExpect(content().string(containsString("7130 Strandby")));
    }

    @Test
    void wordsThatOnlyLookLikeAPlaceStayWords() throws Exception {
        // no street "Bowling", no postcode 2026: the words are searched as typed, with no distance shown
        assertThat(distances(get("/tilbud").param("q", "bowling 2026"))).isEmpty();
        assertThat(distances(get("/tilbud").param("q", "bowling 2"))).isEmpty();
        mvc.perform(get("/tilbud").param("q", "bowling"))
                .andExpect(content().string(containsString("Bowling for seniorer")));
    }

    @Test
    void aPlaceTypedInItsOwnFieldIsNotTakenFromTheWordsAgain() throws Exception {
        mvc.perform(get("/tilbud").param("q", "strik 7120").param("sted", "7130"))
                .andExpect(content().string(containsString("value=\"strik 7120\"")));
    }

    @Test
    void categoriesAndDistrictsAreNamedInTheReadersLanguage() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(content().string(containsString(">Eating together</a>")))
                .andExpect(content().string(not(containsString(">Fællesspisning</a>"))));
        mvc.perform(get("/tilbud").param("lang", "en"))
                .andExpect(content().string(containsString("Creative")))
                .andExpect(content().string(containsString("Fjordlund Øst")));
        mvc.perform(get("/")).andExpect(content().string(containsString(">Fællesspisning</a>")));
    }

    @Test
    void theWayBackFromAnOfferReturnsToTheSearchItCameFrom() throws Exception {
        String page = mvc.perform(get("/tilbud").param("q", "strik")).andReturn().getResponse().getContentAsString();
        var link = Pattern.compile("href=\"(/tilbud/[0-9a-f-]{36})\"").matcher(page);
        assertThat(link.find()).isTrue();
        mvc.perform(get(link.group(1)).header("Referer", "http://localhost/tilbud?q=strik&sorter=NAME"))
                .andExpect(content().string(containsString("href=\"/tilbud?q=strik&amp;sorter=NAME\"")));
        // another site's address, or another page of ours, is no search to go back to
        mvc.perform(get(link.group(1)).header("Referer", "https://evil.example/tilbud?q=x"))
                .andExpect(content().string(containsString("<a href=\"/tilbud\">Tilbage til søgningen</a>")));
        assertThat(DirectoryPages.backToSearch("/admin?x=1", "localhost")).isEqualTo("/tilbud");
        assertThat(DirectoryPages.backToSearch("not a uri at all %%", "localhost")).isEqualTo("/tilbud");
    }

    @Test
    void aHitIsDrawnTheSameWhetherKeptOrNotAndCarriesItsOwnDistance() throws Exception {
        String first = mvc.perform(get("/tilbud").param("q", "strik")).andReturn().getResponse().getContentAsString();
        String again = mvc.perform(get("/tilbud").param("q", "strik")).andReturn().getResponse().getContentAsString();
        assertThat(again).isEqualTo(first).contains("Aftenkaffe og strik").doesNotContain("brobygger:distance");
        // the same kept hits from two places: each page shows its own distances
        assertThat(distances(get("/tilbud").param("q", "strik").param("sted", "7130"))).containsExactly(0.1, 9.4);
        assertThat(distances(get("/tilbud").param("q", "strik").param("sted", "7120"))).hasSize(2)
                .doesNotContain(0.1, 9.4);
    }

    @Test
    void anOrderTheCitizenChoseIsKeptWhenAPlaceIsTyped() throws Exception {
        mvc.perform(get("/tilbud").param("sted", "7130").param("sorter", "NAME"))
                .andExpect(content().string(containsString("<option value=\"NAME\" selected=\"selected\">Navn</option>")))
                .andExpect(content().string(Matchers.inOrder("Aftenkaffe og strik", "Bowling for seniorer",
                        "Cafe ved havnen")));
    }

    @Test
    void aTypoWithNoHitsOffersTheWordMostLikelyMeantAndNoFilterCountsOfZero() throws Exception {
        mvc.perform(get("/tilbud").param("q", "strk").param("kategori", "motion"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen tilbud passer til din søgning")))
                .andExpect(content().string(containsString("Mente du &quot;strik&quot;?")))
                .andExpect(content().string(containsString("href=\"/tilbud?q=strik\"")))
                .andExpect(content().string(containsString("Søg uden afgrænsninger")))
                .andExpect(content().string(containsString("href=\"/tilbud?q=strk\"")))
                // the category chosen stays, to be unticked; nothing else is listed with a count of 0
                .andExpect(content().string(containsString("value=\"motion\" checked=\"checked\"")))
                .andExpect(content().string(not(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*value=\"[^\"]*\">\\s*<label[^>]*><span>[^<]*</span>\\s*"
                                + "<span class=\"facet-count\">\\(0\\)</span>.*"))))
                .andExpect(content().string(not(containsString(">Mandag<"))));
    }

    @Test
    void anEmptySearchOfSeveralWordsOffersEachWordThatFindsSomething() throws Exception {
        mvc.perform(get("/tilbud").param("q", "strik faldskærmsudspring"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Søg kun efter &quot;strik&quot;")))
                .andExpect(content().string(not(containsString("Søg kun efter &quot;faldskærmsudspring&quot;"))))
                .andExpect(content().string(containsString("Ingen afgrænsninger giver tilbud for denne søgning.")));
    }

    @Test
    void aDistanceLimitThatLeavesNothingOffersTheSearchWithoutIt() throws Exception {
        mvc.perform(get("/tilbud").param("q", "bowling").param("sted", "7130").param("afstand", "1"))
                .andExpect(content().string(containsString("Søg uden grænse for afstanden")))
                .andExpect(content().string(containsString("href=\"/tilbud?q=bowling&amp;sted=7130\"")));
    }

    private List<Double> distances(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Double> distances = new ArrayList<>();
        var matcher = DISTANCE.matcher(page);
        while (matcher.find()) {
            distances.add(Double.valueOf(matcher.group(1).replace(',', '.')));
        }
        return distances;
    }

    /** Matchers the page tests need beyond Hamcrest's own. */
    static final class Matchers {

        static org.hamcrest.Matcher<String> inOrder(String... parts) {
            return new org.hamcrest.TypeSafeMatcher<>() {
                @Override
                protected boolean matchesSafely(String text) {
                    int from = 0;
                    for (String part : parts) {
                        from = text.indexOf(part, from);
                        if (from < 0) {
                            return false;
                        }
                    }
                    return true;
                }

                @Override
                public void describeTo(org.hamcrest.Description description) {
                    description.appendText("text containing in order ").appendValueList("", ", ", "", parts);
                }
            };
        }
    }
}
