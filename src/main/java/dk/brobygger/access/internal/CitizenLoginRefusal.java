package dk.brobygger.access.internal;

import java.util.Arrays;
import java.util.Optional;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * Why a citizen's MitID login was refused. Each reason has its own Danish page at
 * {@code /login/afvist?aarsag=...}, so the citizen learns what to do next.
 */
enum CitizenLoginRefusal {

    /** The broker vouched for less than NSIS Substantial (e.g. MitID with only a user name). */
    ASSURANCE_TOO_LOW("sikringsniveau"),
    /** The login carried no usable CPR number. */
    NO_CPR("cpr"),
    /** Brobygger holds no record about the citizen. */
    NO_RECORD("ingen-oplysninger");

    private final String slug;

    CitizenLoginRefusal(String slug) {
        this.slug = slug;
    }

    /** The reason as it appears in the address of the refusal page. */
    String slug() {
        return slug;
    }

    /** The OAuth2 error code the login fails with. */
    String errorCode() {
        return "brobygger_citizen_" + name().toLowerCase(java.util.Locale.ROOT);
    }

    String messageKey() {
        return "mydata.login.refused." + slug;
    }

    OAuth2AuthenticationException exception(String detail) {
        return new OAuth2AuthenticationException(new OAuth2Error(errorCode(), detail, null), detail);
    }

    static Optional<CitizenLoginRefusal> ofErrorCode(String code) {
        return Arrays.stream(values()).filter(refusal -> refusal.errorCode().equals(code)).findFirst();
    }

    static Optional<CitizenLoginRefusal> ofSlug(String slug) {
        return Arrays.stream(values()).filter(refusal -> refusal.slug.equals(slug)).findFirst();
    }
}
