package dk.brobygger.citizen;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Test data for citizens: {@link #reset()} leaves no citizens and the districts ØST and VEST. */
@Component
public class TestCitizens {

    private final JdbcClient jdbc;

    TestCitizens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void reset() {
        jdbc.sql("DELETE FROM consent").update();
        jdbc.sql("DELETE FROM network_member").update();
        jdbc.sql("DELETE FROM hospital_event").update();
        jdbc.sql("DELETE FROM citizen").update();
        for (String district : List.of("ØST", "VEST")) {
            if (jdbc.sql("SELECT COUNT(*) FROM district WHERE code = :code").param("code", district)
                    .query(Long.class).single() == 0) {
                jdbc.sql("INSERT INTO district (code, name) VALUES (:code, :code)").param("code", district).update();
            }
        }
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM citizen").query(Long.class).single();
    }
}
