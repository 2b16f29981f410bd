package dk.brobygger.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.shared.MunicipalityProperties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every page: its title ends with the municipality, it has a favicon, and the header names the right product. */
@BrobyggerTest
class LayoutTests {

    static final RequestPostProcessor NURSE = httpBasic("hjemmebesog", "demo");
    static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    static final Pattern SOLUTION = Pattern.compile("class=\"solution-heading\">\\s*<a [^>]*>([^<]*)</a>");

    @Autowired MockMvc mvc;
    @Autowired MunicipalityProperties municipality;

    @Test
    void thePublicPortalKeepsItsNameAndItsTitleEndsWithTheMunicipality() throws Exception {
        String page = page("/", null);
        assertThat(title(page)).endsWith(" – " + municipality.name());
        assertThat(group(SOLUTION, page)).isEqualTo("Fællesskabsportalen");
        assertThat(page).contains("<link rel=\"icon\" type=\"image/svg+xml\" href=\"/img/favicon.svg\">");
    }

    @Test
    void staffPagesSayBrobyggerAndTheirTitlesEndTheSameWay() throws Exception {
        for (String path : new String[] {"/borgere", "/opgaver", "/hjemmebesog/kalender", "/login"}) {
            String page = page(path, path.equals("/login") ? null : NURSE);
            assertThat(title(page)).as(path).endsWith(" – " + municipality.name());
        }
        assertThat(group(SOLUTION, page("/borgere", NURSE))).isEqualTo("Brobygger");
    }

    @Test
    void theMenuLeadsStaffToTheirReferralsAndAnAssociationsContactToItsInboxAndStartPage() throws Exception {
        assertThat(page("/start", NURSE)).contains("href=\"/henvisninger\"").doesNotContain("href=\"/forening/henvisninger\"");
        String contact = page("/start", httpBasic("kontakt", "demo"));
        assertThat(contact).contains("href=\"/forening/henvisninger\"").contains("href=\"/start\"")
                .doesNotContain("href=\"/henvisninger\"").doesNotContain("href=\"/borgere\"");
        assertThat(page("/", null)).doesNotContain("henvisninger\"");
    }

    @Test
    void theFaviconIsServedToAnyone() throws Exception {
        String svg = mvc.perform(get("/img/favicon.svg")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(svg).startsWith("<svg");
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        var request = get(path);
        if (who != null) {
            request.with(who);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String title(String page) {
        return group(TITLE, page);
    }

    private static String group(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        assertThat(m.find()).as(pattern.pattern()).isTrue();
        return m.group(1).strip();
    }
}
