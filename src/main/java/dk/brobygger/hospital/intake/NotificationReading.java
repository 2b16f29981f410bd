package dk.brobygger.hospital.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dk.brobygger.hospital.HospitalEventCode;
import dk.brobygger.hospital.intake.Notification.Kind;
import dk.brobygger.hospital.intake.Rejection.Reason;
import dk.brobygger.shared.CprNumber;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Reads a MedCom HospitalNotification bundle into a {@link Notification}, deriving the event as DOMAIN.md §7
 * says: the Provenance of this message (the one whose target is its MessageHeader) names the activity, and the
 * activity decides the event; a deceased patient makes a new message MORS. The Encounter's class and status are
 * consistency checks: where MedCom's own examples show a combination outside the usual table (a discharge home
 * while the encounter is on leave, SLHJ_I) the message is applied with a {@link Notification.Warning} the sender
 * and the staff see; a contradiction no example shows (an admission whose encounter is already finished) is
 * refused. Earlier Provenances in the bundle are the history of the stay and
 * are not read. Pure: no database, no clock but the instant it is given.
 */
final class NotificationReading {

    static final String CPR_SYSTEM = "urn:oid:1.2.208.176.1.2";
    static final String EVENT_CODE = "hospital-notification-message";
    /** Hospital and municipal clocks differ a little; beyond this a time is in the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private static final Set<String> EMERGENCY_OR_INPATIENT = Set.of("EMER", "IMP");

    private NotificationReading() {
    }

    static Notification read(Bundle bundle, Instant now) {
        if (bundle.getType() != BundleType.MESSAGE || bundle.getEntry().isEmpty()
                || !(bundle.getEntryFirstRep().getResource() instanceof MessageHeader header)) {
            throw new Rejection(Reason.NOT_A_HOSPITAL_NOTIFICATION, "ikke en meddelelse (Bundle.type message med MessageHeader først)");
        }
        Coding eventCoding = header.hasEventCoding() ? header.getEventCoding() : new Coding();
        if (!EVENT_CODE.equals(eventCoding.getCode())) {
            throw new Rejection(Reason.NOT_A_HOSPITAL_NOTIFICATION,
                    "MessageHeader.event er " + Optional.ofNullable(eventCoding.getCode()).orElse("tom"));
        }
        String messageId = required(header.getIdElement().getIdPart(), "MessageHeader.id");
        var resources = new Resources(bundle);

        Encounter encounter = header.getFocus().stream().map(resources::find)
                .filter(Encounter.class::isInstance).map(Encounter.class::cast).findFirst()
                .or(() -> resources.only(Encounter.class))
                .orElseThrow(() -> new Rejection(Reason.INCOMPLETE, "Encounter"));
        Patient patient = Optional.ofNullable(resources.find(encounter.getSubject()))
                .filter(Patient.class::isInstance).map(Patient.class::cast)
                .or(() -> resources.only(Patient.class))
                .orElseThrow(() -> new Rejection(Reason.INCOMPLETE, "Patient"));
        CprNumber cpr = cpr(patient);
        Provenance provenance = resources.all(Provenance.class).stream()
                .filter(p -> p.getTarget().stream().anyMatch(target -> messageId.equals(idPart(target))))
                .findFirst()
                .orElseThrow(() -> new Rejection(Reason.INCOMPLETE, "Provenance for denne MessageHeader"));
        String activity = required(provenance.getActivity().getCoding().stream().map(Coding::getCode)
                .filter(code -> code != null && !code.isBlank()).findFirst().orElse(null), "Provenance.activity");

        Kind kind = activity.startsWith("revise-") ? Kind.REVISION
                : activity.startsWith("cancel-") ? Kind.CANCELLATION : Kind.NEW;
        String base = activity.substring(kind == Kind.NEW ? 0 : activity.indexOf('-') + 1);
        boolean deceased = isDeceased(patient);
        // The activity is read (and an unknown one refused) first; MedCom tells a death by Patient.deceased on a
        // message whose activity is the stay's own (MORS_J admit-inpatient, MORS_K admit-emergency, MORS_L
        // start-leave-inpatient).
        HospitalEventCode activityEvent = event(base);
        HospitalEventCode event = deceased && kind == Kind.NEW ? HospitalEventCode.MORS : activityEvent;

        String encounterClass = encounter.getClass_().getCode();
        String status = encounter.hasStatus() ? encounter.getStatus().toCode() : null;
        List<Notification.Warning> warnings = checkAgrees(event, kind, encounterClass, status, activity);

        Instant occurredAt = occurredAt(event, encounter, patient, provenance, bundle);
        Instant provenanceTime = instant(provenance.hasOccurredDateTimeType()
                ? provenance.getOccurredDateTimeType().getValue() : null);
        for (Instant time : new Instant[] {occurredAt, provenanceTime}) {
            if (time != null && time.isAfter(now.plus(CLOCK_SKEW))) {
                throw new Rejection(Reason.FUTURE_DATE, time.toString());
            }
        }
        String earlier = kind == Kind.NEW ? null : provenance.getEntity().stream()
                .map(entity -> idPart(entity.getWhat())).filter(id -> id != null).findFirst().orElse(null);
        String episode = encounter.getEpisodeOfCare().stream()
                .map(reference -> reference.getIdentifier().getValue()).filter(value -> value != null)
                .findFirst().orElse(null);
        return new Notification(messageId, bundle.getIdElement().getIdPart(), cpr, event, kind, earlier, occurredAt,
                episode, warnings);
    }

    private static HospitalEventCode event(String activity) {
        return switch (activity) {
            case "admit-emergency" -> HospitalEventCode.STAA;
            case "admit-inpatient" -> HospitalEventCode.STIN;
            case "start-leave-inpatient" -> HospitalEventCode.STOR;
            case "end-leave-inpatient" -> HospitalEventCode.SLOR;
            case "discharge-inpatient-home", "discharge-emergency-home" -> HospitalEventCode.SLHJ;
            default -> {
                if (activity.startsWith("deceased")) {
                    yield HospitalEventCode.MORS;
                }
                throw new Rejection(Reason.NOT_A_HOSPITAL_NOTIFICATION, "ukendt aktivitet " + activity);
            }
        };
    }

    /**
     * Encounter.class and Encounter.status as DOMAIN.md §7 pairs them with each event. A discharge home while the
     * encounter is on leave is what MedCom's own example SLHJ_I shows: a warning. Any other contradiction (and a
     * missing class, which FHIR requires) is refused.
     */
    private static List<Notification.Warning> checkAgrees(HospitalEventCode event, Kind kind,
            @Nullable String encounterClass, @Nullable String status, String activity) {
        var warnings = new ArrayList<Notification.Warning>();
        boolean classFits = switch (event) {
            case STAA -> "EMER".equals(encounterClass);
            case STIN, STOR, SLOR -> "IMP".equals(encounterClass);
            case SLHJ, MORS -> EMERGENCY_OR_INPATIENT.contains(encounterClass);
        };
        // A cancelled encounter is entered-in-error, and a death is told whatever the stay's status was.
        boolean statusFits = kind == Kind.CANCELLATION || event == HospitalEventCode.MORS || switch (event) {
            case STAA, STIN, SLOR -> "in-progress".equals(status);
            case STOR -> "onleave".equals(status);
            case SLHJ -> "finished".equals(status) || "onleave".equals(status);
            case MORS -> true;
        };
        if (statusFits && kind != Kind.CANCELLATION && event == HospitalEventCode.SLHJ && "onleave".equals(status)) {
            warnings.add(new Notification.Warning("hospital.warning.dischargedFromLeave", activity));
        }
        if (!classFits || !statusFits) {
            throw new Rejection(Reason.INCONSISTENT, encounterClass, status, activity);
        }
        return List.copyOf(warnings);
    }

