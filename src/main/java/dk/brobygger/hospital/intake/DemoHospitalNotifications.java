package dk.brobygger.hospital.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.NeedToKnow;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenKeys;
import dk.brobygger.shared.CprNumber;
import dk.brobygger.hospital.intake.HospitalIntake.Incoming;

import ca.uhn.fhir.context.FhirContext;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A few hospital notifications for the home-visit nurse's demo citizens, sent through the real intake as the
 * demo system user {@code medcom}: one admitted, on leave, back and discharged; one admitted yesterday; one
 * admission the hospital cancelled. Only in the embedded demo, once, after the demo citizens (order 20).
 */
@Component
@Profile("demo-data & !postgres")
@Order(30)
class DemoHospitalNotifications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHospitalNotifications.class);
    private static final Duration DAY = Duration.ofDays(1);

    private final HospitalIntake intake;
    private final FhirContext fhir;
    private final JdbcClient jdbc;
    private final Users users;
    private final NeedToKnow needToKnow;
    private final CitizenKeys register;
    private final Clock clock;

    DemoHospitalNotifications(HospitalIntake intake, FhirContext fhir, JdbcClient jdbc, Users users, NeedToKnow needToKnow,
            CitizenKeys register, Clock clock) {
        this.intake = intake;
        this.fhir = fhir;
        this.jdbc = jdbc;
        this.users = users;
        this.needToKnow = needToKnow;
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var medcom = users.find("medcom");
        if (medcom.isEmpty() || jdbc.sql("SELECT COUNT(*) FROM hospital_message").query(Long.class).single() > 0) {
            return;
        }
        // The nurse's citizens, as DemoCitizens related them: the three oldest she may see.
        var nurse = users.find("hjemmebesog");
        if (nurse.isEmpty()) {
            return;
        }
        var visible = needToKnow.visibleTo(nurse.get());
        List<String> cprs = jdbc.sql("""
                SELECT id FROM citizen_register_view WHERE id IN (%s) ORDER BY birth_date, id FETCH FIRST 3 ROWS ONLY
                """.formatted(visible.sql())).params(visible.params()).query(UUID.class).list().stream()
                .flatMap(id -> register.cprOf(new CitizenId(id)).stream()).map(CprNumber::value).toList();
        if (cprs.size() < 3) {
            return;
        }
        var context = SecurityContextHolder.getContext();
        try {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    medcom.get(), null, medcom.get().getAuthorities()));
            Instant now = clock.instant();
            Instant admitted = now.minus(DAY.multipliedBy(10));
            String stin = send(cprs.get(0), "admit-inpatient", "IMP", "in-progress", admitted, null, admitted, null);
            String stor = send(cprs.get(0), "start-leave-inpatient", "IMP", "onleave", admitted, null,
                    now.minus(DAY.multipliedBy(7)), stin);
            send(cprs.get(0), "end-leave-inpatient", "IMP", "in-progress", admitted, null, now.minus(DAY.multipliedBy(6)),
                    stor);
            send(cprs.get(0), "discharge-inpatient-home", "IMP", "finished", admitted, now.minus(DAY.multipliedBy(3)),
                    now.minus(DAY.multipliedBy(3)), stin);
            Instant yesterday = now.minus(DAY);
            send(cprs.get(1), "admit-inpatient", "IMP", "in-progress", yesterday, null, yesterday, null);
            Instant mistaken = now.minus(DAY.multipliedBy(2));
            String wrong = send(cprs.get(2), "admit-inpatient", "IMP", "in-progress", mistaken, null, mistaken, null);
            send(cprs.get(2), "cancel-admit-inpatient", "IMP", "entered-in-error", mistaken, null,
                    mistaken.plus(Duration.ofHours(2)), wrong);
            log.info("Demo hospital notifications sent for 3 citizens");
        } finally {
            SecurityContextHolder.getContext().setAuthentication(context.getAuthentication());
        }
    }

    /** Sends one notification through the intake and gives back its MessageHeader id. */
    private String send(String cpr, String activity, String encounterClass, String status, Instant start,
            @Nullable Instant end, Instant occurred, @Nullable String earlier) {
        String messageId = UUID.randomUUID().toString();
        var bundle = new Bundle().setType(Bundle.BundleType.MESSAGE).setTimestamp(Date.from(occurred));
        bundle.setId(UUID.randomUUID().toString());
        var patient = new Patient();
        patient.setId(UUID.randomUUID().toString());
        patient.addIdentifier().setSystem(NotificationReading.CPR_SYSTEM).setValue(cpr);
        var encounter = new Encounter();
        encounter.setId(UUID.randomUUID().toString());
        encounter.setStatus(Encounter.EncounterStatus.fromCode(status));
        encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", encounterClass, null));
        encounter.setSubject(new Reference("Patient/" + patient.getIdPart()));
        encounter.getPeriod().setStart(Date.from(start));
        if (end != null) {
            encounter.getPeriod().setEnd(Date.from(end));
        }
        var header = new MessageHeader();
        header.setId(messageId);
        header.setEvent(new Coding("http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes",
                NotificationReading.EVENT_CODE, null));
        header.addFocus(new Reference("Encounter/" + encounter.getIdPart()));
        var provenance = new Provenance();
        provenance.setId(UUID.randomUUID().toString());
        provenance.addTarget(new Reference("MessageHeader/" + messageId));
        provenance.getOccurredDateTimeType().setValue(Date.from(occurred));
        provenance.setRecorded(Date.from(occurred));
        provenance.getActivity().addCoding().setSystem(
                "http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes").setCode(activity);
        if (earlier != null) {
            provenance.addEntity().setRole(Provenance.ProvenanceEntityRole.REVISION)
                    .setWhat(new Reference("MessageHeader/" + earlier));
        }
        for (var resource : List.of(header, patient, encounter, provenance)) {
            bundle.addEntry().setFullUrl(resource.fhirType() + "/" + resource.getIdPart()).setResource(resource);
        }
        var receipt = intake.receive(new Incoming(fhir.newJsonParser().encodeResourceToString(bundle),
                "application/fhir+json", false));
        if (!(receipt instanceof Receipt.Accepted)) {
            log.warn("Demo hospital notification {} was not accepted: {}", activity, receipt);
        }
        return messageId;
    }
}
