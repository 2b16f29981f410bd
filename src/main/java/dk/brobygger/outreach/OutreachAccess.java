package dk.brobygger.outreach;

import java.util.Collection;
import java.util.List;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.RuleChosenList;
import dk.brobygger.citizen.RuleChosenLists;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who may see the outreach list and import register extracts: the citizen gate's one policy for lists
 * chosen by a rule ({@link RuleChosenList}), configured with the outreach teams
 * ({@code brobygger.outreach.teams}, default "Forebyggende hjemmebesøg" and "Fællesteam").
 */
@Component
class OutreachAccess {

    private final RuleChosenList list;

    OutreachAccess(RuleChosenLists lists,
            @Value("${brobygger.outreach.teams:forebyggende-hjemmebesoeg,faellesteam}") List<String> outreachTeams) {
        this.list = lists.of("the outreach list", outreachTeams);
    }

    boolean mayList(dk.brobygger.access.BrobyggerUser user) {
        return list.mayList(user);
    }

    void checkMayList(String purpose) {
        list.checkMayList(purpose);
    }

    void listed(String purpose) {
        list.listed(purpose);
    }

    void created(Collection<CitizenId> citizens, String purpose) {
        list.created(citizens, purpose);
    }
}
