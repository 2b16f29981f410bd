package dk.brobygger.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.CitizenIdentities;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.shared.CprNumber;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Citizens log in with MitID through an OpenID Connect broker: only NSIS Substantial or High, and
 * only as the citizen their CPR number belongs to. Tested with hand-made tokens, without an IdP.
 */
class CitizenLoginTests {

    static final String SUBSTANTIAL = "https://data.gov.dk/concept/core/nsis/Substantial";
    static final String HIGH = "https://data.gov.dk/concept/core/nsis/High";
    static final String LOW = "https://data.gov.dk/concept/core/nsis/Low";
    static final String CPR = "dk:gov:saml:attribute:CprNumberIdentifier";
    static final UUID KAREN = UUID.fromString("6f1c2b7e-0d3a-4c55-9a51-3b1f1a2c9e01");

    final CitizenClaims claims = new CitizenClaims(CitizenLoginProperties.defaults());
    final RecordingUsers users = new RecordingUsers();
    final CitizenIdentities register = cpr -> cpr.equals(CprNumber.of("150551-1234"))
            ? Optional.of(new CitizenIdentities.Identity(KAREN, "Karen Jensen"))
            : Optional.empty();
    final OidcUsers oidcUsers = new OidcUsers(new OidcUserService(), CitizenLoginProperties.defaults(), register, users);

    @Test
    void substantialAndHighAssuranceAreEnough() {
        assertThat(claims.requireSufficientAssurance(token(Map.of("loa", SUBSTANTIAL)))).isEqualTo(SUBSTANTIAL);
        assertThat(claims.requireSufficientAssurance(token(Map.of("loa", HIGH)))).isEqualTo(HIGH);
        assertThat(claims.requireSufficientAssurance(
                token(Map.of("https://data.gov.dk/concept/core/nsis/loa", SUBSTANTIAL)))).isEqualTo(SUBSTANTIAL);
    }

