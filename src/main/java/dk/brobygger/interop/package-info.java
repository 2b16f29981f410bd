/**
 * Interoperability (FHIR): the one FHIR R4 server of the application, HAPI FHIR's plain
 * {@link ca.uhn.fhir.rest.server.RestfulServer} under {@code /fhir}, with its CapabilityStatement at
 * {@code /fhir/metadata}. Modules do not open FHIR endpoints of their own: each contributes its resource
 * providers and operations as beans of type {@link dk.brobygger.interop.FhirProvider} (the hospital module its
 * {@code $process-message}; referrals, courses and plans their Task, ServiceRequest, EpisodeOfCare and CarePlan
 * providers). Errors, content negotiation (JSON or XML) and the Danish answers are handled here once for all of
 * {@code /fhir}; authentication is the access module's {@code /fhir} security chain.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.interop;
