package dk.brobygger.interop;

/**
 * A module's part of the FHIR server at {@code /fhir}: every Spring bean of this type is registered on the one
 * HAPI FHIR {@link ca.uhn.fhir.rest.server.RestfulServer}. A bean is either a resource provider (it also
 * implements {@link ca.uhn.fhir.rest.server.IResourceProvider}, e.g. for Task or ServiceRequest, with
 * {@code @Read}, {@code @Search}, {@code @Create} … methods) or a plain provider with server-level operations
 * ({@code @Operation(name = "$process-message")}). HAPI calls the annotated methods by reflection, so the class
 * and those methods are public.
 * <p>
 * A refusal is thrown as one of HAPI's {@link ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException}s
 * carrying the module's own OperationOutcome (in Danish): the server answers with it and its status in the
 * format the client asked for. An exception without an OperationOutcome gets the server's Danish wording for
 * its status, and anything unexpected becomes a 500 OperationOutcome without internals.
 */
public interface FhirProvider {
}
