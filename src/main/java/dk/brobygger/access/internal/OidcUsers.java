package dk.brobygger.access.internal;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

import dk.brobygger.access.CitizenIdentities;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns an OpenID Connect login into a Brobygger user. Citizens come through the MitID broker
 * (registration {@link CitizenLoginProperties#registrationId()}): the login must be NSIS Substantial or
 * High and carry a CPR number of a citizen Brobygger holds a record about; the citizen then gets a
 * citizen login of their own, linked to the record and nothing else. Staff come through the
 * municipality's own registration and keep the roles their Brobygger user has.
 */
@Component
class OidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Citizen logins are named after the record, never the CPR number: the name ends up in the audit log. */
    static final String CITIZEN_PREFIX = "borger-";

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final CitizenLoginProperties properties;
    private final CitizenClaims claims;
    private final CitizenIdentities identities;
    private final Users users;

    @Autowired
    OidcUsers(CitizenLoginProperties properties, CitizenIdentities identities, Users users) {
        this(new OidcUserService(), properties, identities, users);
    }

    OidcUsers(OAuth2UserService<OidcUserRequest, OidcUser> provider, CitizenLoginProperties properties,
            CitizenIdentities identities, Users users) {
        this.provider = provider;
        this.properties = properties;
        this.claims = new CitizenClaims(properties);
        this.identities = identities;
        this.users = users;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser user = provider.loadUser(request);
        return properties.registrationId().equals(request.getClientRegistration().getRegistrationId())
                ? citizen(user)
                : staff(user);
    }

    private OidcUser citizen(OidcUser user) {
        claims.requireSufficientAssurance(user);
        var identity = identities.withCpr(claims.cpr(user))
                .orElseThrow(() -> CitizenLoginRefusal.NO_RECORD.exception("No citizen record for this CPR number"));
        String username = CITIZEN_PREFIX + identity.citizenId();
        users.save(username, identity.name(), null, EnumSet.of(Role.CITIZEN), null);
        users.linkCitizen(username, identity.citizenId());
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(Role.CITIZEN.authority()));
        return new BrobyggerOidcUser(authorities, user, username);
    }

    /**
     * Staff get the roles of their Brobygger user; a citizen role is never granted through the staff login, and a
     * system user (MedCom) has no web login at all: refused as the login form refuses a wrong password.
     */
    private OidcUser staff(OidcUser user) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
        var brobyggerUser = users.find(user.getName());
        if (brobyggerUser.filter(found -> found.has(Role.SYSTEM)).isPresent()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED),
                    "A system user has no web login");
        }
        brobyggerUser.ifPresent(found -> found.roles().stream().filter(role -> role != Role.CITIZEN)
                .forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority()))));
        return new BrobyggerOidcUser(authorities, user, user.getName());
    }

    /** The OpenID Connect user under the name of the Brobygger user it logged in as. */
    static final class BrobyggerOidcUser extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final String username;

        BrobyggerOidcUser(Set<GrantedAuthority> authorities, OidcUser user, String username) {
            super(authorities, user.getIdToken(), user.getUserInfo(), "sub");
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BrobyggerOidcUser that && super.equals(that) && username.equals(that.username);
        }

        @Override
        public int hashCode() {
            return 31 * super.hashCode() + username.hashCode();
        }
    }
}
