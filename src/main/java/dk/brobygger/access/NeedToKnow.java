package dk.brobygger.access;

import java.util.Map;
import java.util.UUID;

/**
 * The need-to-know policy (DESIGN.md "Access to personal data"): who may see a citizen now. A user sees
 * a citizen only while the user or one of the user's teams holds an open {@linkplain Relations relation}
 * to the citizen (opened by the work: a visit, an outreach item, a course, a referral, a meeting, or an
 * explicit "tilknyt borger"), or for a limited time after {@linkplain BreakTheGlass breaking the glass}.
 * A relation with a narrower scope (a volunteer who may see only what was consented for one referral)
 * does not show the whole citizen: it counts only for {@link #maySee(BrobyggerUser, UUID, String)} with
 * that scope.
 */
public interface NeedToKnow {

    /** May this user see the citizen now? */
    boolean maySee(BrobyggerUser user, UUID citizenId);

    /** May this user see the part of the citizen named by {@code scope} (a whole-citizen relation covers every scope)? */
    boolean maySee(BrobyggerUser user, UUID citizenId, String scope);

    /**
     * The same policy as SQL, for lists and searches over many citizens: {@code sql} selects the ids of the citizens the
     * user may see now, to be used as {@code citizen_id IN (sql)}; its named parameters (all starting with
     * {@code ntk_}) are in {@code params}. A team may see more citizens than a list of ids could carry.
     */
    Subquery visibleTo(BrobyggerUser user);

    /** A piece of SQL with its named parameters. */
    record Subquery(String sql, Map<String, Object> params) {
    }
}
