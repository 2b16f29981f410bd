package dk.brobygger.citizen;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;

import org.springframework.security.access.AccessDeniedException;

/**
 * Liste udvalgt ved en regel: who may see a list of citizens chosen by a rule (the citizens due a §79a
 * visit, the outreach list), not by a relation to each citizen. Such a list is personal data, so it is
 * limited to those whose task it is: current members of the configured teams (in the role of staff) and
 * managers, who plan the work. Every listing is audited ({@link AuditAction#LIST}) with the user's team,
 * every refusal too. A module configures one with its teams through {@link RuleChosenLists#of}.
 *
 * <p>What someone does with one citizen from the list (a visit offered, an item closed) passes the
 * citizen's need-to-know through {@link CitizenRecords} like every other record.
 */
public final class RuleChosenList {

    private final String name;
    private final List<String> teams;
    private final Teams memberships;
    private final Users users;
    private final CitizenAudit audit;

    RuleChosenList(String name, List<String> teams, Teams memberships, Users users, CitizenAudit audit) {
        this.name = name;
        this.teams = List.copyOf(teams);
        this.memberships = memberships;
        this.users = users;
        this.audit = audit;
    }

    /** May the user see the list? */
    public boolean mayList(BrobyggerUser user) {
        return user.has(Role.MANAGER) || team(user).isPresent();
    }

    /** The current user, if they may see the list; a refusal is audited before it is thrown. */
    public BrobyggerUser checkMayList(String purpose) {
        var user = users.currentOrFail();
        if (!mayList(user)) {
            audit.refusedForTeam(null, null, AuditAction.LIST, purpose);
            throw new AccessDeniedException("Only the teams of " + name + " and managers see it");
        }
        return user;
    }

    /** The configured team the user works in as staff, which takes on the work. */
    public Optional<String> team(BrobyggerUser user) {
        return user.has(Role.STAFF) ? team(user.username()) : Optional.empty();
    }

    /** The configured team a user is in, by name (whom work may be given to). */
    public Optional<String> team(String username) {
        var own = memberships.of(username);
        return teams.stream().filter(own::contains).findFirst();
    }

    /** Current members of the configured teams: whom work from the list may be assigned to. */
    public List<String> members() {
        return teams.stream().flatMap(team -> memberships.history(team).stream())
                .filter(Teams.Membership::isActive).map(Teams.Membership::username).distinct().sorted().toList();
    }

    /** One audit record for a listing, with the user's team, in the caller's transaction. */
    public void listed(String purpose) {
        audit.grantedForTeam(currentTeam(), List.of(), AuditAction.LIST, purpose);
    }

    /**
     * Work on a citizen of the list that the rule, not a relation, allows (a line handed to a colleague):
     * audited on the citizen with the user's team.
     */
    public void changed(CitizenId citizen, String purpose) {
        audit.grantedForTeam(currentTeam(), List.of(citizen), AuditAction.UPDATE, purpose);
    }

    /** Records about several citizens created from the list's rule (a register extract): one append. */
    public void created(Collection<CitizenId> citizens, String purpose) {
        if (!citizens.isEmpty()) {
            audit.grantedForTeam(currentTeam(), citizens, AuditAction.CREATE, purpose);
        }
    }

    private String currentTeam() {
        return team(users.currentOrFail()).orElse(null);
    }

    @Override
    public String toString() {
        return "RuleChosenList[" + name + ", teams " + teams + "]";
    }
}
