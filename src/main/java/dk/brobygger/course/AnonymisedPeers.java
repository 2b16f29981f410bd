package dk.brobygger.course;

import dk.brobygger.referral.VolunteerAnonymised;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A peer host chosen from the volunteer register whose own data module referral removed: the courses stop naming
 * them (the name becomes "Tidligere frivillig"), and each such course gets a new version, so a form open on it
 * answers a conflict rather than writing the old name back.
 */
@Component
class AnonymisedPeers {

    private final JdbcClient jdbc;

    AnonymisedPeers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(VolunteerAnonymised anonymised) {
        jdbc.sql("""
                UPDATE course SET peer_host = :shownAs, version = version + 1
                 WHERE id IN (SELECT course_id FROM course_peer_volunteer WHERE volunteer_id = :volunteer)
                   AND (peer_host IS NULL OR peer_host <> :shownAs)
                """).param("shownAs", anonymised.shownAs()).param("volunteer", anonymised.volunteer()).update();
    }
}
