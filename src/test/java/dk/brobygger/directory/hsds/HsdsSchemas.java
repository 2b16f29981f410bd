package dk.brobygger.directory.hsds;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
 * The HSDS 3.0 JSON schemas, read from {@code src/test/resources/hsds-3.0/} (copied from Open
 * Referral with their licence). The schemas' own addresses on raw.githubusercontent.com are mapped
 * to the local copies, so validation needs no network and follows every {@code $ref}.
 */
final class HsdsSchemas {

    static final String BASE = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:hsds-3.0/")));

    private HsdsSchemas() {
    }

    /** A schema by its path under the HSDS schema folder, e.g. {@code service.json} or {@code compiled/service_list.json}. */
    static JsonSchema schema(String path) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + path), CONFIG);
    }

    /** The response of {@code /hsds/}, as declared in the HSDS openapi. */
    static JsonSchema meta() {
        JsonNode schema = openapi().at("/paths/~1/get/responses/200/content/application~1json/schema").deepCopy();
        ((ObjectNode) schema).set("required", JSON.valueToTree(List.of("version", "profile", "openapi_url")));
        return FACTORY.getSchema(schema, CONFIG);
    }

    /**
     * A paginated list as the HSDS openapi declares it: its {@code Page} schema with every page field
     * required, and {@code contents} items of the given schema.
     */
    static JsonSchema page(String itemPath) {
        ObjectNode page = (ObjectNode) openapi().at("/components/schemas/Page").deepCopy();
        ObjectNode schema = JSON.createObjectNode();
        schema.set("allOf", JSON.createArrayNode().add(page));
        schema.putObject("properties").putObject("contents").put("type", "array").putObject("items")
                .put("$ref", BASE + itemPath);
        schema.set("required", JSON.valueToTree(List.of("total_items", "total_pages", "page_number", "size",
                "first_page", "last_page", "empty", "contents")));
        return FACTORY.getSchema(SchemaLocation.of(BASE + "page.json"), schema, CONFIG);
    }

    static Set<ValidationMessage> validate(JsonSchema schema, String json) {
        return schema.validate(json, InputFormat.JSON);
    }

    private static JsonNode openapi() {
        try (InputStream in = HsdsSchemas.class.getResourceAsStream("/hsds-3.0/openapi.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
