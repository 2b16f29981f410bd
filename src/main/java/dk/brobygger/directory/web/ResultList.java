package dk.brobygger.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dk.brobygger.directory.OfferHit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The hits of a result page as HTML, rendered from {@code templates/directory/hit.html}. Drawing
 * twenty hits was most of the page's work, and a hit depends only on the offer as the index holds
 * it and the language: a hit is kept for exactly those inputs (the {@link OfferHit} without its
 * distance, which is put in afterwards), so a changed offer is a new key and the cache is correct on
 * every node by construction. At most {@code brobygger.search.hit-cache-size} hits of about 1.5 KB
 * are kept (default 20,000, about 30 MB), the least useful dropped first.
 */
@Component
class ResultList {

    /** Where the distance goes in a kept hit; a comment, so it can never be an offer's own text. */
    private static final String DISTANCE = "<!--brobygger:distance-->";

    private record Key(OfferHit hit, Locale locale) {
    }

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final ScheduleText schedules;
    private final Cache<Key, String> rendered;

    ResultList(ITemplateEngine templates, MessageSource messages, ScheduleText schedules,
            @Value("${brobygger.search.hit-cache-size:20000}") int capacity) {
        this.templates = templates;
        this.messages = messages;
        this.schedules = schedules;
        this.rendered = Caffeine.newBuilder().maximumSize(Math.max(0, capacity)).build();
    }

    String render(List<OfferHit> hits, Locale locale) {
        var html = new StringBuilder(hits.size() * 1600);
        for (OfferHit hit : hits) {
            String kept = rendered.get(new Key(withoutDistance(hit), locale), key -> draw(key.hit(), locale));
            if (hit.distanceKm() == null) {
                html.append(kept.replace(DISTANCE, ""));
            } else {
                String km = String.format(Locale.ROOT, "%.1f", hit.distanceKm()).replace('.', ',');
                html.append(kept.replace(DISTANCE, "<li>" + HtmlUtils.htmlEscape(
                        messages.getMessage("search.distance.value", new Object[] {km}, locale), "UTF-8") + "</li>"));
            }
        }
        return html.toString();
    }

    private String draw(OfferHit hit, Locale locale) {
        List<String> times = hit.schedules().stream().map(schedule -> schedules.of(schedule, locale)).toList();
        return templates.process("directory/hit", Set.of("hit"), new Context(locale, Map.of("hit", hit,
                "href", "/tilbud/" + hit.id(), "schedules", times, "distanceMarker", DISTANCE)));
    }

    private static OfferHit withoutDistance(OfferHit hit) {
        return hit.distanceKm() == null ? hit : new OfferHit(hit.id(), hit.name(), hit.organizationName(),
                hit.summary(), hit.district(), hit.address(), hit.postalCode(), hit.city(), hit.supportLevel(),
                hit.status(), hit.freeOfCharge(), hit.wheelchairAccess(), hit.transportOffered(), hit.accompaniment(),
                hit.schedules(), hit.assuredDate(), null);
    }
}
