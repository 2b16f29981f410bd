package dk.brobygger.citizen;

import dk.brobygger.shared.DomainException;

/** Sharing was asked for without a consent in force; the message names the missing consent. */
class ConsentMissingException extends DomainException {

    ConsentMissingException(ConsentParty party, String partyName) {
        super("consent.missing." + party.name(), partyName);
    }
}
