package dk.brobygger.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipality this deployment serves (each municipality is its own data controller).
 *
 * @param name shown in the header of every page
 * @param portalUrl the public address of the community portal, printed on community cards
 */
@ConfigurationProperties("brobygger.municipality")
public record MunicipalityProperties(String name, String portalUrl) {

    public MunicipalityProperties {
        if (name == null || name.isBlank()) {
            name = "Brobygger";
        }
        if (portalUrl == null || portalUrl.isBlank()) {
            portalUrl = "http://localhost:8080";
        }
        portalUrl = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
    }
}
