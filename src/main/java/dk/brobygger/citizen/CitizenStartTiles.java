package dk.brobygger.citizen;

import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tile of the citizens the user works with: how many, and the most recently related few by name. */
@Component
class CitizenStartTiles implements StartTiles {

    private final MyCitizens mine;

    CitizenStartTiles(MyCitizens mine) {
        this.mine = mine;
    }

    @Override
    @Transactional
    public List<StartTile> tiles(BrobyggerUser user) {
        if (!user.has(Role.STAFF)) {
            return List.of();
        }
        var page = mine.page(user, 1, StartTile.LINES, "Så borgeren på sin startside");
        var lines = page.citizens().stream().map(citizen -> new StartTile.Line(citizen.name(), citizen.address(),
                "/borgere/" + citizen.id().value(), null)).toList();
        return List.of(new StartTile("borgere", "start.citizens.title", "/borgere", "start.citizens.link",
                List.of(new StartTile.Figure("start.citizens.count", page.total(), "/borgere", false)), lines,
                "start.citizens.none", 40));
    }
}
