package dk.brobygger.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dk.brobygger.directory.SearchResult;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The filters beside the search results with their counts, rendered from
 * {@code templates/directory/filters.html}. The panel is about half of the page's markup and
 * depends only on the filters (labels, what is checked), the facet counts and the language, and
 * the same combinations come back all day (the landing page, a category link, a district), so a
 * rendered panel is kept for its exact inputs: equal inputs give the same HTML, and new counts
 * after any change to an offer are new inputs. A panel is about 14 KB, so the default of 2,000
 * panels (as many as the search keeps facet counts for) holds at most about 28 MB; when full the
 * cache starts over.
 */
@Component
class FacetPanel {

    private record Inputs(List<SearchFilters.Filter> filters, Map<String, Map<String, Integer>> counts,
            Locale locale) {
    }

    private final ITemplateEngine templates;
    private final int capacity;
    private final Map<Inputs, String> rendered = new ConcurrentHashMap<>();

    FacetPanel(ITemplateEngine templates, @Value("${brobygger.search.facet-panel-cache-size:2000}") int capacity) {
        this.templates = templates;
        this.capacity = capacity;
    }

    String render(List<SearchFilters.Filter> filters, SearchResult result, Locale locale) {
        var inputs = new Inputs(filters, result.facets(), locale);
        String html = rendered.get(inputs);
        if (html == null) {
            html = templates.process("directory/filters",
                    new Context(locale, Map.of("filters", filters, "result", result)));
            if (capacity > 0) {
                if (rendered.size() >= capacity) {
                    rendered.clear(); // simpler than least-recently-used, and as good for a few hot panels
                }
                rendered.put(inputs, html);
            }
        }
        return html;
    }
}
