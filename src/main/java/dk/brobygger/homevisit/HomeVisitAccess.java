package dk.brobygger.homevisit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.RuleChosenList;
import dk.brobygger.citizen.RuleChosenLists;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may see the due list and the worklist: the citizen gate's one policy for lists chosen by a rule
 * ({@link RuleChosenList}), configured with the home visitors' team(s) ({@code brobygger.homevisit.teams},
 * default "Forebyggende hjemmebesøg"). Administrators change the rules and see counts only.
 */
@Component
class HomeVisitAccess {

    private final RuleChosenList list;

    HomeVisitAccess(RuleChosenLists lists,
            @Value("${brobygger.homevisit.teams:forebyggende-hjemmebesoeg}") List<String> visitorTeams) {
        this.list = lists.of("the home visitors' due list and worklist", visitorTeams);
    }

    boolean mayList(BrobyggerUser user) {
        return list.mayList(user);
    }

    BrobyggerUser checkMayList(String purpose) {
        return list.checkMayList(purpose);
    }

    Optional<String> visitorTeam(BrobyggerUser user) {
        return list.team(user);
    }

    Optional<String> visitorTeam(String username) {
        return list.team(username);
    }

    List<String> visitors() {
        return list.members();
    }

    void listed(String purpose) {
        list.listed(purpose);
    }

    /** A worklist line handed on: the list's rule allows it, audited on the citizen. */
    void changed(UUID citizen, String purpose) {
        list.changed(new CitizenId(citizen), purpose);
    }
}
