package dk.brobygger.referral;

/** What the citizen says to a referral made for them: yes, no thanks, or not now. */
public enum CitizenAnswer {
    /** Ja tak: the citizen wants to go. */
    YES,
    /** Nej tak: the citizen does not want it; the referral is cancelled as no longer wanted. */
    NO,
    /** Ikke lige nu: a referral under way waits for the citizen (on hold); one not yet answered goes on. */
    NOT_NOW;

    public String messageKey() {
        return "referral.citizenAnswer." + name();
    }
}
