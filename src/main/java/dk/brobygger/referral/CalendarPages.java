package dk.brobygger.referral;

import java.time.Clock;

import dk.brobygger.access.Users;
import dk.brobygger.shared.NotFoundException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Kalender: a person's calendar feed of first visits with accompaniment. The page {@code /kalender} (staff and
 * volunteers) makes, renews or revokes the person's secret link and shows a new link once; the feed itself,
 * {@code /kalender/{token}.ics}, is read by calendar programs without a login, so the secret is the only key and
 * an unknown or revoked one is simply not found; one address fetching too often gets 429 ({@link CalendarFetches}).
 */
@Controller
class CalendarPages {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final CalendarLinks links;
    private final CalendarFeed feed;
    private final Users users;
    private final CalendarFetches fetches;
    private final Clock clock;

    CalendarPages(CalendarLinks links, CalendarFeed feed, Users users, CalendarFetches fetches, Clock clock) {
        this.fetches = fetches;
        this.links = links;
        this.feed = feed;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/kalender")
    String page(Model model) {
        var user = users.currentOrFail();
        model.addAttribute("createdAt", links.createdAt(user.username()).orElse(null));
        return "referral/calendar";
    }

    @PostMapping("/kalender/forny")
    String renew(RedirectAttributes redirect) {
        String token = links.renew(users.currentOrFail().username());
        redirect.addFlashAttribute("link", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/kalender/{token}.ics").buildAndExpand(token).toUriString());
        redirect.addFlashAttribute("success", "calendar.renewed");
        return "redirect:/kalender";
    }

    @PostMapping("/kalender/tilbagekald")
    String revoke(RedirectAttributes redirect) {
        links.revoke(users.currentOrFail().username());
        redirect.addFlashAttribute("success", "calendar.revoked");
        return "redirect:/kalender";
    }

    @GetMapping("/kalender/{token}.ics")
    ResponseEntity<String> feed(@PathVariable String token, HttpServletRequest request) {
        if (!fetches.allow(request.getRemoteAddr())) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60")
                    .contentType(MediaType.TEXT_PLAIN).body("For mange hentninger. Prøv igen om et minut.");
        }
        var owner = links.owner(token).orElseThrow(() -> new NotFoundException("calendar"));
        return ResponseEntity.ok().contentType(CALENDAR).cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex").body(feed.of(owner, clock.instant()));
    }
}
