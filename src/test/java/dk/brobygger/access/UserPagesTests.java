package dk.brobygger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.BrobyggerTest;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Brugere: administrators create and change users; roles decide what they may do, teams whom they
 * may see, and every change is kept with who and when.
 */
@BrobyggerTest
class UserPagesTests {

    static final String PASSWORD = "lang-nok-adgangskode";
    static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");

    @Autowired MockMvc mvc;
    @Autowired Users users;
    @Autowired Teams teams;
    @Autowired UserDetailsService userDetails;
    @Autowired JdbcClient jdbc;

    @Test
    void anAdministratorCreatesAUserWhoCanThenLogIn() throws Exception {
        String username = unique("hanne");
        mvc.perform(create(username, "Hanne Hansen", List.of("STAFF"), List.of("jobcenter"), PASSWORD).with(ADMIN))
                .andExpect(redirectedUrl("/admin/brugere/" + username))
                .andExpect(flash().attribute("success", "users.created"));

        assertThat(users.find(username)).hasValueSatisfying(user -> {
            assertThat(user.displayName()).isEqualTo("Hanne Hansen");
            assertThat(user.roles()).containsExactly(Role.STAFF);
            assertThat(user.isEnabled()).isTrue();
        });
        assertThat(teams.of(username)).containsExactly("jobcenter");
        mvc.perform(login(username, PASSWORD)).andExpect(authenticated().withUsername(username).withRoles("STAFF"));
        mvc.perform(get("/admin/brugere/{username}", username).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hanne Hansen")))
                .andExpect(content().string(containsString("Oprettet med rollerne: Medarbejder")))
                .andExpect(content().string(containsString("Tilføjet til teamet Jobcenter")));
    }

    @Test
    void theListFindsUsersByNameAndRoleAndShowsTheirTeams() throws Exception {
        mvc.perform(get("/admin/brugere").param("q", "hjemmebes").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hanne Hjemmebesøg")))
                .andExpect(content().string(containsString("Forebyggende hjemmebesøg")))
                .andExpect(content().string(containsString("Aktiv")))
                .andExpect(content().string(not(containsString("href=\"/admin/brugere/admin\""))));
        mvc.perform(get("/admin/brugere").param("rolle", "MANAGER").with(ADMIN))
                .andExpect(content().string(containsString("Lise Leder")))
                .andExpect(content().string(not(containsString("href=\"/admin/brugere/redaktoer\""))));
        mvc.perform(get("/admin/brugere").param("q", "ingen-hedder-sådan").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ingen brugere passer til søgningen")));
    }

    @Test
    void aLongListIsSortedAndPaged() throws Exception {
        String prefix = unique("side");
        for (int i = 1; i <= 26; i++) {
            users.save(prefix + "-" + i, "%s Person %02d".formatted(prefix, i), null, Set.of(Role.STAFF), null);
        }
        mvc.perform(get("/admin/brugere").param("q", prefix).with(ADMIN))
                .andExpect(content().string(containsString("26 brugere")))
                .andExpect(content().string(containsString("Side 1 af 2")))
                .andExpect(content().string(containsString("Person 01")))
                .andExpect(content().string(not(containsString("Person 26"))));
        mvc.perform(get("/admin/brugere").param("q", prefix).param("side", "2").with(ADMIN))
                .andExpect(content().string(containsString("Person 26")))
                .andExpect(content().string(not(containsString("Person 01"))));
        mvc.perform(get("/admin/brugere").param("q", prefix).param("sorter", "navn-omvendt").with(ADMIN))
                .andExpect(content().string(containsString("Person 26")))
                .andExpect(content().string(not(containsString("Person 01"))));
    }

    @Test
    void aTakenUserNameIsRefusedInDanish() throws Exception {
        mvc.perform(create("Redaktoer", "Endnu en redaktør", List.of("EDITOR"), List.of(), "").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Brugernavnet &quot;redaktoer&quot; er allerede i brug")));
        assertThat(users.find("redaktoer").orElseThrow().displayName()).isEqualTo("Rasmus Redaktør");
    }

    @Test
    void aUserNameWithSpacesOrDanishLettersIsRefused() throws Exception {
        mvc.perform(create("søren hansen", "Søren Hansen", List.of("STAFF"), List.of(), "").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Brugernavnet må kun indeholde små bogstaver a–z")));
        assertThat(users.find("søren hansen")).isEmpty();
    }

    @Test
    void aUserWithoutRolesIsRefused() throws Exception {
        String username = unique("uden");
        mvc.perform(create(username, "Uden Roller", List.of(), List.of(), "").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Vælg mindst én rolle.")));
        assertThat(users.find(username)).isEmpty();
    }

    @Test
    void aTenThousandCharacterNameIsRefused() throws Exception {
        String username = unique("lang");
        mvc.perform(create(username, "x".repeat(10_000), List.of("STAFF"), List.of(), "").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Navnet må højst være 200 tegn (det er 10.000).")));
        assertThat(users.find(username)).isEmpty();
    }

    @Test
    void htmlInANameIsShownAsTextNotRun() throws Exception {
        String username = unique("html");
        mvc.perform(create(username, "<script>alert(1)</script> Hansen", List.of("STAFF"), List.of(), "").with(ADMIN))
                .andExpect(redirectedUrl("/admin/brugere/" + username));
        mvc.perform(get("/admin/brugere/{username}", username).with(ADMIN))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Hansen")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/admin/brugere").param("q", username).with(ADMIN))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt; Hansen")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void aUserWithoutAPasswordCannotLogInWithOne() throws Exception {
        String username = unique("idp");
        mvc.perform(create(username, "Kun Kommunelogin", List.of("STAFF"), List.of(), "").with(ADMIN))
                .andExpect(redirectedUrl("/admin/brugere/" + username));
        mvc.perform(login(username, "")).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(login(username, PASSWORD)).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/admin/brugere/{username}", username).with(ADMIN))
                .andExpect(content().string(containsString("Kommunens login (ingen adgangskode her)")));
    }

    @Test
    void onlyAdministratorsManageUsers() throws Exception {
        String username = unique("ikke");
        mvc.perform(get("/admin/brugere").with(httpBasic("leder", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/brugere/admin").with(httpBasic("hjemmebesog", "demo")))
                .andExpect(status().isForbidden());
        mvc.perform(create(username, "Ikke Oprettet", List.of("ADMIN"), List.of(), PASSWORD)
                .with(httpBasic("redaktoer", "demo"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/brugere/hjemmebesog/spaer").param("version", version("hjemmebesog"))
                .with(httpBasic("leder", "demo")).with(csrf())).andExpect(status().isForbidden());
        assertThat(users.find(username)).isEmpty();
        assertThat(users.find("hjemmebesog").orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void aRoleChangeTakesEffectInASessionAlreadyOpen() throws Exception {
        String username = unique("rolle");
        mvc.perform(create(username, "Rolf Rolleskift", List.of("STAFF"), List.of(), PASSWORD).with(ADMIN));
        Cookie[] session = mvc.perform(login(username, PASSWORD)).andExpect(authenticated()).andReturn()
                .getResponse().getCookies();
        mvc.perform(get("/admin/brugere").cookie(session)).andExpect(status().isForbidden());

        mvc.perform(edit(username, "Rolf Rolleskift", List.of("STAFF", "ADMIN"), List.of()).with(ADMIN))
                .andExpect(redirectedUrl("/admin/brugere/" + username));

        mvc.perform(get("/admin/brugere").cookie(session)).andExpect(status().isOk());
        mvc.perform(edit(username, "Rolf Rolleskift", List.of("STAFF"), List.of()).with(ADMIN));
        mvc.perform(get("/admin/brugere").cookie(session)).andExpect(status().isForbidden());
    }

    @Test
    void aDisabledUserCannotLogInAndTheirOpenSessionIsRefused() throws Exception {
        String username = unique("spaer");
        mvc.perform(create(username, "Sune Spærret", List.of("STAFF"), List.of(), PASSWORD).with(ADMIN));
        Cookie[] session = mvc.perform(login(username, PASSWORD)).andExpect(authenticated()).andReturn()
                .getResponse().getCookies();
        mvc.perform(get("/borgere").cookie(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/brugere/{username}/spaer", username).param("version", version(username))
                        .with(ADMIN).with(csrf()))
                .andExpect(flash().attribute("success", "users.disabled"));

        assertThat(userDetails.loadUserByUsername(username).isEnabled()).isFalse();
        mvc.perform(get("/borgere").accept(MediaType.TEXT_HTML).cookie(session))
                .andExpect(redirectedUrl("/login?spaerret"));
        mvc.perform(get("/borgere").accept(MediaType.TEXT_HTML).cookie(session))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login").param("spaerret", "")).andExpect(content().string(containsString("din bruger er spærret")));
        mvc.perform(login(username, PASSWORD)).andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/citizens").with(httpBasic(username, PASSWORD))).andExpect(status().isUnauthorized());

        mvc.perform(post("/admin/brugere/{username}/genaabn", username).param("version", version(username))
                .with(ADMIN).with(csrf())).andExpect(flash().attribute("success", "users.enabled"));
        mvc.perform(login(username, PASSWORD)).andExpect(authenticated());
    }

    @Test
    void theHistoryListsEveryChangeWithWhoNewestFirst() throws Exception {
        String username = unique("historik");
        mvc.perform(create(username, "Hilde Historik", List.of("STAFF"), List.of("jobcenter"), "").with(ADMIN));
        mvc.perform(edit(username, "Hilde Hansen", List.of("STAFF", "MANAGER"), List.of("ungeindsats")).with(ADMIN));
        mvc.perform(post("/admin/brugere/{username}/spaer", username).param("version", version(username))
                .with(ADMIN).with(csrf()));
        mvc.perform(post("/admin/brugere/{username}/genaabn", username).param("version", version(username))
                .with(ADMIN).with(csrf()));
        mvc.perform(post("/admin/brugere/{username}/adgangskode", username).param("version", version(username))
                        .param("password", PASSWORD).with(ADMIN).with(csrf()))
                .andExpect(flash().attribute("success", "users.passwordSet"));
        mvc.perform(login(username, PASSWORD)).andExpect(authenticated());

        String page = mvc.perform(get("/admin/brugere/{username}", username).with(ADMIN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsSubsequence(
                "Ny adgangskode sat",
                "Genåbnet",
                "Spærret",
                "Roller ændret fra Medarbejder til Medarbejder, Leder",
                "Oprettet med rollerne: Medarbejder");
        assertThat(page)
                .contains("Navn ændret fra &quot;Hilde Historik&quot; til &quot;Hilde Hansen&quot;")
                .contains("Tilføjet til teamet Ungeindsats")
                .contains("Meldt ud af teamet Jobcenter")
                .contains("<td>Anne Administrator</td>");
        assertThat(teams.history("jobcenter")).anySatisfy(m -> {
            assertThat(m.username()).isEqualTo(username);
            assertThat(m.leftBy()).isEqualTo("admin");
        });
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() throws Exception {
        String username = unique("chef");
        mvc.perform(create(username, "Chef Administrator", List.of("ADMIN"), List.of(), PASSWORD).with(ADMIN));
        var self = httpBasic(username, PASSWORD);

        mvc.perform(edit(username, "Chef Administrator", List.of("STAFF"), List.of()).with(self))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Du kan ikke fjerne din egen administratorrolle.")));
        mvc.perform(post("/admin/brugere/{username}/spaer", username).param("version", version(username))
                        .with(self).with(csrf()))
                .andExpect(flash().attribute("error", "users.self.disable"));

        var user = users.find(username).orElseThrow();
        assertThat(user.roles()).containsExactly(Role.ADMIN);
        assertThat(user.isEnabled()).isTrue();
        mvc.perform(get("/admin/brugere/{username}", username).with(self))
                .andExpect(content().string(not(containsString("Spær brugeren"))));
    }

    @Test
    void theSecondOfTwoConflictingEditsIsRefusedAndOverwritesNothing() throws Exception {
        String username = unique("konflikt");
        mvc.perform(create(username, "Karl Konflikt", List.of("STAFF"), List.of(), "").with(ADMIN));
        String seenByBoth = version(username);

        mvc.perform(edit(username, seenByBoth, "Karl Første", List.of("STAFF"), List.of("jobcenter")).with(ADMIN))
                .andExpect(redirectedUrl("/admin/brugere/" + username));
        mvc.perform(edit(username, seenByBoth, "Karl Anden", List.of("EDITOR"), List.of()).with(ADMIN))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Brugeren er ændret i mellemtiden")))
                .andExpect(content().string(containsString("Intet er gemt: admin har ændret brugeren")));

        var user = users.find(username).orElseThrow();
        assertThat(user.displayName()).isEqualTo("Karl Første");
        assertThat(user.roles()).containsExactly(Role.STAFF);
        assertThat(teams.of(username)).containsExactly("jobcenter");

        mvc.perform(post("/admin/brugere/{username}/spaer", username).param("version", seenByBoth)
                .with(ADMIN).with(csrf())).andExpect(status().isConflict());
        assertThat(users.find(username).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void aTeamChangeOnTheTeamPageMakesAnOlderUserFormStale() throws Exception {
        String username = unique("team");
        mvc.perform(create(username, "Tove Team", List.of("STAFF"), List.of(), "").with(ADMIN));
        String before = version(username);
        mvc.perform(post("/admin/teams/akutteam/medlemmer").param("brugernavn", username).with(ADMIN).with(csrf()));

        mvc.perform(edit(username, before, "Tove Team", List.of("STAFF"), List.of()).with(ADMIN))
                .andExpect(status().isConflict());
        assertThat(teams.of(username)).containsExactly("akutteam");
    }

    @Test
    void aTeamPageLinksToItsMembersUserPages() throws Exception {
        mvc.perform(get("/admin/teams/forebyggende-hjemmebesoeg").with(ADMIN))
                .andExpect(content().string(containsString("href=\"/admin/brugere/hjemmebesog\"")));
        mvc.perform(get("/admin/teams").with(ADMIN))
                .andExpect(content().string(containsString("href=\"/admin\"")));
    }

    private MockHttpServletRequestBuilder create(String username, String displayName, List<String> roles,
            List<String> teamCodes, String password) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("displayName", displayName);
        form.put("roles", roles);
        form.put("teams", teamCodes);
        form.add("password", password);
        return post("/admin/brugere/ny").params(form).with(csrf());
    }

    /** The edit form as submitted from a page showing the user's current version. */
    private MockHttpServletRequestBuilder edit(String username, String displayName, List<String> roles,
            List<String> teamCodes) {
        return edit(username, version(username), displayName, roles, teamCodes);
    }

    /** The edit form as submitted from a page showing the given version. */
    private MockHttpServletRequestBuilder edit(String username, String version, String displayName,
            List<String> roles, List<String> teamCodes) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("displayName", displayName);
        form.put("roles", roles);
        form.put("teams", teamCodes);
        form.add("_roles", "on");
        form.add("_teams", "on");
        form.add("version", version);
        return post("/admin/brugere/{username}", username).params(form).with(csrf());
    }

    /** A form login from an address of its own, so the login rate limit of other tests does not apply. */
    private static MockHttpServletRequestBuilder login(String username, String password) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr("10.63.0." + (Math.abs(username.hashCode()) % 250 + 1));
                    return request;
                });
    }

    private String version(String username) {
        return String.valueOf(jdbc.sql("SELECT version FROM app_user WHERE username = :username")
                .param("username", username).query(Long.class).single());
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
