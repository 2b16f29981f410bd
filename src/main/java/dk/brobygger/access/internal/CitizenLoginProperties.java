package dk.brobygger.access.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How citizens log in with MitID through an OpenID Connect broker (profile {@code oidc}). The defaults
 * follow the Danish NSIS profile: the level of assurance comes as {@code loa} (or its full URI) with
 * the NSIS URIs as values, and only Substantial and High are good enough to see personal data.
 *
 * @param registrationId the client registration under {@code spring.security.oauth2.client.registration} used for citizens
 * @param assuranceClaims the claims that may carry the level of assurance; the first one present counts
 * @param acceptedAssurance the levels of assurance a citizen may log in with
 * @param cprClaims the claims that may carry the citizen's CPR number; the first one present counts
 */
@ConfigurationProperties("brobygger.citizen-login")
record CitizenLoginProperties(String registrationId, List<String> assuranceClaims, List<String> acceptedAssurance,
        List<String> cprClaims) {

    static final String NSIS = "https://data.gov.dk/concept/core/nsis/";

    CitizenLoginProperties {
        registrationId = registrationId == null || registrationId.isBlank() ? "mitid" : registrationId.strip();
        assuranceClaims = orDefault(assuranceClaims, List.of("loa", NSIS + "loa"));
        acceptedAssurance = orDefault(acceptedAssurance, List.of(NSIS + "Substantial", NSIS + "High"));
        cprClaims = orDefault(cprClaims, List.of("dk:gov:saml:attribute:CprNumberIdentifier"));
    }

    /** The defaults: registration {@code mitid}, NSIS Substantial or High, CPR in the OIOSAML attribute. */
    static CitizenLoginProperties defaults() {
        return new CitizenLoginProperties(null, null, null, null);
    }

    private static List<String> orDefault(List<String> values, List<String> defaults) {
        if (values == null) {
            return defaults;
        }
        var given = values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
        return given.isEmpty() ? defaults : given;
    }
}
