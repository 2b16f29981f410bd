package dk.brobygger.hospital.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.citizen.CitizenRegister;
import dk.brobygger.hospital.HospitalEventCancelled;
import dk.brobygger.hospital.HospitalEventRecorded;
import dk.brobygger.hospital.HospitalStatus;
import dk.brobygger.hospital.intake.Notification.Kind;
import dk.brobygger.hospital.intake.Rejection.Reason;
import dk.brobygger.hospital.intake.TimelineWriter.Standing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Modtagelse af sygehusadviser: parses a MedCom HospitalNotification once, derives its event and applies it to
 * the citizen's timeline in one transaction, together with the audit record and the published events (the
 * event publication registry delivers them after commit). The same message twice changes nothing the
 * second time. A message that cannot be applied is kept, with the reason, for an administrator; nothing of
 * it is half-saved.
 */
@Service
class HospitalIntake {

    private static final Logger log = LoggerFactory.getLogger(HospitalIntake.class);

    /** What the sender and the administrator read when a message cannot be read at all (Danish, no internals). */
    static final String NOT_FHIR_JSON = "indholdet er ikke en FHIR-ressource i JSON";
    static final String NOT_FHIR_XML = "indholdet er ikke en FHIR-ressource i XML";
    static final String UNREADABLE_STRUCTURE = "beskeden har ikke den opbygning, en sygehusadvis skal have";

    /** The body as it arrived, and whether it was XML (else JSON). */
    record Incoming(String body, String mediaType, boolean xml) {
    }

