package dk.brobygger.referral;

import java.io.StringReader;
import java.util.Set;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.PatchTypeEnum;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dk.brobygger.shared.DomainException;

/**
 * FHIR PATCH of a referral's Task: a JSON Patch (RFC 6902, {@code application/json-patch+json}) or a FHIRPath Patch
 * (a {@code Parameters} resource) applied to the Task as the association's system reads it, giving the Task it
 * wants; {@link TaskProvider} then answers it exactly as an update, through the same guards. Only what the
 * association answers may be patched: {@code status}, {@code businessStatus}, {@code statusReason} and
 * {@code output} (a JSON Patch may also {@code test} anything, e.g. {@code /meta/versionId}). Anything else is
 * refused in Danish, nothing is changed.
 */
@Component
class TaskPatches {

    /** The Task's elements an association may patch. */
    static final Set<String> PATCHABLE = Set.of("status", "businessStatus", "statusReason", "output");

    private final FhirContext fhir = FhirContext.forR4Cached();

    /** The Task as {@code current} would be after the patch; a patch that cannot be applied is refused in Danish. */
    Task apply(Task current, PatchTypeEnum type, String body) {
        return switch (type) {
            case JSON_PATCH -> jsonPatch(current, body);
            case FHIR_PATCH_JSON -> fhirPathPatch(current, parameters(body));
            default -> throw new DomainException("referral.fhir.patch.type");
        };
    }

    private Task jsonPatch(Task current, String body) {
        JsonArray operations;
        try (var reader = Json.createReader(new StringReader(body))) {
            operations = reader.readArray();
        } catch (JsonException | IllegalStateException e) {
            throw new DomainException("referral.fhir.patch.invalid");
        }
        for (JsonValue value : operations) {
            if (!(value instanceof JsonObject operation) || !operation.containsKey("op")
                    || !operation.containsKey("path")) {
                throw new DomainException("referral.fhir.patch.invalid");
            }
            String op = operation.getString("op", "");
            String path = operation.getString("path", "");
            if (!"test".equals(op) && !patchable(path.startsWith("/") ? path.substring(1) : path, "/")) {
                throw new DomainException("referral.fhir.patch.path", path);
            }
            if ("move".equals(op) || "copy".equals(op)) {
                throw new DomainException("referral.fhir.patch.path", path);
            }
        }
        JsonObject task;
        try (var reader = Json.createReader(new StringReader(fhir.newJsonParser().encodeResourceToString(current)))) {
            task = reader.readObject();
        }
        JsonObject patched;
        try {
            patched = Json.createPatch(operations).apply(task);
        } catch (JsonException e) {
            throw new DomainException("referral.fhir.patch.failed", e.getMessage());
        }
        try {
            return fhir.newJsonParser().parseResource(Task.class, patched.toString());
        } catch (DataFormatException e) {
            throw new DomainException("referral.fhir.patch.failed", e.getMessage());
        }
    }

    private Parameters parameters(String body) {
        try {
            return fhir.newJsonParser().parseResource(Parameters.class, body);
        } catch (DataFormatException e) {
            throw new DomainException("referral.fhir.patch.invalid");
        }
    }

    /**
     * The FHIRPath Patch operations on the Task's answer: {@code replace} (or {@code add} of a single value) of
     * {@code Task.status}, {@code Task.businessStatus}, {@code Task.statusReason}, {@code add} of an
     * {@code output} to {@code Task} (parts {@code type} and {@code value[x]}), {@code delete} of
     * {@code Task.output}.
     */
    private Task fhirPathPatch(Task current, Parameters patch) {
        var task = current.copy();
        if (patch.getParameter().isEmpty()) {
            throw new DomainException("referral.fhir.patch.invalid");
        }
        for (var operation : patch.getParameter()) {
            if (!"operation".equals(operation.getName())) {
                throw new DomainException("referral.fhir.patch.invalid");
            }
            String type = primitive(operation, "type");
            String path = primitive(operation, "path");
            String name = primitive(operation, "name");
            Type value = part(operation, "value") == null ? null : part(operation, "value").getValue();
            if (type == null || path == null) {
                throw new DomainException("referral.fhir.patch.invalid");
            }
            switch (type + " " + path + (name == null ? "" : " " + name)) {
                case "replace Task.status", "add Task status" -> task.setStatus(status(value));
                case "replace Task.businessStatus", "add Task businessStatus" -> task.setBusinessStatus(concept(value));
                case "replace Task.statusReason", "add Task statusReason" -> task.setStatusReason(concept(value));
                case "delete Task.businessStatus" -> task.setBusinessStatus(null);
                case "delete Task.statusReason" -> task.setStatusReason(null);
                case "delete Task.output" -> task.getOutput().clear();
                case "add Task output" -> {
                    var output = part(operation, "value");
                    var kind = output == null ? null : part(output, "type");
                    var content = output == null ? null : part(output, "value");
                    if (kind == null || !(kind.getValue() instanceof CodeableConcept concept) || content == null
                            || content.getValue() == null) {
                        throw new DomainException("referral.fhir.patch.invalid");
                    }
                    task.addOutput().setType(concept).setValue(content.getValue());
                }
                default -> throw new DomainException("referral.fhir.patch.path", path + (name == null ? "" : "." + name));
            }
        }
        return task;
    }

    private static boolean patchable(String path, String separator) {
        String first = path.contains(separator) ? path.substring(0, path.indexOf(separator)) : path;
        return PATCHABLE.contains(first);
    }

    private static Task.TaskStatus status(@Nullable Type value) {
        if (value instanceof CodeType code && code.hasValue()) {
            try {
                return Task.TaskStatus.fromCode(code.getValue());
            } catch (org.hl7.fhir.exceptions.FHIRException e) {
                throw new DomainException("referral.fhir.status.unknown", code.getValue());
            }
        }
        throw new DomainException("referral.fhir.status.missing");
    }

    private static CodeableConcept concept(@Nullable Type value) {
        if (value instanceof CodeableConcept concept) {
            return concept;
        }
        if (value instanceof StringType text && text.hasValue()) {
            return new CodeableConcept().setText(text.getValue());
        }
        throw new DomainException("referral.fhir.patch.invalid");
    }

    private static @Nullable ParametersParameterComponent part(ParametersParameterComponent parent, String name) {
        return parent.getPart().stream().filter(part -> name.equals(part.getName())).findFirst().orElse(null);
    }

    private static @Nullable String primitive(ParametersParameterComponent parent, String name) {
        var part = part(parent, name);
        return part == null || part.getValue() == null || !part.getValue().isPrimitive() ? null
                : part.getValue().primitiveValue();
    }
}
