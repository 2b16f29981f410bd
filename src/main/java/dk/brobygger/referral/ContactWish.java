package dk.brobygger.referral;

/** How the citizen wants the association to get in touch, or that it should not. */
public enum ContactWish {
    PHONE, SMS, EMAIL, LETTER,
    /** Borgeren vil ikke kontaktes: the citizen gets in touch themselves. */
    NOT_AT_ALL;

    public String messageKey() {
        return "referral.contactWish." + name();
    }
}
