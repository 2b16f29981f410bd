package dk.brobygger.homevisit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import dk.brobygger.citizen.TestCitizens;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test data for home visits and outreach: citizens with a chosen birth date and living situation
 * (written straight to the table, with a valid CPR number for the date), home care, outreach items.
 */
@Component
public class TestHomeVisits {

    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    private final JdbcClient jdbc;
    private final TestCitizens citizens;

    TestHomeVisits(JdbcClient jdbc, TestCitizens citizens) {
        this.jdbc = jdbc;
        this.citizens = citizens;
    }

    /** No citizens, no events, items, offers or tasks, and the shipped rules in force. */
    public void reset() {
        listChanged();
        jdbc.sql("DELETE FROM homevisit_worklist_line").update();
        jdbc.sql("DELETE FROM followup_task").update();
        jdbc.sql("DELETE FROM outreach_item").update();
        jdbc.sql("DELETE FROM life_event").update();
        jdbc.sql("DELETE FROM outreach_partner").update();
        jdbc.sql("DELETE FROM homevisit_offer").update();
        jdbc.sql("DELETE FROM homevisit_home_care").update();
        jdbc.sql("DELETE FROM homevisit_policy WHERE changed_by <> 'system'").update();
        jdbc.sql("DELETE FROM outreach_rule WHERE changed_by <> 'system'").update();
        jdbc.sql("UPDATE outreach_rule SET superseded_at = NULL").update();
        citizens.reset();
    }

    /** A citizen born on the day, living as given (null: not known), in the district. */
    public UUID citizen(String name, LocalDate born, @Nullable String livingSituation, String district) {
        return citizen(name, born, livingSituation, district, "FEMALE");
    }

    public UUID citizen(String name, LocalDate born, @Nullable String livingSituation, String district, String sex) {
        UUID id = UUID.randomUUID();
        int serial = SERIAL.incrementAndGet() % 1000;
        int last = (serial / 100 % 5) * 2 + (sex.equals("MALE") ? 1 : 0);
        // 7th digit 0 gives the 1900s; 4 gives 2000-2036 (DOMAIN.md §10).
        String cpr = "%02d%02d%02d%s%02d%d".formatted(born.getDayOfMonth(), born.getMonthValue(), born.getYear() % 100,
                born.getYear() < 2000 ? "0" : "4", serial % 100, last);
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO citizen (id, cpr, birth_date, sex, name, address, postcode, district, living_situation,
                                     needs_interpreter, version, created_at, created_by, updated_at, updated_by)
                VALUES (:id, :cpr, :born, :sex, :name, 'Testvej 1', '7100', :district, :living, FALSE, 0, :now, 'test',
                        :now, 'test')
                """).param("id", id).param("cpr", cpr).param("born", born).param("sex", sex).param("name", name)
                .param("district", district).param("living", livingSituation).param("now", Timestamp.from(now))
                .update();
        listChanged();
        return id;
    }

    /** The citizen receives the home-care service from the day, until the day or still. */
    public void homeCare(UUID citizen, String service, LocalDate from, @Nullable LocalDate to) {
        jdbc.sql("""
                INSERT INTO homevisit_home_care (id, citizen_id, service, from_date, to_date, recorded_by, recorded_at)
                VALUES (:id, :citizen, :service, :from, :to, 'test', :now)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("service", service)
                .param("from", from).param("to", to).param("now", Timestamp.from(Instant.now())).update();
        listChanged();
    }

    /** An open outreach item for the citizen (e.g. at risk after losing a spouse). */
    public UUID openOutreachItem(UUID citizen, String reason, LocalDate date) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO outreach_item (id, citizen_id, reason, rule_id, reason_date, status, created_at)
                VALUES (:id, :citizen, :reason,
                        (SELECT MAX(id) FROM outreach_rule WHERE reason = :reason), :date, 'OPEN', :now)
                """).param("id", id).param("citizen", citizen).param("reason", reason).param("date", date)
                .param("now", Timestamp.from(Instant.now())).update();
        listChanged();
        return id;
    }

    /**
     * Data written here bypass the services that keep the worklist's table: the table is emptied, so that the
     * next worklist page makes it anew, as the nightly evaluation would.
     */
    public void listChanged() {
        jdbc.sql("DELETE FROM homevisit_worklist_citizen").update();
        jdbc.sql("DELETE FROM homevisit_worklist_refresh").update();
        jdbc.sql("DELETE FROM homevisit_worklist_count").update();
    }

    public void relate(UUID citizen, String username) {
        jdbc.sql("""
                INSERT INTO citizen_relation (citizen_id, username, reason, created_by, created_at)
                VALUES (:citizen, :username, 'Test', 'test', :now)
                """).param("citizen", citizen).param("username", username).param("now", Timestamp.from(Instant.now()))
                .update();
    }
}
