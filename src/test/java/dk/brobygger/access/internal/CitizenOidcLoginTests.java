package dk.brobygger.access.internal;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.citizen.TestCitizens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A citizen logged in with MitID (OpenID Connect) uses the same own pages as the demo login: the
 * login maps the CPR number to the record, and the pages show that record and no other.
 */
@BrobyggerTest
class CitizenOidcLoginTests {

    static final String SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/Substantial";

    @Autowired MockMvc mvc;
    @Autowired TestCitizens citizens;
    @Autowired OidcUsers oidcUsers;

    @BeforeEach
    void karenIsKnownToTheMunicipality() throws Exception {
        citizens.reset();
        mvc.perform(post("/api/citizens").with(httpBasic("hjemmebesog", "demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"cpr": "150551-1234", "name": "Karen Jensen", "address": "Vestergade 3",
                                 "postcode": "7120", "district": "VEST", "livingSituation": "ALONE"}
                                """))
                .andExpect(status().isCreated());
    }

    @Test
    void aCitizenLoggedInWithMitIdSeesTheirOwnPage() throws Exception {
        OidcUser karen = oidcUsers.loadUser(request("mitid", Map.of("loa", SUBSTANTIAL,
                "dk:gov:saml:attribute:CprNumberIdentifier", "1505511234")));
        var login = new OAuth2AuthenticationToken(karen, karen.getAuthorities(), "mitid");

        mvc.perform(get("/mig").with(authentication(login)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Karen Jensen")))
                .andExpect(content().string(containsString("150551-1234")));
        mvc.perform(get("/borgere").with(authentication(login))).andExpect(status().isForbidden());
    }

    @Test
    void staffLoggedInThroughTheMunicipalityHaveNoOwnCitizenPage() throws Exception {
        OidcUser hanne = oidcUsers.loadUser(request("brobygger", Map.of("preferred_username", "hjemmebesog")));
        var login = new OAuth2AuthenticationToken(hanne, hanne.getAuthorities(), "brobygger");

        mvc.perform(get("/mig").with(authentication(login))).andExpect(status().isForbidden());
        mvc.perform(get("/borgere").with(authentication(login))).andExpect(status().isOk());
    }

    @Test
    void aSystemUserHasNoLoginThroughTheMunicipalityEither() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> oidcUsers.loadUser(
                        request("brobygger", Map.of("preferred_username", "medcom"))))
                .isInstanceOf(org.springframework.security.oauth2.core.OAuth2AuthenticationException.class);
    }

    @Test
    void aRefusedMitIdLoginIsExplainedInDanish() throws Exception {
        mvc.perform(get("/login/afvist").param("aarsag", "sikringsniveau"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Dit login var ikke sikkert nok")))
                .andExpect(content().string(containsString("betydeligt sikringsniveau")));
        mvc.perform(get("/login/afvist").param("aarsag", "ingen-oplysninger"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Kommunen har ingen oplysninger om dig i Brobygger.")));
    }

    private static OidcUserRequest request(String registration, Map<String, Object> claims) {
        var client = ClientRegistration.withRegistrationId(registration).clientId("brobygger")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://idp.example/authorize").tokenUri("https://idp.example/token")
                .jwkSetUri("https://idp.example/jwks").scope("openid")
                .userNameAttributeName(registration.equals("mitid") ? "sub" : "preferred_username").build();
        var builder = OidcIdToken.withTokenValue("id-token").subject("subject-" + registration)
                .issuer("https://idp.example").audience(List.of("brobygger"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return new OidcUserRequest(client, new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token",
                Instant.now(), Instant.now().plusSeconds(300), Set.of("openid")), builder.build());
    }
}
