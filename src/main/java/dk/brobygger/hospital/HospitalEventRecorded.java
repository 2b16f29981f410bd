package dk.brobygger.hospital;

import java.time.Instant;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

/**
 * A hospital event now stands in the citizen's timeline: published once per event, after commit.
 * A revision (RE_*) is published as {@link HospitalEventCancelled} of the old event followed by a new
 * {@code HospitalEventRecorded}; a cancellation (AN_*) as {@link HospitalEventCancelled} alone.
 *
 * @param eventId    identifies the event in the timeline; a later cancellation names it
 * @param citizen    the patient
 * @param code       what happened
 * @param occurredAt when it happened (the encounter's period start or end)
 */
public record HospitalEventRecorded(UUID eventId, CitizenId citizen, HospitalEventCode code, Instant occurredAt) {
}
