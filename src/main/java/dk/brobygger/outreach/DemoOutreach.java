package dk.brobygger.outreach;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo outreach on the embedded default, after the demo citizens: a few couples linked as partners,
 * a handful of recent life events from "Demodata", then one evaluation so the worklist has items.
 */
@Component
@Profile("demo-data & !postgres")
@Order(30)
class DemoOutreach implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);

    private final JdbcClient jdbc;
    private final OutreachEvaluation evaluation;
    private final Clock clock;

    DemoOutreach(JdbcClient jdbc, OutreachEvaluation evaluation, Clock clock) {
        this.jdbc = jdbc;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM life_event").query(Long.class).single() > 0
                || jdbc.sql("SELECT COUNT(*) FROM citizen_register_view").query(Long.class).single() == 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        linkCouples(today);
        var old = jdbc.sql("""
                SELECT id FROM citizen_register_view WHERE birth_date <= :born ORDER BY name, id FETCH FIRST 40 ROWS ONLY
                """).param("born", today.minusYears(66)).query(UUID.class).list();
        var events = List.of(RiskReason.LOST_SPOUSE, RiskReason.DISCHARGED_FROM_HOSPITAL, RiskReason.LEFT_LABOUR_MARKET,
                RiskReason.MOVED_TO_NEW_AREA, RiskReason.FINISHED_REHABILITATION, RiskReason.SPOUSE_SERIOUSLY_ILL);
        for (int i = 0; i < Math.min(12, old.size()); i++) {
            jdbc.sql("""
                    INSERT INTO life_event (id, citizen_id, type, occurred_on, source, arrived_via, recorded_by, recorded_at)
                    VALUES (:id, :citizen, :type, :day, 'Demodata', 'STAFF', 'demo', :at)
                    """).param("id", UUID.randomUUID()).param("citizen", old.get(i * 3 % old.size()))
                    .param("type", events.get(i % events.size()).name()).param("day", today.minusDays(3L + i * 5L))
                    .param("at", Timestamp.from(clock.instant())).update();
        }
        log.info("Demo outreach: {} new outreach items", evaluation.evaluateAll());
    }

    /** Pairs of citizens 65+ living with a partner in the same district, a man and a woman. */
    private void linkCouples(LocalDate today) {
        for (String district : List.of("ØST", "VEST")) {
            var men = partnered(district, "MALE", today);
            var women = partnered(district, "FEMALE", today);
            for (int i = 0; i < Math.min(5, Math.min(men.size(), women.size())); i++) {
                jdbc.sql("""
                        INSERT INTO outreach_partner (id, citizen_id, partner_id, recorded_by, recorded_at)
                        VALUES (:id, :a, :b, 'demo', :at)
                        """).param("id", UUID.randomUUID()).param("a", men.get(i)).param("b", women.get(i))
                        .param("at", Timestamp.from(clock.instant())).update();
            }
        }
    }

    private List<UUID> partnered(String district, String sex, LocalDate today) {
        return jdbc.sql("""
                SELECT id FROM citizen_register_view WHERE district = :district AND sex = :sex AND living_situation = 'WITH_PARTNER'
                   AND birth_date <= :born ORDER BY birth_date, id FETCH FIRST 5 ROWS ONLY
                """).param("district", district).param("sex", sex).param("born", today.minusYears(65))
                .query(UUID.class).list();
    }
}
