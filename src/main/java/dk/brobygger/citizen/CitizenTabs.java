package dk.brobygger.citizen;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dk.brobygger.citizen.CitizenContribution.Tab;

import org.springframework.stereotype.Service;

/**
 * Fanerne: the one tab bar on every staff page about a citizen, the citizen module's own pages and the
 * tabs the modules contribute ({@link CitizenContribution#tab}), sorted by order. A page shows the tabs
 * with the fragment {@code citizen/fragments :: tabs(${tabs})}; its controller puts {@link #of} in the
 * model. Tabs are only links: each page checks need-to-know itself.
 */
@Service
public class CitizenTabs {

    private final List<CitizenContribution> contributions;

    CitizenTabs(List<CitizenContribution> contributions) {
        this.contributions = List.copyOf(contributions);
    }

    public List<Tab> of(CitizenId citizen) {
        String base = "/borgere/" + citizen.value();
        List<Tab> tabs = new ArrayList<>(List.of(
                new Tab("citizen.tab.overview", base, 0),
                new Tab("citizen.tab.edit", base + "/ret", 1),
                new Tab("citizen.tab.timeline", base + "/tidslinje", 5)));
        contributions.forEach(contribution -> contribution.tab(citizen).ifPresent(tabs::add));
        tabs.sort(Comparator.comparingInt(Tab::order).thenComparing(Tab::href));
        return List.copyOf(tabs);
    }
}
