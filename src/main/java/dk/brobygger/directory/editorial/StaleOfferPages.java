package dk.brobygger.directory.editorial;

import java.util.List;

import dk.brobygger.access.Users;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Offers not confirmed for a long time: all for municipal editors, the own for association editors. */
@Controller
class StaleOfferPages {

    static final int PAGE_SIZE = 20;

    private final StaleOffers staleOffers;
    private final Users users;

    StaleOfferPages(StaleOffers staleOffers, Users users) {
        this.staleOffers = staleOffers;
        this.users = users;
    }

    @GetMapping("/redaktion/ikke-bekraeftet")
    String list(@RequestParam(name = "sorter", defaultValue = "dato") String sort,
            @RequestParam(name = "side", defaultValue = "1") int page, Model model) {
        var user = users.currentOrFail();
        var order = "navn".equals(sort) ? StaleOffers.Order.NAME : StaleOffers.Order.DATE;
        var organization = user.isMunicipalEditor() ? null : user.organizationId();
        boolean noOrganization = !user.isMunicipalEditor() && organization == null;
        if (noOrganization) {
            model.addAttribute("noOrganization", true);
        }
        var result = noOrganization
                ? new StaleOffers.Page(List.of(), 0, 1, PAGE_SIZE)
                : staleOffers.page(organization, order, Math.max(1, page), PAGE_SIZE);
        model.addAttribute("result", result);
        model.addAttribute("sort", order == StaleOffers.Order.NAME ? "navn" : "dato");
        model.addAttribute("cutoff", staleOffers.cutoffToday());
        return "directory/editorial/stale";
    }
}
