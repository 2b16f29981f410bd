package dk.brobygger.audit;

/** Whether the attempted action was carried out. Refused attempts are logged with the action tried. */
public enum AuditOutcome {
    GRANTED,
    REFUSED
}
