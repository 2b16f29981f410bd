package dk.brobygger.citizen;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/** The tab bar ({@code tabs}) for the citizen module's own pages about one citizen ({@code /borgere/{id}/…}). */
@ControllerAdvice(assignableTypes = {CitizenPages.class, CitizenFormPages.class, NetworkPages.class,
        ConsentPages.class, RelationPages.class, CitizenTimelinePages.class})
class CitizenTabsModel {

    private final CitizenTabs tabs;

    CitizenTabsModel(CitizenTabs tabs) {
        this.tabs = tabs;
    }

    @ModelAttribute("tabs")
    List<CitizenContribution.Tab> tabs(@PathVariable(name = "id", required = false) @Nullable UUID id) {
        return id == null ? List.of() : tabs.of(new CitizenId(id));
    }
}
