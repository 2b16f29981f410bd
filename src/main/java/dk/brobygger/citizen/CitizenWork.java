package dk.brobygger.citizen;

import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Relations;
import dk.brobygger.access.Role;
import dk.brobygger.access.Teams;
import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.shared.NotFoundException;
import dk.brobygger.shared.WorkRef;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work opens access: starting work with a citizen (a worklist line taken, later a referral, a course, a
 * meeting, an acute stay) opens the need-to-know relation of the team or person doing it, named by the
 * work; ending the work ends exactly that relation. Both are audited on the citizen, also when the system
 * ends the work (a listener, a scheduled job: the audit record then names the user {@value #SYSTEM}).
 *
 * <p>The calling module vouches that the work is the team's task (the citizen is on its list, the referral
 * names the offer); this checks that the user is staff in that team or a manager planning its work.
 */
@Service
public class CitizenWork {

    /** The user name audit records carry when the system, not a person, ends work. */
    public static final String SYSTEM = dk.brobygger.access.People.SYSTEM;

    private final Relations relations;
    private final Citizens citizens;
    private final Teams teams;
    private final Users users;
    private final CitizenAudit audit;

    CitizenWork(Relations relations, Citizens citizens, Teams teams, Users users, CitizenAudit audit) {
        this.relations = relations;
        this.citizens = citizens;
        this.teams = teams;
        this.users = users;
        this.audit = audit;
    }

    /**
     * Work starts in a team: every current member sees the citizen while the work lasts.
     *
     * @param purpose plain Danish for the citizen's "who has seen my data", e.g. "Forebyggende hjemmebesøg 2026"
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Relations.Relation startForTeam(CitizenId citizen, String team, WorkRef work, String purpose) {
        var user = staffOrManager();
        if (!user.has(Role.MANAGER) && !teams.of(user.username()).contains(team)) {
            audit.refused(citizen.value(), AuditAction.UPDATE, purpose + " (teamet " + team + ")");
            throw new AccessDeniedException("Work is taken on only for one's own team");
        }
        citizens.find(citizen).orElseThrow(() -> new NotFoundException("citizen"));
        var relation = relations.open(citizen.value(), Relations.Holder.team(team), work, null, purpose,
                user.username());
        audit.granted(citizen.value(), AuditAction.UPDATE, purpose + " (teamet " + team + " tilknyttet)");
        return relation;
    }

    /**
     * Work another system sends the municipality starts in the team that owns such work (a referral from a GP
     * system or the region, received at {@code /fhir}): every current member sees the citizen while it lasts. Only
     * a system ({@link Role#SYSTEM}) starts work this way; the calling module vouches that the team owns it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Relations.Relation startForTeamFromSystem(CitizenId citizen, String team, WorkRef work, String purpose) {
        var user = users.current().filter(u -> u.has(Role.SYSTEM)).orElseThrow(
                () -> new AccessDeniedException("Only systems start work sent from other systems"));
        citizens.find(citizen).orElseThrow(() -> new NotFoundException("citizen"));
        var relation = relations.open(citizen.value(), Relations.Holder.team(team), work, null, purpose,
                user.username());
        audit.granted(citizen.value(), AuditAction.UPDATE, purpose + " (teamet " + team + " tilknyttet)");
        return relation;
    }

    /**
     * Work starts for one person, e.g. a volunteer on a referral. With a {@code scope} the person sees only
     * that part of the citizen (see {@link dk.brobygger.access.NeedToKnow#maySee(BrobyggerUser, java.util.UUID, String)}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Relations.Relation startForPerson(CitizenId citizen, String username, WorkRef work, @Nullable String scope,
            String purpose) {
        var user = staffOrManager();
        citizens.find(citizen).orElseThrow(() -> new NotFoundException("citizen"));
        var relation = relations.open(citizen.value(), Relations.Holder.user(username), work, scope, purpose,
                user.username());
        audit.granted(citizen.value(), AuditAction.UPDATE, purpose + " (" + username + " tilknyttet)");
        return relation;
    }

    /**
     * The work is done (or was withdrawn): every relation it opened ends, each audited, by the current user,
     * or by {@value #SYSTEM} when no one is logged in. Ending work that has no open relation does nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Relations.Relation> end(WorkRef work, String purpose) {
        String by = users.current().map(BrobyggerUser::username).orElse(SYSTEM);
        var ended = relations.endWork(work, by);
        ended.forEach(relation -> audit.grantedOrSystem(relation.citizenId(), AuditAction.UPDATE,
                purpose + " (" + (relation.team() != null ? "teamet " + relation.team() : relation.username())
                        + "s tilknytning afsluttet)"));
        return ended;
    }

    /** The relations the work holds open now. */
    @Transactional(readOnly = true)
    public List<Relations.Relation> openFor(WorkRef work) {
        return relations.ofWork(work);
    }

    private BrobyggerUser staffOrManager() {
        return users.current().filter(u -> u.has(Role.STAFF) || u.has(Role.MANAGER))
                .orElseThrow(() -> new AccessDeniedException("Only staff take on work with citizens"));
    }
}
