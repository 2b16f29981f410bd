package dk.brobygger.homevisit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo home care on the embedded default. Everyone living in a nursing home receives both personal
 * care and practical help there, as residents do, so the §83 exemption takes them off the due list
 * like any other citizen with both. Among the oldest living at home, every third receives both, every
 * third practical help only.
 */
@Component
@Profile("demo-data & !postgres")
@Order(31)
class DemoHomeCare implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Clock clock;

    DemoHomeCare(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM homevisit_home_care").query(Long.class).single() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        var oldest = jdbc.sql("""
                SELECT id FROM citizen_register_view WHERE birth_date <= :born AND living_situation <> 'CARE_HOME'
                 ORDER BY birth_date, id FETCH FIRST 30 ROWS ONLY
                """).param("born", today.minusYears(82)).query(UUID.class).list();
        var residents = jdbc.sql("""
                SELECT id, birth_date FROM citizen_register_view WHERE living_situation = 'CARE_HOME' ORDER BY id
                """).query((rs, n) -> new Object[] {rs.getObject("id", UUID.class), rs.getObject("birth_date", LocalDate.class)})
                .list();
        for (Object[] resident : residents) {
            // Since moving in: a year or more ago, and not before they turned 65.
            LocalDate movedIn = later(today.minusYears(1 + Math.floorMod(resident[0].hashCode(), 4)),
                    ((LocalDate) resident[1]).plusYears(65));
            care((UUID) resident[0], "PERSONAL_CARE", movedIn);
            care((UUID) resident[0], "PRACTICAL_HELP", movedIn);
        }
        for (int i = 0; i < oldest.size(); i++) {
            LocalDate from = today.minusMonths(6L + i);
            if (i % 3 == 0) {
                care(oldest.get(i), "PERSONAL_CARE", from);
                care(oldest.get(i), "PRACTICAL_HELP", from);
            } else if (i % 3 == 1) {
                care(oldest.get(i), "PRACTICAL_HELP", from);
            }
        }
        // Written past the service that keeps the worklist's table: its next page makes it anew.
        jdbc.sql("DELETE FROM homevisit_worklist_citizen").update();
        jdbc.sql("DELETE FROM homevisit_worklist_refresh").update();
        jdbc.sql("DELETE FROM homevisit_worklist_count").update();
    }

    private static LocalDate later(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    private void care(UUID citizen, String service, LocalDate from) {
        jdbc.sql("""
                INSERT INTO homevisit_home_care (id, citizen_id, service, from_date, recorded_by, recorded_at)
                VALUES (:id, :citizen, :service, :from, 'demo', :at)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("service", service)
                .param("from", from).param("at", Timestamp.from(clock.instant())).update();
    }
}
