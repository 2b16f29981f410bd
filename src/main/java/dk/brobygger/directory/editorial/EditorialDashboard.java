package dk.brobygger.directory.editorial;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import dk.brobygger.access.Users;
import dk.brobygger.directory.offer.Offer;
import dk.brobygger.directory.offer.Offers;
import dk.brobygger.directory.offer.Organizations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Redaktion: where editors start. An association editor sees the own organisation, its offers
 * with their last confirmation, proposals and reminders; a municipal editor sees what waits.
 */
@Controller
class EditorialDashboard {

    /** An offer on the association editor's dashboard. */
    public record OfferRow(Offer offer, boolean stale) {
    }

    private final Users users;
    private final Organizations organizations;
    private final Offers offers;
    private final ChangeRequests requests;
    private final StaleOffers staleOffers;
    private final StaleOfferReminders reminders;
    private final Clock clock;

    EditorialDashboard(Users users, Organizations organizations, Offers offers, ChangeRequests requests,
            StaleOffers staleOffers, StaleOfferReminders reminders, Clock clock) {
        this.users = users;
        this.organizations = organizations;
        this.offers = offers;
        this.requests = requests;
        this.staleOffers = staleOffers;
        this.reminders = reminders;
        this.clock = clock;
    }

    @GetMapping("/redaktion")
    String dashboard(Model model) {
        var user = users.currentOrFail();
        model.addAttribute("municipal", user.isMunicipalEditor());
        if (user.isMunicipalEditor()) {
            model.addAttribute("pendingCount", requests.countByStatus(ChangeRequest.Status.PENDING));
            model.addAttribute("staleCount", staleOffers.page(null, StaleOffers.Order.DATE, 1, 1).total());
            model.addAttribute("organizationCount", organizations.count());
            model.addAttribute("offerCount", offers.count());
            return "directory/editorial/dashboard";
        }
        var organizationId = user.organizationId();
        if (organizationId == null) {
            return "directory/editorial/dashboard";
        }
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("organization", organizations.findById(organizationId).orElseThrow());
        List<OfferRow> rows = offers.findByOrganizationIdOrderByName(organizationId).stream()
                .map(offer -> new OfferRow(offer, offer.isStale(today, staleOffers.staleAfter())))
                .toList();
        model.addAttribute("offers", rows);
        var own = requests.findByOrganizationIdOrderBySubmittedAtDesc(organizationId);
        model.addAttribute("pending", own.stream().filter(ChangeRequest::isPending).toList());
        model.addAttribute("decided", own.stream().filter(r -> !r.isPending()).limit(10).toList());
        model.addAttribute("reminders", reminders.of(user.username(), 20));
        return "directory/editorial/dashboard";
    }
}
