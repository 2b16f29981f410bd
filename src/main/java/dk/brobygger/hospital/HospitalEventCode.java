package dk.brobygger.hospital;

/** The event a MedCom HospitalNotification stands for, derived as in DOMAIN.md §7. */
public enum HospitalEventCode {
    /** Acute outpatient stay starts. */
    STAA,
    /** Inpatient admission. */
    STIN,
    /** Leave starts. */
    STOR,
    /** Leave ends. */
    SLOR,
    /** Discharged home. */
    SLHJ,
    /** The patient died. */
    MORS
}
