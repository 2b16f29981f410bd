package dk.brobygger.directory.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Period;
import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferAnswers;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.offer.Locations;
import dk.brobygger.directory.offer.OfferHistory;
import dk.brobygger.directory.offer.Offers;
import dk.brobygger.directory.offer.Organizations;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.offer.WebAddress;
import dk.brobygger.shared.NotFoundException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/** The public community portal: search and offer pages, no login needed. */
@Controller
class DirectoryPages {

    private final OfferSearch search;
    private final Offers offers;
    private final Organizations organizations;
    private final Locations locations;
    private final Taxonomy taxonomy;
    private final OfferHistory history;
    private final Users users;
    private final SearchFilters filters;
    private final FacetPanel facetPanel;
    private final ResultList resultList;
    private final Clock clock;
    private final int pageSize;
    private final Period staleAfter;
    private final ObjectProvider<OfferAnswers> answers;
    private final SearchPageCache pages;
    private final ThymeleafViewResolver views;

    DirectoryPages(OfferSearch search, Offers offers, Organizations organizations, Locations locations,
            Taxonomy taxonomy, OfferHistory history, Users users, SearchFilters filters, FacetPanel facetPanel,
            ResultList resultList, Clock clock,
            @Value("${brobygger.search.page-size:20}") int pageSize,
            @Value("${brobygger.directory.stale-after:P6M}") Period staleAfter, ObjectProvider<OfferAnswers> answers,
            SearchPageCache pages, ThymeleafViewResolver views) {
        this.pages = pages;
        this.views = views;
        this.answers = answers;
        this.search = search;
        this.offers = offers;
        this.organizations = organizations;
        this.locations = locations;
        this.taxonomy = taxonomy;
        this.history = history;
        this.users = users;
        this.filters = filters;
        this.facetPanel = facetPanel;
        this.resultList = resultList;
        this.clock = clock;
        this.pageSize = pageSize;
        this.staleAfter = staleAfter;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("categories", taxonomy.categories());
        model.addAttribute("targetGroups", taxonomy.targetGroups());
        return "directory/home";
    }

    /**
     * The search page. A visitor who is not logged in gets the page kept for the same search, language
     * and index generation when there is one ({@link SearchPageCache}); a logged-in user's page (their
     * name, their menu, a logout form with its CSRF token) is drawn for them and never kept.
     */
    @GetMapping("/tilbud")
    ResponseEntity<byte[]> search(@ModelAttribute("form") SearchForm form, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (model.getAttribute("currentUser") != null || users.current().isPresent()) {
            return html(draw(form, model, locale, request, response));
        }
        var key = SearchPageCache.key(search.generation(), locale, request.getRequestURI(), form);
        return html(pages.page(key, () -> draw(form, model, locale, request, response)));
    }

    private static ResponseEntity<byte[]> html(byte[] page) {
        return ResponseEntity.ok().contentType(HTML).body(page);
    }

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    /** Searches and draws the page from {@code templates/directory/search.html}, as UTF-8. */
    private byte[] draw(SearchForm form, Model model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        form.takePlaceFromWords(search);
        OfferQuery query = form.toQuery(pageSize);
        var result = search.search(query);
        model.addAttribute("query", query);
        model.addAttribute("result", result);
        var shown = result.isEmpty() ? SearchFilters.givingOffers(filters.of(form, locale), result)
                : filters.of(form, locale);
        model.addAttribute("facetPanel", facetPanel.render(shown, result, locale));
        model.addAttribute("resultList", resultList.render(result.hits(), locale));
        model.addAttribute("widenings", result.isEmpty() ? widenings(form) : List.of());
        model.addAttribute("sorts", OfferQuery.Sort.values());
        try {
            View view = views.resolveViewName("directory/search", locale);
            if (view == null) {
                throw new IllegalStateException("no view directory/search");
            }
            var page = new RenderedPage(response);
            view.render(model.asMap(), request, page);
            return page.bytes();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the search page could not be drawn", e);
        }
    }

    /** A response that keeps what a view writes, so the page can be kept and sent as it is. */
    private static final class RenderedPage extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter(64 * 1024);
        private final PrintWriter writer = new PrintWriter(text);

