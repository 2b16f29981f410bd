package dk.brobygger.directory.web;

import java.util.stream.Collectors;

import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.SearchResult;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The search engine without what surrounds it, for the search benchmark only (profile {@code bench-data}):
 * the same parameters and the same {@link OfferSearch#search} as {@code /tilbud/soeg} (query, facet counts,
 * 20 hits), answered as the count and the hits' ids in plain text instead of JSON. The ratio of the JSON
 * search to this is the cost of everything around the engine (bench/run.sh, system {@code lucene-bare}).
 * It shows only what the public search shows.
 */
@RestController
@Profile("bench-data")
class BareSearchBenchmark {

    private final OfferSearch search;
    private final int pageSize;

    BareSearchBenchmark(OfferSearch search, @Value("${brobygger.search.page-size:20}") int pageSize) {
        this.search = search;
        this.pageSize = pageSize;
    }

    @GetMapping(path = "/tilbud/soeg/motor", produces = "text/plain")
    String search(@ModelAttribute SearchForm form) {
        form.takePlaceFromWords(search);
        SearchResult result = search.search(form.toQuery(pageSize));
        return result.total() + " " + result.hits().stream().map(hit -> hit.id().toString())
                .collect(Collectors.joining(" "));
    }
}
