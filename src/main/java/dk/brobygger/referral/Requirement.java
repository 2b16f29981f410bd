package dk.brobygger.referral;

/**
 * What a volunteer must have before going with a citizen (krav): a criminal-record certificate (børneattest og
 * straffeattest, where required), a signed confidentiality agreement (tavshedserklæring), and for a peer the peer
 * training (peeruddannelse). Each is met on a day and may lapse.
 */
public enum Requirement {
    CRIMINAL_RECORD, CONFIDENTIALITY, PEER_TRAINING, INTRODUCTION;

    public String messageKey() {
        return "volunteer.requirement." + name();
    }
}
