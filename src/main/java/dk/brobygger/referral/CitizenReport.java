package dk.brobygger.referral;

/** The citizen's own word after the first visit: "fortæl hvordan det gik". */
public enum CitizenReport {
    /** Det var godt, jeg vil gerne igen. */
    WANT_AGAIN,
    /** Jeg kan godt gå selv fremover. */
    GO_ALONE,
    /** Jeg kom ikke afsted. */
    DID_NOT_GO,
    /** Det var ikke noget for mig. */
    NOT_AGAIN;

    public String messageKey() {
        return "referral.citizenReport." + name();
    }
}
