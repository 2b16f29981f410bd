/**
 * Hospital notifications (MedCom HospitalNotification, DOMAIN.md §7): intake of FHIR message bundles,
 * each citizen's hospital timeline, and the events other modules (outreach) listen to.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.hospital;
