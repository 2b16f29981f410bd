package dk.brobygger.directory.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Whole search pages as sent to visitors who are not logged in. Such a page depends only on the
 * search as typed, the language and what the index answers, and the index answers the same until its
 * generation changes ({@link dk.brobygger.directory.OfferSearch#generation()}): a page is kept for
 * exactly those inputs, and all pages are dropped when a change to an offer becomes searchable.
 * Nothing personal can be in a kept page: only pages drawn for nobody logged in are kept (no name, no
 * menu of a role, no logout form with its CSRF token; the search form is a GET form, which gets no
 * token), and the Content-Security-Policy is the same fixed header for everyone (no per-request
 * nonce to splice in). Pages are kept as the UTF-8 bytes sent, at most
 * {@code brobygger.search.page-cache-mb} megabytes of them (default 128, about 2,500 pages of the
 * usual 40–55 KB), the least useful dropped first; 0 keeps none.
 */
@Component
class SearchPageCache {

    /**
     * What a kept page was drawn from. {@code search} holds the form's fields as sent (before a place
     * is taken from the words), since the page shows them as typed.
     */
    record Key(long generation, Locale locale, String path, List<Object> search) {
    }

    private final Cache<Key, byte[]> pages;
    private final boolean enabled;
    private volatile long generation = Long.MIN_VALUE;

    SearchPageCache(@Value("${brobygger.search.page-cache-mb:128}") long megabytes, MeterRegistry meters) {
        this.enabled = megabytes > 0;
        this.pages = Caffeine.newBuilder().maximumWeight(Math.max(0, megabytes) * 1024 * 1024)
                .weigher((Key key, byte[] page) -> page.length).recordStats().build();
        // cache.gets (hit/miss), cache.size, cache.evictions with cache=search-pages; the bytes kept beside them
        CaffeineCacheMetrics.monitor(meters, pages, "search-pages");
        Gauge.builder("brobygger.search.page-cache.bytes", pages,
                cache -> cache.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L))
                .description("Bytes of search pages kept").baseUnit("bytes").register(meters);
    }

    static Key key(long generation, Locale locale, String path, SearchForm form) {
        return new Key(generation, locale, path, Arrays.asList(form.getQ(), List.copyOf(form.getKategori()),
                List.copyOf(form.getMaalgruppe()), List.copyOf(form.getBydel()), List.copyOf(form.getUgedag()),
                List.copyOf(form.getTidspunkt()), List.copyOf(form.getStoette()), form.isGratis(), form.isKoerestol(),
                form.isKoersel(), form.getSted(), form.getAfstand(), form.getSorter(), form.getSide()));
    }

    /** The kept page for {@code key}, or the one {@code draw} makes (kept unless the generation has moved on). */
    byte[] page(Key key, Supplier<byte[]> draw) {
        if (!enabled) {
            return draw.get();
        }
        if (key.generation() != generation) {
            newGeneration(key.generation());
        }
        byte[] kept = pages.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        byte[] drawn = draw.get();
        if (key.generation() == generation) {
            pages.put(key, drawn);
        }
        return drawn;
    }

    /** Pages of earlier generations are never asked for again: they go at once rather than when space runs out. */
    private synchronized void newGeneration(long seen) {
        if (seen > generation) {
            generation = seen;
            pages.asMap().keySet().removeIf(key -> key.generation() != seen);
        }
    }

    /** How many pages are kept now (for tests and the record). */
    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }
}
