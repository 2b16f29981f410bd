package dk.brobygger.citizen;

import java.util.List;

import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;

import org.springframework.stereotype.Component;

/** Makes the one policy for lists chosen by a rule ({@link RuleChosenList}) for a module's list and teams. */
@Component
public class RuleChosenLists {

    private final Teams teams;
    private final Users users;
    private final CitizenAudit audit;

    RuleChosenLists(Teams teams, Users users, CitizenAudit audit) {
        this.teams = teams;
        this.users = users;
        this.audit = audit;
    }

    /**
     * @param name what the list is, for messages and logs ("the home visitors' due list")
     * @param teams the teams whose current staff members may see it (managers always may)
     */
    public RuleChosenList of(String name, List<String> teams) {
        return new RuleChosenList(name, teams, this.teams, users, audit);
    }
}
