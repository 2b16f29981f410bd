package dk.brobygger.directory.hsds;

import dk.brobygger.PublicReference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The HSDS 3.0 JSON schemas and openapi, read from Open Referral's public reference set in
 * {@code ../shared/reference/hsds-3.0/} beside the checkout (README: where test data come from), not
 * copied into the repository. The schemas' own addresses on raw.githubusercontent.com are mapped to
 * these files, so validation needs no network and follows every {@code $ref}. The openapi the
 * application serves is its copy in {@code src/main/resources/hsds/}, checked to be the reference's.
 */
final class HsdsSchemas {

    static final String BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    /** Where the public HSDS reference set lies, relative to the project. */
    static final Path REFERENCE = PublicReference.locate("hsds-3.0");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers
                    .mapPrefix(BASE, REFERENCE.toAbsolutePath().normalize().toUri().toString())));
    private static final List<String> PAGE_FIELDS = List.of("total_items", "total_pages", "page_number", "size",
            "first_page", "last_page", "empty", "contents");

    private HsdsSchemas() {
    }

    /** The schema factory, once the reference set is known to be there (skipped locally, failed in CI, if not). */
    private static JsonSchemaFactory factory() {
        PublicReference.folder("hsds-3.0");
        return FACTORY;
    }

    /** A schema by its path under the HSDS schema folder, e.g. {@code service.json} or {@code compiled/service_list.json}. */
    static JsonSchema schema(String path) {
        return factory().getSchema(SchemaLocation.of(BASE + path), CONFIG);
    }

    /** The response of {@code /hsds/}, as declared in the HSDS openapi. */
    static JsonSchema meta() {
        JsonNode schema = openapi().at("/paths/~1/get/responses/200/content/application~1json/schema").deepCopy();
        ((ObjectNode) schema).set("required", JSON.valueToTree(List.of("version", "profile", "openapi_url")));
        return factory().getSchema(schema, CONFIG);
    }

    /**
     * A paginated list as the HSDS openapi declares it: its {@code Page} schema with every page field
     * required, and {@code contents} items of the given schema.
     */
    static JsonSchema page(String itemPath) {
        ObjectNode schema = JSON.createObjectNode();
        schema.set("allOf", JSON.createArrayNode().add(requiredPage(openapi())));
        schema.putObject("properties").putObject("contents").put("type", "array").putObject("items")
                .put("$ref", BASE + itemPath);
        schema.set("required", JSON.valueToTree(List.of("contents")));
        return factory().getSchema(SchemaLocation.of(BASE + "page.json"), schema, CONFIG);
    }

    /**
     * The 200 response schema an openapi declares for a path (e.g. {@code /services/{id}}), with its
     * {@code Page} taken in and every page field required, so a list missing one fails.
     */
    static JsonSchema response(JsonNode openapi, String path) {
        JsonNode declared = openapi.path("paths").path(path).path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema");
        assertThat(declared.isObject()).as("the openapi declares a JSON answer for " + path).isTrue();
        ObjectNode schema = (ObjectNode) declared.deepCopy();
        if (schema.has("allOf")) {
            schema.set("allOf", JSON.createArrayNode().add(requiredPage(openapi)));
            schema.set("required", JSON.valueToTree(List.of("contents")));
        }
        return factory().getSchema(SchemaLocation.of(BASE + "openapi" + path.replace('{', '_').replace('}', '_')),
                schema, CONFIG);
    }

    static Set<ValidationMessage> validate(JsonSchema schema, String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    /** Open Referral's openapi as the application carries it (unchanged). */
    static JsonNode openapi() {
        try (InputStream in = HsdsSchemas.class.getResourceAsStream("/hsds/openapi.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Open Referral's openapi as published in the reference set, to compare the application's copy with. */
    static String referenceOpenapi() {
        try {
            return Files.readString(PublicReference.folder("hsds-3.0").resolve("openapi.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode requiredPage(JsonNode openapi) {
        ObjectNode page = (ObjectNode) openapi.at("/components/schemas/Page").deepCopy();
        page.set("required", JSON.valueToTree(PAGE_FIELDS.subList(0, PAGE_FIELDS.size() - 1)));
        return page;
    }
}