    private static Instant occurredAt(HospitalEventCode event, Encounter encounter, Patient patient,
            Provenance provenance, Bundle bundle) {
        Instant period = switch (event) {
            case STAA, STIN -> instant(encounter.getPeriod().getStart());
            case SLHJ -> instant(encounter.getPeriod().getEnd());
            case MORS -> patient.hasDeceasedDateTimeType() ? instant(patient.getDeceasedDateTimeType().getValue())
                    : instant(encounter.getPeriod().getEnd());
            case STOR, SLOR -> null;
        };
        Instant provenanceTime = instant(provenance.hasOccurredDateTimeType()
                ? provenance.getOccurredDateTimeType().getValue() : null);
        Instant when = period != null ? period : provenanceTime != null ? provenanceTime : instant(bundle.getTimestamp());
        if (when == null) {
            throw new Rejection(Reason.INCOMPLETE, "tidspunkt (Encounter.period eller Provenance.occurred)");
        }
        return when;
    }

    private static CprNumber cpr(Patient patient) {
        String value = required(patient.getIdentifier().stream()
                .filter(identifier -> CPR_SYSTEM.equals(identifier.getSystem()) && identifier.hasValue())
                .map(identifier -> identifier.getValue()).findFirst().orElse(null), "Patient.identifier (CPR)");
        if (!CprNumber.isValid(value)) {
            throw new Rejection(Reason.INCOMPLETE, "et gyldigt CPR-nummer");
        }
        return CprNumber.of(value);
    }

    private static boolean isDeceased(Patient patient) {
        return patient.hasDeceasedBooleanType() ? patient.getDeceasedBooleanType().booleanValue()
                : patient.hasDeceasedDateTimeType();
    }

    private static String required(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new Rejection(Reason.INCOMPLETE, what);
        }
        return value;
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static @Nullable String idPart(@Nullable Reference reference) {
        return reference == null || !reference.hasReference() ? null : reference.getReferenceElement().getIdPart();
    }

    /** The bundle's resources by "Type/id", as the references inside the bundle name them. */
    private static final class Resources {

        private final List<Resource> all;
        private final Map<String, Resource> byReference = new HashMap<>();

        Resources(Bundle bundle) {
            this.all = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                    .filter(resource -> resource != null).toList();
            for (Resource resource : all) {
                byReference.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
            }
        }

        @Nullable Resource find(@Nullable Reference reference) {
            if (reference == null || !reference.hasReference()) {
                return null;
            }
            var id = reference.getReferenceElement();
            return byReference.get(id.getResourceType() + "/" + id.getIdPart());
        }

        <T extends Resource> List<T> all(Class<T> type) {
            return all.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends Resource> Optional<T> only(Class<T> type) {
            var found = all(type);
            return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
        }
    }
}
