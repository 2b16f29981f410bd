package dk.brobygger.directory.web;

import java.util.List;
import java.util.Map;

import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.SearchResult;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * The portal's search as public JSON, with the same parameters as {@code /tilbud}: for municipal
 * websites, kiosks and other modules that show offers. No login, like the portal itself.
 */
@RestController
@Tag(name = "Fællesskabsportalen", description = "Public search in the community directory")
class SearchApi {

    /** One page of offers with the facet counts of every filter. */
    record Answer(long total, int page, int pages, List<OfferHit> hits, Map<String, Map<String, Integer>> facets,
            SearchResult.@Nullable Place origin, boolean originNotFound) {
    }

    private final OfferSearch search;
    private final int pageSize;

    SearchApi(OfferSearch search, @Value("${brobygger.search.page-size:20}") int pageSize) {
        this.search = search;
        this.pageSize = pageSize;
    }

    @GetMapping(path = "/tilbud/soeg", produces = "application/json")
    @Operation(summary = "Search offers (same parameters as the portal: q, kategori, maalgruppe, bydel, ugedag, "
            + "tidspunkt, stoette, gratis, koerestol, koersel, sted, afstand, sorter, side)")
    Answer search(@ModelAttribute SearchForm form) {
        form.takePlaceFromWords(search);
        SearchResult result = search.search(form.toQuery(pageSize));
        return new Answer(result.total(), result.page(), result.pages(), result.hits(), result.facets(),
                result.origin(), result.originNotFound());
    }
}
