package dk.brobygger.directory.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Pattern;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.offer.DirectoryChanges;
import dk.brobygger.directory.offer.Location;
import dk.brobygger.directory.offer.Offer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The search page a visitor who is not logged in gets is kept for the same search, language and index
 * generation: a change to an offer shows at once, and a kept page never carries anyone's name, menu or token.
 */
@BrobyggerTest
class SearchPageCacheTests {

    @Autowired MockMvc mvc;
    @Autowired TestDirectory directory;
    @Autowired DirectoryChanges changes;
    @Autowired OfferSearch search;
    @Autowired SearchPageCache pages;
    @Autowired Users users;

    Location library;
    Offer knitting;

    @BeforeEach
    void directory() {
        directory.reset();
        var club = directory.organization("Strikkeforeningen");
        library = directory.location(club, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        knitting = directory.offer(library, "Strikkeklubben").category("kreativ").description("Vi strikker.").save();
    }

    @Test
    void theSameSearchIsSentAsKeptUntilAChangeToAnOfferMakesANewGeneration() throws Exception {
        String first = page(get("/tilbud").param("q", "strik"));
        assertThat(first).contains("Strikkeklubben").contains("1 tilbud").doesNotContain("Strikkecafé");
        assertThat(page(get("/tilbud").param("q", "strik"))).isEqualTo(first);
        assertThat(pages.size()).isEqualTo(1);

        // a new offer: the next page finds it, and the pages of the old generation are gone
        long before = search.generation();
        directory.offer(library, "Strikkecafé").category("kreativ").description("Vi strikker også.").save();
        assertThat(search.generation()).isGreaterThan(before);
        assertThat(page(get("/tilbud").param("q", "strik"))).contains("Strikkeklubben", "Strikkecafé", "2 tilbud");
        assertThat(pages.size()).isEqualTo(1);

        // an offer renamed, then taken off the portal: each change shows on the very next page
        var renamed = directory.offer(library, "Garnklubben").category("kreativ").description("Vi strikker.")
                .details();
        knitting = changes.reviseOffer(knitting.id(), knitting.version(), renamed, "test", "UPDATED");
        assertThat(page(get("/tilbud").param("q", "strik"))).contains("Garnklubben").doesNotContain("Strikkeklubben");
        var closed = directory.offer(library, "Garnklubben").category("kreativ").description("Vi strikker.")
                .status(OfferStatus.INACTIVE).details();
        changes.reviseOffer(knitting.id(), knitting.version(), closed, "test", "UPDATED");
        assertThat(page(get("/tilbud").param("q", "strik"))).doesNotContain("Garnklubben").contains("1 tilbud");
    }

    @Test
    void aPageIsKeptForExactlyTheSearchAndLanguageItWasDrawnFor() throws Exception {
        String danish = page(get("/tilbud").param("q", "strik"));
        String english = page(get("/tilbud").param("q", "strik").param("lang", "en"));
        assertThat(english).contains("lang=\"en\"").isNotEqualTo(danish);
        assertThat(page(get("/tilbud").param("q", "strik").param("lang", "da"))).isEqualTo(danish);
        // the words as typed are shown in the form, so other spacing is another page
        assertThat(page(get("/tilbud").param("q", "strik "))).contains("value=\"strik \"");
        assertThat(page(get("/tilbud").param("q", "strik").param("kategori", "kreativ")))
                .contains("value=\"kreativ\" checked=\"checked\"");
        assertThat(page(get("/tilbud").param("q", "strik"))).isEqualTo(danish)
                .doesNotContain("checked=\"checked\"");
    }

    @Test
    void aLoggedInUsersPageIsDrawnForThemAndNeverKeptNorShownToAnyoneElse() throws Exception {
        BrobyggerUser editor = users.find("redaktoer").orElseThrow();
        BrobyggerUser nurse = users.find("hjemmebesog").orElseThrow();

        String anonymous = page(get("/tilbud").param("q", "strik"));
        assertThat(anonymous).contains("Log ind").doesNotContain("Log af", "_csrf", editor.displayName(),
                nurse.displayName());

        String editorsPage = page(get("/tilbud").param("q", "strik").with(user(editor)));
        assertThat(editorsPage).contains(editor.displayName(), "Log af", "_csrf", "href=\"/redaktion\"")
                .doesNotContain(">Log ind<");
        String nursesPage = page(get("/tilbud").param("q", "strik").with(user(nurse)));
        assertThat(nursesPage).contains(nurse.displayName(), "href=\"/hjemmebesog/kalender\"")
                .doesNotContain(editor.displayName());
        assertThat(pages.size()).as("only the anonymous page is kept").isEqualTo(1);

        // drawn first for a logged-in user, the same search is drawn afresh for nobody logged in
        String namePage = page(get("/tilbud").param("q", "strikker").with(user(editor)));
        assertThat(namePage).contains(editor.displayName());
        assertThat(page(get("/tilbud").param("q", "strikker"))).doesNotContain(editor.displayName(), "Log af",
                "_csrf", "href=\"/redaktion\"");
        assertThat(page(get("/tilbud").param("q", "strik"))).isEqualTo(anonymous);
    }

    @Test
    void aKeptPageCarriesNoVisitorsSessionOrToken() throws Exception {
        // a visitor who opened the login page has a session holding the login form's CSRF token
        var session = new MockHttpSession(null, "a-visitors-own-session-id");
        var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(page(get("/login").session(session)));
        assertThat(token.find()).isTrue();

        String withSession = page(get("/tilbud").param("q", "strik").session(session));
        assertThat(withSession).doesNotContain(token.group(1), session.getId(), "jsessionid");
        assertThat(page(get("/tilbud").param("q", "strik"))).isEqualTo(withSession);
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
