package dk.brobygger.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipality this deployment serves (each municipality is its own data controller).
 *
 * @param name      shown in the header of every page
 * @param portalUrl the public address of the community portal, printed on community cards; unset by default, when
 *                  the address the request came to is used ({@link #portalAddress()})
 */
@ConfigurationProperties("brobygger.municipality")
public record MunicipalityProperties(String name, @Nullable String portalUrl) {

    public MunicipalityProperties {
        if (name == null || name.isBlank()) {
            name = "Brobygger";
        }
        if (portalUrl == null || portalUrl.isBlank()) {
            portalUrl = null;
        } else {
            portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        }
    }

    /**
     * The portal's public address: the configured one, or else the scheme, host and port the current request came
     * to, as seen through the trusted proxies ({@code brobygger.trusted-proxies}: a forwarded host or scheme counts
     * only from them), so a card printed from a server on another port or behind a proxy leads to where it was made.
     */
    public String portalAddress() {
        if (portalUrl != null) {
            return portalUrl;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return ServletUriComponentsBuilder.fromContextPath(attributes.getRequest()).replaceQuery(null).build()
                    .toUriString();
        }
        return "http://localhost";
    }
}
