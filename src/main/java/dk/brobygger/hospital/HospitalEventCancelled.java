package dk.brobygger.hospital;

import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

/** An earlier {@link HospitalEventRecorded} no longer holds (cancelled or replaced by a revision). */
public record HospitalEventCancelled(UUID eventId, CitizenId citizen, HospitalEventCode code) {
}
