package dk.brobygger.citizen;

import dk.brobygger.access.Relations;
import dk.brobygger.shared.WorkRef;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo data only: work a team has with a citizen (a referral the demo made), for other modules' demo data. The
 * citizen module opens and ends need-to-know relations ({@link CitizenWork}); other modules' demo writers ask here
 * instead of opening them, as staff would in production by starting the work.
 */
@Component
@Profile("demo-data & !postgres")
public class DemoWork {

    private final Relations relations;

    DemoWork(Relations relations) {
        this.relations = relations;
    }

    /** The team works with the citizen on {@code work} (no audit: demo data is nobody's access). */
    public void startForTeam(CitizenId citizen, String team, WorkRef work, String purpose) {
        relations.open(citizen.value(), Relations.Holder.team(team), work, null, purpose, "demo");
    }
}
