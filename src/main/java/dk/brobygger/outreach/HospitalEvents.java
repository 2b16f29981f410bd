package dk.brobygger.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenKeys;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.hospital.HospitalEventCancelled;
import dk.brobygger.hospital.HospitalEventCode;
import dk.brobygger.hospital.HospitalEventRecorded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Hospital notifications as life events (DOMAIN.md §2, §7): a discharge home (SLHJ) becomes
 * "udskrevet fra sygehus" for the patient, a death (MORS) becomes "mistet ægtefælle" for each living
 * partner; the rules then decide who goes on the list (by default: 65+ and living alone for a
 * discharge, 65+ for a lost spouse). A cancelled hospital event withdraws what it caused. Handling the
 * same hospital event twice changes nothing the second time.
 */
@Component
class HospitalEvents {

    private static final Logger log = LoggerFactory.getLogger(HospitalEvents.class);
    static final String SYSTEM = dk.brobygger.citizen.CitizenWork.SYSTEM;

    private final LifeEvents lifeEvents;
    private final Partners partners;
    private final OutreachItems items;
    private final CitizenKeys register;
    private final CitizenRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;

    HospitalEvents(LifeEvents lifeEvents, Partners partners, OutreachItems items, CitizenKeys register,
            CitizenRecords records, JdbcClient jdbc, Clock clock) {
        this.records = records;
        this.lifeEvents = lifeEvents;
        this.partners = partners;
        this.items = items;
        this.register = register;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(HospitalEventRecorded event) {
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), clock.getZone());
        if (event.code() == HospitalEventCode.SLHJ) {
            record(event.citizen().value(), RiskReason.DISCHARGED_FROM_HOSPITAL, day, event.eventId(),
                    "Sygehus (MedCom SLHJ)");
        } else if (event.code() == HospitalEventCode.MORS) {
            for (UUID partner : partners.partnersOf(event.citizen().value())) {
                record(partner, RiskReason.LOST_SPOUSE, day, event.eventId(), "Sygehus (MedCom MORS for ægtefælle)");
            }
        }
    }

    @ApplicationModuleListener
    void on(HospitalEventCancelled event) {
        items.withdrawHospitalEvent(event.eventId());
    }

    private void record(UUID citizen, RiskReason type, LocalDate day, UUID hospitalEvent, String source) {
        // Listeners may run side by side: the citizen's row lock makes the second delivery of the same
        // event wait for the first and then find it (the unique constraint is the last guard).
        register.lock(new CitizenId(citizen));
        boolean seen = jdbc.sql("""
                SELECT COUNT(*) FROM life_event WHERE hospital_event_id = :event AND citizen_id = :citizen
                """).param("event", hospitalEvent).param("citizen", citizen).query(Long.class).single() > 0;
        if (seen) {
            return;
        }
        records.changeBySystem(new CitizenId(citizen), AuditAction.CREATE,
                "En sygehusadvis blev til en livsbegivenhed i opsporingen (" + source + ")");
        var checked = new LifeEvents.Checked(type, day, source);
        UUID id = lifeEvents.insert(citizen, checked, LifeEvent.ArrivedVia.HOSPITAL, hospitalEvent, SYSTEM);
        var recorded = lifeEvents.recorded(id, type);
        log.info("Hospital event {} recorded as {}{}", hospitalEvent, type,
                recorded.item() == null ? "" : ", outreach item " + recorded.item());
    }
}
