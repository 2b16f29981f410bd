package dk.brobygger.referral;

/**
 * Where a volunteer or peer is in the municipality's approval (godkendelse): applied, approved, onboarded (may be
 * assigned while vetted), paused for a while, expired when a requirement lapsed, declined (or left).
 */
public enum VolunteerStage {
    /** Har søgt. */
    APPLIED,
    /** Godkendt, mangler introduktion. */
    APPROVED,
    /** Klar: introduceret og kan tildeles borgere. */
    ONBOARDED,
    /** Holder pause. */
    PAUSED,
    /** Udløbet: et krav (straffeattest, tavshedserklæring, uddannelse) er ikke længere gyldigt. */
    EXPIRED,
    /** Afvist eller stoppet. */
    DECLINED;

    /** Still in the register's work: not declined. */
    public boolean isActive() {
        return this == ONBOARDED;
    }

    public String messageKey() {
        return "volunteer.stage." + name();
    }
}
