package dk.brobygger.citizen;

import java.time.format.DateTimeFormatter;
import java.util.List;

import dk.brobygger.access.BreakTheGlass;
import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.People;
import dk.brobygger.access.Role;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.springframework.stereotype.Component;

/**
 * The managers' tile, kept where breaking the glass is used: break-the-glass events waiting for review, the oldest
 * first, named by who broke the glass and when (the reasons are on the review page, not on the start page).
 */
@Component
class GlassReviewTiles implements StartTiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final BreakTheGlass glass;
    private final People people;

    GlassReviewTiles(BreakTheGlass glass, People people) {
        this.glass = glass;
        this.people = people;
    }

    @Override
    public List<StartTile> tiles(BrobyggerUser user) {
        if (!user.has(Role.MANAGER)) {
            return List.of();
        }
        var waiting = glass.waiting(StartTile.LINES);
        var lines = waiting.oldest().stream()
                .map(event -> new StartTile.Line(people.name(event.username()),
                        DAY.format(event.grantedAt().atZone(DanishTime.ZONE)), "/leder/bryd-glasset", null))
                .toList();
        return List.of(new StartTile("brudt-glas", "start.glass.title", "/leder/bryd-glasset", "start.glass.link",
                List.of(new StartTile.Figure("start.glass.count", waiting.count(), "/leder/bryd-glasset",
                        waiting.count() > 0)),
                lines, "start.glass.none", 60));
    }
}
