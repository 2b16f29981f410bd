package dk.brobygger.hospital.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
import org.springframework.context.MessageSource;
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
    private static final Locale DANISH = Locale.of("da");
    private static final DateTimeFormatter DEATH_TIME = DateTimeFormatter.ofPattern("d. MMMM yyyy HH:mm", DANISH)
            .withZone(ZoneId.of("Europe/Copenhagen"));
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
    private final MessageSource messageSource;

    HospitalIntake(FhirContext fhir, ReceivedMessages messages, TimelineWriter timeline, CitizenRegister register,
            CitizenRecords records, Users users, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, MessageSource messageSource) {
        this.messageSource = messageSource;
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
        String hash;
        try {
            Bundle bundle = parse(incoming);
            notification = NotificationReading.read(bundle, now);
            hash = contentHash(bundle);
        } catch (Rejection rejection) {
            return reject(incoming, null, null, rejection, now);
        } catch (RuntimeException unreadable) {
            // A shape the reading did not foresee (a null where a value belongs, say): still only a message that
            // cannot be read, kept for the administrator, never a server error.
            log.warn("Hospital notification could not be read: {}", unreadable.toString());
            log.debug("Reading the hospital notification failed", unreadable);
            return reject(incoming, null, null, new Rejection(Reason.MALFORMED, UNREADABLE_STRUCTURE), now);
        }
        var earlier = messages.accepted(notification.messageId());
        if (earlier.isPresent()) {
            return seenBefore(notification, hash, incoming, earlier.get(), now);
        }
        try {
            return transaction.execute(status -> apply(notification, hash, incoming, now));
        } catch (DuplicateKeyException e) {
            // The same id was accepted by a parallel request between the check above and the insert.
            var accepted = messages.accepted(notification.messageId()).orElseThrow(() -> e);
            return seenBefore(notification, hash, incoming, accepted, now);
        }
    }

    /**
     * A message whose MessageHeader id was accepted before: the same message sent again changes nothing; another
     * message under the same id is not lost but refused (409) and kept for an administrator.
     */
    private Receipt seenBefore(Notification notification, String hash, Incoming incoming,
            ReceivedMessages.Accepted earlier, Instant now) {
        if (earlier.contentHash() == null || earlier.contentHash().equals(hash)) {
            log.info("Hospital notification {} was received before, at {}; nothing changed",
                    notification.messageId(), earlier.receivedAt());
            return new Receipt.AlreadyReceived(notification.messageId(), earlier.receivedAt());
        }
        return transaction.execute(status -> quarantine(incoming, notification, hash, null,
                new Rejection(Reason.MESSAGE_ID_REUSED, notification.messageId(), earlier.receivedAt().toString()),
                now));
    }

    /**
     * The message's content, apart from its envelope: SHA-256 of the bundle as FHIR JSON without Bundle.id,
     * Bundle.timestamp and Bundle.meta (new on every sending) and without narratives, so the same message sent
     * again, as JSON or as XML, has the same hash, and a message that says anything else has another.
     */
    private String contentHash(Bundle bundle) {
        Bundle content = bundle.copy();
        content.setIdElement(null);
        content.setMeta(null);
        content.setTimestampElement(null);
        String canonical = fhir.newJsonParser().setPrettyPrint(false).setSuppressNarratives(true)
                .encodeResourceToString(content);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
    private Receipt apply(Notification notification, String hash, Incoming incoming, Instant now) {
        String code = notification.code();
        var found = register.identify(notification.cpr(), "Modtog sygehusadvis " + code);
        if (found.isEmpty()) {
            return quarantine(incoming, notification, hash, null, new Rejection(Reason.UNKNOWN_PATIENT), now);
        }
        UUID citizen = found.get().value();
        Standing earlier = null;
        if (notification.kind() != Kind.NEW) {
            var target = earlier(notification, citizen);
            if (target instanceof Target.Refused refused) {
                return quarantine(incoming, notification, hash, citizen, refused.rejection(), now);
            }
            earlier = ((Target.Found) target).standing();
        } else if (timeline.stands(citizen, notification.event(), notification.occurredAt())) {
            return quarantine(incoming, notification, hash, citizen, new Rejection(Reason.DUPLICATE_EVENT,
                    notification.event().name(), notification.occurredAt().toString()), now);
        }

        var warnings = new ArrayList<String>();
        notification.warnings().forEach(warning -> warnings.add(text(warning.key(), warning.arguments())));
        var death = timeline.death(citizen);
        boolean afterDeath = death.isPresent() && notification.kind() != Kind.CANCELLATION
                && notification.occurredAt().isAfter(death.get());
        if (afterDeath) {
            warnings.add(text("hospital.warning.afterDeath", DEATH_TIME.format(death.get())));
        }
        UUID message = messages.accept(notification, hash, warnings, incoming.mediaType(), incoming.body(), now,
                system().username(), citizen);
        var citizenId = new CitizenId(citizen);
        if (earlier != null) {
            var ending = notification.kind() == Kind.REVISION ? HospitalStatus.REVISED : HospitalStatus.CANCELLED;
            timeline.end(earlier.id(), ending, message, now);
            events.publishEvent(new HospitalEventCancelled(earlier.id(), citizenId, earlier.code()));
        }
        if (notification.kind() != Kind.CANCELLATION) {
            UUID event = timeline.record(citizen, notification.event(), notification.occurredAt(),
                    notification.episode(), message, earlier == null ? null : earlier.id(), now);
            // What the hospital tells about a citizen it has already told us died is history, not a life event
            // for outreach to act on.
            if (!afterDeath) {
                events.publishEvent(new HospitalEventRecorded(event, citizenId, notification.event(),
                        notification.occurredAt()));
            }
        }
        records.changeFromSystem(citizenId, notification.kind() == Kind.NEW ? AuditAction.CREATE : AuditAction.UPDATE,
                "Sygehusadvis " + code + " skrevet i borgerens sygehusforløb");
        log.info("Hospital notification {} ({}) applied as message {}", notification.messageId(), code, message);
        return new Receipt.Accepted(message, code, List.copyOf(warnings));
    }

    /** What a revision or cancellation changes, or why it cannot be applied. */
    private sealed interface Target {
        record Found(Standing standing) implements Target {
        }

        record Refused(Rejection rejection) implements Target {
        }
    }

    /**
     * The earlier event a revision or cancellation changes: what stands from the message its Provenance names.
     * Never a guess: a message that names none, names one never received, one that was refused, or one whose
     * event no longer stands is kept for an administrator with that reason.
     */
    private Target earlier(Notification notification, UUID citizen) {
        String named = notification.earlierMessage();
        String event = notification.event().name();
        if (named == null) {
            return new Target.Refused(new Rejection(Reason.EARLIER_MESSAGE_UNKNOWN, "-", event));
        }
        if (messages.accepted(named).isPresent()) {
            return timeline.standingFrom(named, citizen).<Target>map(Target.Found::new)
                    .orElseGet(() -> new Target.Refused(new Rejection(Reason.EARLIER_MESSAGE_UNKNOWN, named, event)));
        }
        if (messages.refused(named)) {
            return new Target.Refused(new Rejection(Reason.EARLIER_MESSAGE_REFUSED, named, event));
        }
        return new Target.Refused(new Rejection(Reason.EARLIER_MESSAGE_UNKNOWN, named, event));
    }

    /**
     * Keeps a message that was read but cannot be applied, in the caller's transaction. The same message sent
     * again while it still waits for the administrator for the same reason is recognised as that one.
     */
    private Receipt quarantine(Incoming incoming, Notification notification, String hash, @Nullable UUID citizen,
            Rejection rejection, Instant now) {
        var waiting = messages.waiting(notification.messageId(), hash, rejection.reason());
        if (waiting.isPresent()) {
            log.info("Hospital notification {} ({}) was sent again; it still waits for an administrator as {}",
                    notification.messageId(), notification.code(), waiting.get());
            return new Receipt.Rejected(waiting.get(), rejection.reason(), rejection.arguments(), notification.code());
        }
        UUID id = messages.quarantine(notification.messageId(), notification.bundleId(), notification.code(), citizen,
                hash, incoming.mediaType(), incoming.body(), now, system().username(), rejection.reason(),
                detail(rejection));
        log.warn("Hospital notification {} ({}) rejected: {}; kept for an administrator as {}",
                notification.messageId(), notification.code(), rejection.reason(), id);
        return new Receipt.Rejected(id, rejection.reason(), rejection.arguments(), notification.code());
    }

    /** Keeps a message that could not even be read, in a transaction of its own. */
    private Receipt reject(Incoming incoming, @Nullable String messageId, @Nullable String code, Rejection rejection,
            Instant now) {
        UUID id = transaction.execute(status -> messages.quarantine(messageId, null, code, null, null,
                incoming.mediaType(), incoming.body(), now, system().username(), rejection.reason(),
                detail(rejection)));
        log.warn("Message rejected at intake: {}; kept for an administrator as {}", rejection.reason(), id);
        return new Receipt.Rejected(id, rejection.reason(), rejection.arguments(), code);
    }

    private String text(String key, @Nullable Object... arguments) {
        return messageSource.getMessage(key, arguments, key, DANISH);
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
