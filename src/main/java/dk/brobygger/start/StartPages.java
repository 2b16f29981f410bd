package dk.brobygger.start;

import java.util.Comparator;
import java.util.List;

import dk.brobygger.access.Role;
import dk.brobygger.access.Users;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Startsiden: where staff and association editors land after logging in, one column of tiles on a phone, a grid
 * on a desk. A citizen's start is {@code /mig}.
 */
@Controller
class StartPages {

    private final Users users;
    private final ObjectProvider<StartTiles> contributions;

    StartPages(Users users, ObjectProvider<StartTiles> contributions) {
        this.users = users;
        this.contributions = contributions;
    }

    @GetMapping("/start")
    String start(Model model) {
        var user = users.currentOrFail();
        if (user.has(Role.CITIZEN) && !user.isStaff() && !user.has(Role.ASSOCIATION_EDITOR)) {
            return "redirect:/mig";
        }
        List<StartTile> tiles = contributions.orderedStream()
                .flatMap(contribution -> contribution.tiles(user).stream())
                .sorted(Comparator.comparingInt(StartTile::order).thenComparing(StartTile::id))
                .toList();
        model.addAttribute("tiles", tiles);
        return "start/start";
    }
}