    @Test
    void lowOrMissingAssuranceIsRefused() {
        for (var claimsOfLogin : List.<Map<String, Object>>of(Map.of("loa", LOW), Map.of("loa", "Substantial"), Map.of())) {
            assertThatThrownBy(() -> claims.requireSufficientAssurance(token(claimsOfLogin)))
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> assertThat(e.getError().getErrorCode())
                            .isEqualTo(CitizenLoginRefusal.ASSURANCE_TOO_LOW.errorCode()));
        }
    }

    @Test
    void theClaimNamesAndAcceptedLevelsAreConfigurable() {
        var onlyHigh = new CitizenClaims(new CitizenLoginProperties("mitid", List.of("acr"), List.of(HIGH), List.of("dk.cpr")));

        assertThat(onlyHigh.requireSufficientAssurance(token(Map.of("acr", HIGH)))).isEqualTo(HIGH);
        assertThatThrownBy(() -> onlyHigh.requireSufficientAssurance(token(Map.of("acr", SUBSTANTIAL))))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> onlyHigh.requireSufficientAssurance(token(Map.of("loa", HIGH))))
                .as("the default claim no longer counts").isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(onlyHigh.cpr(token(Map.of("dk.cpr", "1505511234")))).isEqualTo(CprNumber.of("150551-1234"));
    }

    @Test
    void theCprNumberIsReadWithOrWithoutADashAndRefusedWhenMissingOrInvalid() {
        assertThat(claims.cpr(token(Map.of(CPR, "1505511234")))).isEqualTo(CprNumber.of("150551-1234"));
        assertThat(claims.cpr(token(Map.of(CPR, "150551-1234")))).isEqualTo(CprNumber.of("150551-1234"));
        assertThat(claims.cpr(token(Map.of(CPR, List.of("1505511234"))))).isEqualTo(CprNumber.of("150551-1234"));
        for (var claimsOfLogin : List.<Map<String, Object>>of(Map.of(), Map.of(CPR, "not a cpr"), Map.of(CPR, "3213991234"))) {
            assertThatThrownBy(() -> claims.cpr(token(claimsOfLogin)))
                    .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> assertThat(e.getError().getErrorCode())
                            .isEqualTo(CitizenLoginRefusal.NO_CPR.errorCode()));
        }
    }

    @Test
    void theOidcProfileDefaultsToTheNsisClaimsAndTakesOthersFromTheEnvironment() throws Exception {
        var yaml = new YamlPropertySourceLoader().load("oidc", new ClassPathResource("application-oidc.yml"));
        var environment = new StandardEnvironment();
        yaml.forEach(environment.getPropertySources()::addLast);

        var defaults = Binder.get(environment).bind("brobygger.citizen-login", CitizenLoginProperties.class).get();
        assertThat(defaults).isEqualTo(CitizenLoginProperties.defaults());

        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of(
                "BROBYGGER_MITID_ACCEPTED_ASSURANCE", HIGH, "BROBYGGER_MITID_CPR_CLAIMS", "dk.cpr,nin")));
        var configured = Binder.get(environment).bind("brobygger.citizen-login", CitizenLoginProperties.class).get();
        assertThat(configured.acceptedAssurance()).containsExactly(HIGH);
        assertThat(configured.cprClaims()).containsExactly("dk.cpr", "nin");
        assertThat(configured.registrationId()).isEqualTo("mitid");
    }

    @Test
    void aCitizenWithSubstantialMitIdLogsInAsTheirOwnRecordOnly() {
        OidcUser user = oidcUsers.loadUser(request("mitid", Map.of("loa", SUBSTANTIAL, CPR, "1505511234")));

        assertThat(user.getName()).as("named after the record, not the CPR number").isEqualTo("borger-" + KAREN);
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_CITIZEN")
                .doesNotContain("ROLE_STAFF", "ROLE_ADMIN");
        assertThat(users.saved).containsExactly("borger-" + KAREN + " Karen Jensen [CITIZEN]");
        assertThat(users.linked).containsEntry("borger-" + KAREN, KAREN);
    }

    @Test
    void aCitizenBelowSubstantialIsRefusedBeforeAnythingIsLookedUp() {
        assertThatThrownBy(() -> oidcUsers.loadUser(request("mitid", Map.of("loa", LOW, CPR, "1505511234"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> assertThat(e.getError().getErrorCode())
                        .isEqualTo(CitizenLoginRefusal.ASSURANCE_TOO_LOW.errorCode()));
        assertThat(users.saved).isEmpty();
    }

    @Test
    void aCitizenBrobyggerHoldsNoRecordAboutIsToldSo() {
        assertThatThrownBy(() -> oidcUsers.loadUser(request("mitid", Map.of("loa", HIGH, CPR, "0203401111"))))
                .isInstanceOfSatisfying(OAuth2AuthenticationException.class, e -> assertThat(e.getError().getErrorCode())
                        .isEqualTo(CitizenLoginRefusal.NO_RECORD.errorCode()));
        assertThat(users.saved).isEmpty();
    }

    @Test
    void staffKeepTheirOwnLoginAndRolesButNeverBecomeACitizen() {
        users.existing = new BrobyggerUser("hjemmebesog", "Hanne Hjemmebesøg", null, true,
                EnumSet.of(Role.STAFF, Role.CITIZEN), null);

        OidcUser user = oidcUsers.loadUser(request("brobygger", Map.of("preferred_username", "hjemmebesog")));

        assertThat(user.getName()).isEqualTo("hjemmebesog");
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_STAFF")
                .doesNotContain("ROLE_CITIZEN");
        assertThat(users.saved).as("no assurance or CPR check, no citizen login").isEmpty();
    }

    @Test
    void aRefusedLoginIsSentToAPageThatSaysWhy() throws Exception {
        var handler = CitizenLoginPages.failureHandler();
        for (var refusal : CitizenLoginRefusal.values()) {
            var response = new MockHttpServletResponse();
            handler.onAuthenticationFailure(new MockHttpServletRequest(), response, refusal.exception("test"));
            assertThat(response.getRedirectedUrl()).isEqualTo("/login/afvist?aarsag=" + refusal.slug());
        }
        var other = new MockHttpServletResponse();
        handler.onAuthenticationFailure(new MockHttpServletRequest(), other, new BadCredentialsException("nope"));
        assertThat(other.getRedirectedUrl()).isEqualTo("/login?error");
    }

    private static OidcUser token(Map<String, Object> claims) {
        return new DefaultOidcUser(List.of(), idToken(claims));
    }

    private static OidcIdToken idToken(Map<String, Object> claims) {
        var builder = OidcIdToken.withTokenValue("id-token").subject("5a7d0f1e-mitid-uuid").issuer("https://broker.example")
                .audience(List.of("brobygger")).issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return builder.build();
    }

    /** What the OpenID Connect login filter hands the user service after a code exchange; no user-info endpoint. */
    private static OidcUserRequest request(String registration, Map<String, Object> claims) {
        var client = ClientRegistration.withRegistrationId(registration).clientId("brobygger")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("https://broker.example/authorize").tokenUri("https://broker.example/token")
                .jwkSetUri("https://broker.example/jwks").scope("openid")
                .userNameAttributeName(registration.equals("mitid") ? "sub" : "preferred_username").build();
        var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", Instant.now(),
                Instant.now().plusSeconds(300), Set.of("openid"));
        return new OidcUserRequest(client, accessToken, idToken(claims));
    }

    /** Users that remember what the login saved. */
    static final class RecordingUsers implements Users {

        final List<String> saved = new ArrayList<>();
        final Map<String, UUID> linked = new HashMap<>();
        @Nullable BrobyggerUser existing;

        @Override
        public Optional<BrobyggerUser> current() {
            return Optional.empty();
        }

        @Override
        public Optional<BrobyggerUser> find(String username) {
            return Optional.ofNullable(existing).filter(user -> user.username().equals(username));
        }

        @Override
        public List<BrobyggerUser> editorsOf(UUID organizationId) {
            return List.of();
        }

        @Override
        public void save(String username, String displayName, @Nullable String passwordHash, Set<Role> roles,
                @Nullable UUID organizationId) {
            saved.add(username + " " + displayName + " " + roles);
        }

        @Override
        public Optional<UUID> citizenOf(String username) {
            return Optional.ofNullable(linked.get(username));
        }

        @Override
        public void linkCitizen(String username, UUID citizenId) {
            linked.put(username, citizenId);
        }

        @Override
        public void forgetCitizen(UUID citizenId, String displayName) {
            linked.values().remove(citizenId);
        }

        @Override
        public void assignOrganization(String username, @Nullable UUID organizationId) {
        }
    }
}
