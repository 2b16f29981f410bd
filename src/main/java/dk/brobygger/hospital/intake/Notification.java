package dk.brobygger.hospital.intake;

import java.time.Instant;
import java.util.List;

import dk.brobygger.hospital.HospitalEventCode;
import dk.brobygger.shared.CprNumber;

import org.jspecify.annotations.Nullable;

/**
 * Sygehusadvis: what one MedCom HospitalNotification says, read once from the bundle.
 *
 * @param messageId       the MessageHeader id: the same message sent again keeps it (the idempotency key)
 * @param bundleId        the envelope's id, new on every sending
 * @param event           the event, without the RE_/AN_ prefix
 * @param kind            a new event, or a revision or cancellation of an earlier message
 * @param earlierMessage  for a revision or cancellation: the MessageHeader id of the message it changes, if named
 * @param occurredAt      when it happened (the encounter's start for an admission, its end for a discharge)
 * @param episode         the hospital's episode-of-care identifier, if given
 * @param warnings        what did not fit the usual pattern but MedCom's examples show (applied all the same)
 */
record Notification(String messageId, @Nullable String bundleId, CprNumber cpr, HospitalEventCode event, Kind kind,
        @Nullable String earlierMessage, Instant occurredAt, @Nullable String episode, List<Warning> warnings) {

    /** A consistency check that did not hold but does not refuse the message: a message key and its arguments. */
    record Warning(String key, Object... arguments) {
    }

    enum Kind {
        NEW(""),
        /** RE_: corrects an earlier message. */
        REVISION("RE_"),
        /** AN_: cancels an earlier message. */
        CANCELLATION("AN_");

        final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /** The MedCom code as the hospitals say it: STIN, RE_STIN, AN_STIN, ... */
    String code() {
        return kind.prefix + event.name();
    }
}