    private final FhirContext fhir;
    private final ReceivedMessages messages;
    private final TimelineWriter timeline;
    private final CitizenRegister register;
    private final CitizenRecords records;
    private final Users users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    HospitalIntake(FhirContext fhir, ReceivedMessages messages, TimelineWriter timeline, CitizenRegister register,
            CitizenRecords records, Users users, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions) {
        this.fhir = fhir;
        this.messages = messages;
        this.timeline = timeline;
        this.register = register;
        this.records = records;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * A message in a format the intake does not read (a wildcard, plain text, multipart): not read at all, but kept
     * for the administrator like every other message from the sender that cannot be applied.
     */
    Receipt refuseFormat(String body, String mediaType) {
        var incoming = new Incoming(body.length() > ReceivedMessages.MAX_BODY
                ? body.substring(0, ReceivedMessages.MAX_BODY) : body, mediaType, false);
        return reject(incoming, null, null, new Rejection(Reason.UNSUPPORTED_MEDIA_TYPE, mediaType), clock.instant());
    }

    Receipt receive(Incoming incoming) {
        Instant now = clock.instant();
        if (incoming.body().length() > ReceivedMessages.MAX_BODY) {
            return reject(incoming, null, null, new Rejection(Reason.TOO_LARGE, ReceivedMessages.MAX_BODY), now);
        }
        Notification notification;
        try {
            notification = NotificationReading.read(parse(incoming), now);
        } catch (Rejection rejection) {
            return reject(incoming, null, null, rejection, now);
        } catch (RuntimeException unreadable) {
            // A shape the reading did not foresee (a null where a value belongs, say): still only a message that
            // cannot be read, kept for the administrator, never a server error.
            log.warn("Hospital notification could not be read: {}", unreadable.toString());
            log.debug("Reading the hospital notification failed", unreadable);
            return reject(incoming, null, null, new Rejection(Reason.MALFORMED, UNREADABLE_STRUCTURE), now);
        }
        var earlier = messages.acceptedAt(notification.messageId());
        if (earlier.isPresent()) {
            return alreadyReceived(notification, earlier.get());
        }
        try {
            return transaction.execute(status -> apply(notification, incoming, now));
        } catch (DuplicateKeyException e) {
            // The same message was accepted by a parallel request between the check above and the insert.
            return alreadyReceived(notification, messages.acceptedAt(notification.messageId()).orElse(now));
        }
    }

    private Bundle parse(Incoming incoming) {
        IParser parser = incoming.xml() ? fhir.newXmlParser() : fhir.newJsonParser();
        IBaseResource resource;
        try {
            resource = parser.parseResource(incoming.body());
        } catch (RuntimeException e) {
            // The parser's own words name its classes and codes ("HAPI-1861: …"): for the log, not the sender.
            log.debug("Hospital notification is not FHIR {}", incoming.xml() ? "XML" : "JSON", e);
            throw new Rejection(Reason.MALFORMED, incoming.xml() ? NOT_FHIR_XML : NOT_FHIR_JSON);
        }
        if (!(resource instanceof Bundle bundle)) {
            throw new Rejection(Reason.NOT_A_HOSPITAL_NOTIFICATION, "ressourcen er " + resource.fhirType());
        }
        return bundle;
    }

    /** Runs in one transaction: every check comes before the first write, and any failure rolls all back. */
    private Receipt apply(Notification notification, Incoming incoming, Instant now) {
        String code = notification.code();
        var found = register.identify(notification.cpr(), "Modtog sygehusadvis " + code);
        if (found.isEmpty()) {
            return quarantine(incoming, notification, null, new Rejection(Reason.UNKNOWN_PATIENT), now);
        }
        UUID citizen = found.get().value();
        Standing earlier = null;
        if (notification.kind() != Kind.NEW) {
            earlier = earlier(notification, citizen);
            if (earlier == null) {
                return quarantine(incoming, notification, citizen, new Rejection(Reason.EARLIER_MESSAGE_UNKNOWN,
                        notification.earlierMessage() == null ? "-" : notification.earlierMessage(),
                        notification.event().name()), now);
            }
        } else if (timeline.stands(citizen, notification.event(), notification.occurredAt())) {
            return quarantine(incoming, notification, citizen, new Rejection(Reason.DUPLICATE_EVENT,
                    notification.event().name(), notification.occurredAt().toString()), now);
        }

        UUID message = messages.accept(notification, incoming.mediaType(), incoming.body(), now, system().username(),
                citizen);
        var citizenId = new CitizenId(citizen);
        if (earlier != null) {
            var ending = notification.kind() == Kind.REVISION ? HospitalStatus.REVISED : HospitalStatus.CANCELLED;
            timeline.end(earlier.id(), ending, message, now);
            events.publishEvent(new HospitalEventCancelled(earlier.id(), citizenId, earlier.code()));
        }
        if (notification.kind() != Kind.CANCELLATION) {
            UUID event = timeline.record(citizen, notification.event(), notification.occurredAt(),
                    notification.episode(), message, earlier == null ? null : earlier.id(), now);
            events.publishEvent(new HospitalEventRecorded(event, citizenId, notification.event(),
                    notification.occurredAt()));
        }
        records.changeFromSystem(citizenId, notification.kind() == Kind.NEW ? AuditAction.CREATE : AuditAction.UPDATE,
                "Sygehusadvis " + code + " skrevet i borgerens sygehusforløb");
        log.info("Hospital notification {} ({}) applied as message {}", notification.messageId(), code, message);
        return new Receipt.Accepted(message, code);
    }

    /**
     * The earlier event a revision or cancellation changes: what stands from the message its Provenance names.
     * Only when that message never reached us (MedCom's own examples name one that does not exist) is it the
     * citizen's latest standing event of the same kind.
     */
    private @Nullable Standing earlier(Notification notification, UUID citizen) {
        String named = notification.earlierMessage();
        if (named != null && messages.accepted(named).isPresent()) {
            return timeline.standingFrom(named, citizen).orElse(null);
        }
        return timeline.latestStanding(citizen, notification.event()).orElse(null);
    }

    private Receipt alreadyReceived(Notification notification, Instant receivedAt) {
        log.info("Hospital notification {} was received before, at {}; nothing changed", notification.messageId(),
                receivedAt);
        return new Receipt.AlreadyReceived(notification.messageId(), receivedAt);
    }

    /** Keeps a message that was read but cannot be applied, in the caller's transaction. */
    private Receipt quarantine(Incoming incoming, Notification notification, @Nullable UUID citizen,
            Rejection rejection, Instant now) {
        UUID id = messages.quarantine(notification.messageId(), notification.bundleId(), notification.code(), citizen,
                incoming.mediaType(), incoming.body(), now, system().username(), rejection.reason(),
                detail(rejection));
        log.warn("Hospital notification {} ({}) rejected: {}; kept for an administrator as {}",
                notification.messageId(), notification.code(), rejection.reason(), id);
        return new Receipt.Rejected(id, rejection.reason(), rejection.arguments(), notification.code());
    }

    /** Keeps a message that could not even be read, in a transaction of its own. */
    private Receipt reject(Incoming incoming, @Nullable String messageId, @Nullable String code, Rejection rejection,
            Instant now) {
        UUID id = transaction.execute(status -> messages.quarantine(messageId, null, code, null,
                incoming.mediaType(), incoming.body(), now, system().username(), rejection.reason(),
                detail(rejection)));
        log.warn("Message rejected at intake: {}; kept for an administrator as {}", rejection.reason(), id);
        return new Receipt.Rejected(id, rejection.reason(), rejection.arguments(), code);
    }

    /** What the administrator reads beside the reason: the particulars, never a CPR number. */
    private static String detail(Rejection rejection) {
        var arguments = rejection.arguments();
        return arguments.length == 0 ? "–"
                : String.join(" / ", java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    private BrobyggerUser system() {
        return users.currentOrFail();
    }
}
