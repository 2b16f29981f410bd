package dk.brobygger.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;

import dk.brobygger.shared.MunicipalityProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document {@code openapi_url} points to: Open Referral's own HSDS 3.0 openapi
 * ({@code src/main/resources/hsds/openapi.json}, unchanged from the specification, CC BY-SA 4.0),
 * served with this server's address and Brobygger's information filled in where the template asks
 * for it, and with what Brobygger does differently written into it. The standard's own document
 * is served rather than one generated from the controller, because it is what HSDS clients and
 * validators know: its responses refer to the HSDS schemas themselves.
 * <p>
 * The address is the configured public address ({@code brobygger.municipality.portal-url}) when
 * one is set, else the address the request came to, as the trusted proxies forwarded it
 * ({@code access.internal.TrustedProxies}): a forged {@code X-Forwarded-Host} from anyone else
 * does not count.
 */
@Component
class HsdsOpenApi {

    private static final String COMPILED = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/compiled/";

    private final JsonNode reference;
    private final String publicAddress;
    private final String municipality;

    HsdsOpenApi(@Value("${brobygger.municipality.portal-url:}") String publicAddress,
            MunicipalityProperties municipality) {
        this.publicAddress = publicAddress.strip().replaceAll("/+$", "");
        this.municipality = municipality.name();
        try (InputStream in = HsdsOpenApi.class.getResourceAsStream("/hsds/openapi.json")) {
            this.reference = JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where this deployment is reached: the configured public address, or the request's own. */
    String baseUrl(HttpServletRequest request) {
        return publicAddress.isEmpty() ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                : publicAddress;
    }

    /** The HSDS openapi for this server. */
    JsonNode document(HttpServletRequest request) {
        ObjectNode document = (ObjectNode) reference.deepCopy();
        ObjectNode info = document.putObject("info");
        info.put("title", municipality + ": fællesskabsportalens tilbud (HSDS 3.0)");
        info.put("version", Hsds.VERSION);
        info.put("summary", "Offentlige tilbud, organisationer og taksonomier som åbne data efter Open Referral HSDS 3.0");
        info.put("description", """
                Brobyggers HSDS 3.0 API, kun læsning, uden login. Afvigelser fra skabelonen:
                en parameter, et endpoint ikke har, giver 400 (problem detail, RFC 9457) med navnet i `parameter`;
                `format=ndjson` giver alle svar uden sider, ét JSON-dokument pr. linje (`application/x-ndjson`),
                og kan ikke bruges med `page` eller `per_page`; `search` på services og service_at_locations er portalens
                søgning (dansk bøjning, begyndelser af ord, stavefejl) i portalens rækkefølge; `postcode` kræver
                `proximity` (meter), for tilbuddene har ingen serviceområder, og omvendt; `per_page` er højst 100;
                `minimal=true` giver kun `id` og `last_modified`; kun støtteniveauerne har en overordnet term (`stoette`),
                så `top_only` udelader dem, og `parent_id` giver en terms undertermer. Et id, der ikke er et UUID, er 404 i stien og 400 i et filter; et
                ukendt UUID i et filter giver en tom liste. `/service_at_locations/{id}` giver en service_at_location
                med tilbud og sted indlejret (skabelonen henviser til service.json, men beskriver en service_at_location).
                Brobyggers egne oplysninger er termer i taksonomien `brobygger`: støtte, følgeskab, kørsel, ledige
                pladser og venteliste.""");
        info.putObject("license").put("name", "HSDS: Creative Commons Attribution-ShareAlike 4.0")
                .put("url", "https://creativecommons.org/licenses/by-sa/4.0/");
        ArrayNode servers = document.putArray("servers");
        servers.addObject().put("url", baseUrl(request) + "/hsds").put("description", municipality);
        ObjectNode paths = (ObjectNode) document.get("paths");
        ((ObjectNode) paths.at("/~1service_at_locations~1{id}/get/responses/200/content/application~1json/schema"))
                .put("$ref", COMPILED + "service_at_location.json");
        ArrayNode serviceParameters = (ArrayNode) paths.at("/~1services/get/parameters");
        serviceParameters.addObject().put("$ref", "#/components/parameters/postcode");
        serviceParameters.addObject().put("$ref", "#/components/parameters/proximity");
        ObjectNode parameters = (ObjectNode) document.at("/components/parameters");
        ((ObjectNode) parameters.get("format")).put("description",
                "`json` (the default): one page. `ndjson`: every result without pagination, one JSON document a line "
                        + "(`application/x-ndjson`); `page` and `per_page` are refused with it.");
        ((ObjectNode) parameters.get("proximity")).put("description",
                "Metres from the centroid of `postcode`; needs `postcode`, and `postcode` needs it "
                        + "(Brobygger's offers have no service areas).");
        return document;
    }
}
