package dk.brobygger.referral;

/**
 * What the association is told about the citizen, by the citizen's consent: by default only the first name,
 * how to reach the citizen, and what the citizen wants them to know.
 */
public enum SharedField {
    FIRST_NAME, CONTACT, WORDS;

    public String messageKey() {
        return "referral.shared." + name();
    }
}
