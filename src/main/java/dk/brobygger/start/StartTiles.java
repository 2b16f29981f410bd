package dk.brobygger.start;

import java.util.List;

import dk.brobygger.access.BrobyggerUser;

/**
 * The start page as an extension point: each module that has something waiting for a user contributes one bean
 * with its tiles (homevisit today's visits, followup the calls due, outreach new items, citizen "my citizens",
 * directory moderation and stale offers; referrals and courses add theirs the same way).
 *
 * <p>A tile is read on every visit to the start page, so it must be cheap: counts and a few rows, paged in the
 * database on an index, never a whole list loaded into memory. A module returns no tiles for a user whose roles
 * or teams give them nothing to do there; citizen names pass the citizen gate as everywhere else.
 */
public interface StartTiles {

    /** The user's tiles from this module, none if the module has nothing for this user. */
    List<StartTile> tiles(BrobyggerUser user);
}
