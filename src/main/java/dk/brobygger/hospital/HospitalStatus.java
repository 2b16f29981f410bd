package dk.brobygger.hospital;

/** What became of an event in the citizen's hospital timeline. */
public enum HospitalStatus {
    /** Stands as the hospital told it. */
    ACTIVE,
    /** The hospital corrected it (RE_*); the correction is a newer event. */
    REVISED,
    /** The hospital cancelled it (AN_*): it did not happen. */
    CANCELLED
}
