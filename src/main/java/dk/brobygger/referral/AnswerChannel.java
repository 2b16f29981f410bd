package dk.brobygger.referral;

/** How a citizen's answer reached Brobygger: given in /mig by the citizen, or told to staff and recorded by them. */
public enum AnswerChannel {
    /** Selv på Mine sider. */
    MIG,
    /** Fortalt i telefonen og skrevet ind af en medarbejder. */
    PHONE_CALL;

    public String messageKey() {
        return "referral.answerChannel." + name();
    }
}
