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
 * Demo home care on the embedded default: among the oldest citizens, every third receives both personal
 * care and practical help (and so is exempt from §79a visits), every third practical help only.
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
        for (int i = 0; i < oldest.size(); i++) {
            LocalDate from = today.minusMonths(6L + i);
            if (i % 3 == 0) {
                care(oldest.get(i), "PERSONAL_CARE", from);
                care(oldest.get(i), "PRACTICAL_HELP", from);
            } else if (i % 3 == 1) {
                care(oldest.get(i), "PRACTICAL_HELP", from);
            }
        }
    }

    private void care(UUID citizen, String service, LocalDate from) {
        jdbc.sql("""
                INSERT INTO homevisit_home_care (id, citizen_id, service, from_date, recorded_by, recorded_at)
                VALUES (:id, :citizen, :service, :from, 'demo', :at)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("service", service)
                .param("from", from).param("at", Timestamp.from(clock.instant())).update();
    }
}