        RenderedPage(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("the search page is written as text");
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        byte[] bytes() {
            writer.flush();
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** How many single words of a longer search are offered on their own. */
    private static final int MAX_ONE_WORD_WIDENINGS = 3;

    /** A wider search that gives offers, offered on an empty result: a link, its text and how many it finds. */
    record Widening(String messageKey, @Nullable String argument, String url, long total) {
    }

    /**
     * Ways out of an empty result that are known to give offers: the words as the citizen most
     * likely meant them (with the filters, or else without), the same search without filters or
     * without a distance limit, and each of several words alone.
     */
    private List<Widening> widenings(SearchForm form) {
        List<Widening> widenings = new ArrayList<>();
        String text = form.toQuery(pageSize).text();
        if (text != null) {
            search.spellingSuggestion(text).ifPresent(corrected -> {
                if (!widen(widenings, "search.empty.spelling", corrected, form.withText(corrected))) {
                    widen(widenings, "search.empty.spelling", corrected, form.withoutFilters().withText(corrected));
                }
            });
        }
        OfferQuery query = form.toQuery(pageSize);
        if (query.hasFilters()) {
            widen(widenings, "search.empty.withoutFilters", null, form.withoutFilters());
            if (query.maxDistanceKm() != null) {
                widen(widenings, "search.empty.withoutDistance", null, form.withoutDistanceLimit());
            }
        }
        if (text != null) {
            var words = new java.util.LinkedHashSet<>(List.of(text.split("\\s+")));
            if (words.size() > 1) {
                words.stream().filter(word -> word.length() >= 3).limit(MAX_ONE_WORD_WIDENINGS)
                        .forEach(word -> widen(widenings, "search.empty.oneWord", word, form.withText(word)));
            }
        }
        return widenings;
    }

    private boolean widen(List<Widening> widenings, String messageKey, @Nullable String argument, SearchForm wider) {
        long total = search.search(wider.toQuery(1)).total();
        if (total > 0) {
            widenings.add(new Widening(messageKey, argument, wider.toUrl("/tilbud", null), total));
        }
        return total > 0;
    }

    @GetMapping("/tilbud/{id}")
    String offer(@PathVariable String id, @RequestHeader(name = "Referer", required = false) @Nullable String referer,
            HttpServletRequest request, Model model) {
        UUID offerId = parse(id);
        var offer = offers.findById(offerId).filter(o -> o.status().isPublic() || mayEdit(o.organizationId()))
                .orElseThrow(() -> new NotFoundException("offer " + id));
        var organization = organizations.findById(offer.organizationId()).orElseThrow();
        var location = locations.findById(offer.locationId()).orElseThrow();
        boolean editor = mayEdit(offer.organizationId());
        model.addAttribute("offer", offer);
        model.addAttribute("organization", organization);
        model.addAttribute("location", location);
        // Only an address a browser may follow becomes a link, whatever was stored before the rule.
        model.addAttribute("website", WebAddress.linkable(offer.url()));
        model.addAttribute("terms", taxonomy.of(offer.termIds()));
        model.addAttribute("editor", editor);
        model.addAttribute("stale", offer.isStale(LocalDate.now(clock), staleAfter));
        model.addAttribute("history", editor ? history.of(offerId) : List.of());
        model.addAttribute("answers", answers.getIfAvailable(() -> unknown -> java.util.Optional.empty()).of(offerId)
                .orElse(null));
        model.addAttribute("backToSearch", backToSearch(referer, request.getServerName()));
        return "directory/offer";
    }

    /**
     * "Tilbage til søgningen" returns to the search the citizen came from (the result list links
     * every hit to the same address, so the list can be kept): the search page's own query from the
     * Referer when it is this site's search page, otherwise the search from the start. Only the
     * path {@code /tilbud} and its query are taken, so no other address can be smuggled in.
     */
    static String backToSearch(@Nullable String referer, String serverName) {
        if (referer == null || referer.length() > 2_000) {
            return "/tilbud";
        }
        try {
            var uri = java.net.URI.create(referer);
            boolean ours = uri.getHost() == null || uri.getHost().equalsIgnoreCase(serverName);
            if (ours && "/tilbud".equals(uri.getRawPath())) {
                return uri.getRawQuery() == null ? "/tilbud" : "/tilbud?" + uri.getRawQuery();
            }
        } catch (IllegalArgumentException malformed) {
            // an address that is no URI is no search to go back to
        }
        return "/tilbud";
    }

    private boolean mayEdit(UUID organizationId) {
        return users.current().map(user -> user.mayEdit(organizationId)).orElse(false);
    }

    static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("offer " + id);
        }
    }
}
