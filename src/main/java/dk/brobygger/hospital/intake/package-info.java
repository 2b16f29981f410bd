/**
 * MedCom HospitalNotification intake at {@code /fhir/$process-message} (an operation this module contributes to
 * the one FHIR server, {@link dk.brobygger.interop.FhirProvider}): parsing with HAPI FHIR, deriving the event,
 * idempotent application to the timeline, and the administrator's list of rejected messages.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.hospital.intake;
