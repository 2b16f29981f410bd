package dk.brobygger.directory.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SearchResult;

import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Searches the directory with Lucene: Danish stemming, prefixes and typo tolerance on the words
 * the citizen typed, filters with facet counts (drill sideways, so each filter shows what its
 * other choices would give), and distance from an address or postcode.
 */
@Service
class LuceneOfferSearch implements OfferSearch {

    /** More words than this are ignored: nobody types them, and each one costs. */
    static final int MAX_WORDS = 8;

    private final OfferIndex index;
    private final Places places;
    private final int facetCacheSize;

    LuceneOfferSearch(OfferIndex index, Places places,
            @Value("${brobygger.search.facet-cache-size:2000}") int facetCacheSize) {
        this.index = index;
        this.places = places;
        this.facetCacheSize = facetCacheSize;
    }

    @Override
    public long generation() {
        return index.generation();
    }

    @Override
    public SearchResult search(OfferQuery query) {
        return index.withSearcher((searcher, state) -> {
            SearchResult.Place origin = query.origin() == null ? null : place(state, query.origin());
            boolean originNotFound = query.origin() != null && origin == null;
            if (state == null) {
                return new SearchResult(List.of(), 0, query.page(), query.pageSize(), Map.of(), origin, originNotFound);
            }
            return run(searcher, state, query, origin, originNotFound);
        });
    }

    /**
     * Where a typed place is. Places found are kept with the index generation, like the facet
     * counts: the same few postcodes are asked for all day, and the gazetteer changes with the data.
     */
    private SearchResult.@Nullable Place place(OfferIndex.@Nullable StateHolder state, String input) {
        if (state == null || facetCacheSize <= 0) {
            return places.find(input).orElse(null);
        }
        String key = "place\u0000" + input;
        if (state.cache().get(key) instanceof SearchResult.Place known) {
            return known;
        }
        SearchResult.Place found = places.find(input).orElse(null);
        if (found != null && state.cache().size() < facetCacheSize * 2) {
            state.cache().put(key, found);
        }
        return found;
    }

    @Override
    public List<UUID> rankedIds(OfferQuery query, int limit) {
        return index.withSearcher((searcher, state) -> {
            if (state == null || limit < 1) {
                return List.of();
            }
            SearchResult.Place origin = query.origin() == null ? null : place(state, query.origin());
            if (query.origin() != null && origin == null) {
                return List.of();
            }
            Query text = rewrittenTextQuery(searcher, state, query.text());
            Query main = and(baseQuery(text, query, origin), filters(query), null);
            Sort sort = sort(query, origin, text != null);
            int wanted = Math.min(limit, Math.max(1, searcher.getIndexReader().maxDoc()));
            TopDocs top = sort == null ? searcher.search(main, wanted) : searcher.search(main, wanted, sort);
            return hits(searcher, top.scoreDocs, 0, null).stream().map(OfferHit::id).toList();
        });
    }

    private SearchResult run(IndexSearcher searcher, OfferIndex.StateHolder state, OfferQuery query,
            SearchResult.@Nullable Place origin, boolean originNotFound) throws IOException {
        Query text = rewrittenTextQuery(searcher, state, query.text());
        Query baseQuery = baseQuery(text, query, origin);
        Map<String, Query> filters = filters(query);

        int wanted = query.page() * query.pageSize();
        Sort sort = sort(query, origin, text != null);
        Query main = and(baseQuery, filters, null);
        String key = facetKey(query, origin);
        var cached = cachedFacets(state, key);
        TopDocs top;
        Facets facets;
        if (cached != null) {
            // The counts and the total are known: only the page of hits is needed, not every match.
            top = sort == null ? searcher.search(main, wanted) : searcher.search(main, wanted, sort);
            facets = cached;
        } else {
            var manager = new FacetsCollectorManager();
            FacetsCollectorManager.FacetsResult result = sort == null
                    ? FacetsCollectorManager.search(searcher, main, wanted, manager)
                    : FacetsCollectorManager.search(searcher, main, wanted, sort, manager);
            top = result.topDocs();
            facets = facets(searcher, state, baseQuery, filters, result.facetsCollector(), key);
        }
        int from = (query.page() - 1) * query.pageSize();
        List<OfferHit> hits = hits(searcher, top.scoreDocs, from, origin);
        return new SearchResult(hits, facets.total(), query.page(), query.pageSize(), facets.counts(), origin,
                originNotFound);
    }

    /** The words (or everything), public offers only, within the distance if one was asked for. */
    private static Query baseQuery(@Nullable Query text, OfferQuery query, SearchResult.@Nullable Place origin) {
        var base = new BooleanQuery.Builder();
        base.add(text == null ? new MatchAllDocsQuery() : text, text == null ? Occur.FILTER : Occur.MUST);
        base.add(new TermQuery(new Term(OfferIndex.STATUS, OfferStatus.INACTIVE.name())), Occur.MUST_NOT);
        for (String excluded : query.excludedCategories()) {
            base.add(new TermQuery(DrillDownQuery.term(OfferIndex.facetField(CATEGORY), CATEGORY, excluded)),
                    Occur.MUST_NOT);
        }
        if (origin != null && query.maxDistanceKm() != null) {
            base.add(LatLonPoint.newDistanceQuery(OfferIndex.GEO, origin.latitude(), origin.longitude(),
                    query.maxDistanceKm() * 1000), Occur.FILTER);
        }
        return base.build();
    }

    /** What a search knows before paging: how many offers match, and the count of every filter choice. */
    private record Facets(long total, Map<String, Map<String, Integer>> counts) {
    }

    /**
     * The page of hits, read from the index's per-offer hit values in document order (each
     * segment's values are read forwards), returned in the order of the result.
     */
    private static List<OfferHit> hits(IndexSearcher searcher, ScoreDoc[] docs, int from,
            SearchResult.@Nullable Place origin) throws IOException {
        if (from >= docs.length) {
            return List.of();
        }
        double[] point = origin == null ? null : new double[] {origin.latitude(), origin.longitude()};
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Integer[] order = new Integer[docs.length - from];
        for (int i = 0; i < order.length; i++) {
            order[i] = from + i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
        OfferHit[] hits = new OfferHit[order.length];
        int leaf = -1;
        BinaryDocValues values = null;
        for (int i : order) {
            int doc = docs[i].doc;
            int segment = ReaderUtil.subIndex(doc, leaves);
            if (segment != leaf) {
                leaf = segment;
                values = leaves.get(segment).reader().getBinaryDocValues(OfferIndex.HIT);
            }
            if (values == null || !values.advanceExact(doc - leaves.get(segment).docBase)) {
                throw new IllegalStateException("offer in the index without its hit value: document " + doc);
            }
            hits[i - from] = HitCodec.decode(values.binaryValue(), point);
        }
        return List.of(hits);
    }

    /**
     * The text query rewritten against the current index. Expanding typos (fuzzy terms) is the
     * costly part of a text search, and the same words come again and again, so the rewritten
     * query is kept for the index generation it was made for.
     */
    private @Nullable Query rewrittenTextQuery(IndexSearcher searcher, OfferIndex.StateHolder state,
            @Nullable String text) throws IOException {
        if (text == null) {
            return null;
        }
        String key = "text\u0000" + text;
        if (facetCacheSize > 0 && state.cache().get(key) instanceof Query rewritten) {
            return rewritten;
        }
        Query query = textQuery(text, searcher.getIndexReader());
        if (query == null || facetCacheSize <= 0) {
            return query;
        }
        Query rewritten = searcher.rewrite(query);
        if (state.cache().size() < facetCacheSize * 2) {
            state.cache().put(key, rewritten);
        }
        return rewritten;
    }

    /** The chosen values of each filter, as one query per dimension (any of the values matches). */
    private static Map<String, Query> filters(OfferQuery query) {
        Map<String, Query> filters = new LinkedHashMap<>();
        filter(filters, CATEGORY, query.categories());
        filter(filters, TARGET_GROUP, query.targetGroups());
        filter(filters, DISTRICT, query.districts());
        filter(filters, WEEKDAY, query.weekdays().stream().map(Enum::name).toList());
        filter(filters, TIME_OF_DAY, query.timesOfDay().stream().map(Enum::name).toList());
        filter(filters, SUPPORT_LEVEL, query.supportLevels().stream().map(Enum::name).toList());
        if (query.freeOnly()) {
            filter(filters, FREE, List.of("true"));
        }
        if (query.wheelchairOnly()) {
            filter(filters, WHEELCHAIR, List.of("true"));
        }
        if (query.transportOnly()) {
            filter(filters, TRANSPORT, List.of("true"));
        }
        return filters;
    }

    private static void filter(Map<String, Query> filters, String dimension, java.util.Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        var any = new BooleanQuery.Builder();
        for (String value : values) {
            any.add(new TermQuery(DrillDownQuery.term(OfferIndex.facetField(dimension), dimension, value)),
                    Occur.SHOULD);
        }
        filters.put(dimension, new ConstantScoreQuery(any.build()));
    }

    /** The base query with every filter but {@code except}. */
    private static Query and(Query base, Map<String, Query> filters, @Nullable String except) {
        if (filters.isEmpty() || (filters.size() == 1 && filters.containsKey(except))) {
            return base;
        }
        var all = new BooleanQuery.Builder().add(base, Occur.MUST);
        filters.forEach((dimension, filter) -> {
            if (!dimension.equals(except)) {
                all.add(filter, Occur.FILTER);
            }
        });
        return all.build();
    }

    /**
     * How many offers each choice would give. A dimension with a chosen value is counted as if
     * that filter alone were not set (sideways), so the citizen sees the alternatives; the others
     * are counted over the result itself. Counts are kept per index generation for queries that
     * repeat (the landing page, a category link), and forgotten as soon as any offer changes.
     */
    private Facets facets(IndexSearcher searcher, OfferIndex.StateHolder state, Query base,
            Map<String, Query> filters, FacetsCollector result, String key) throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String dimension : OfferIndex.DIMENSIONS) {
            SortedSetDocValuesReaderState dimensionState = state.of(dimension);
            if (dimensionState == null) {
                counts.put(dimension, Map.of());
                continue;
            }
            FacetsCollector hits = filters.containsKey(dimension)
                    ? searcher.search(and(base, filters, dimension), new FacetsCollectorManager())
                    : result;
            FacetResult top = new SortedSetDocValuesFacetCounts(dimensionState, hits).getTopChildren(100, dimension);
            Map<String, Integer> values = new LinkedHashMap<>();
            if (top != null) {
                for (LabelAndValue value : top.labelValues) {
                    values.put(value.label, value.value.intValue());
                }
            }
            counts.put(dimension, Map.copyOf(values));
        }
        long total = 0;
        for (FacetsCollector.MatchingDocs matching : result.getMatchingDocs()) {
            total += matching.totalHits();
        }
        var facets = new Facets(total, counts);
        if (facetCacheSize > 0 && state.cache().size() < facetCacheSize * 2) {
            state.cache().put(key, facets);
        }
        return facets;
    }

    private @Nullable Facets cachedFacets(OfferIndex.StateHolder state, String key) {
        return facetCacheSize > 0 && state.cache().get(key) instanceof Facets facets ? facets : null;
    }

    /** What decides the facet counts: everything in the query but paging and sorting. */
    private static String facetKey(OfferQuery query, SearchResult.@Nullable Place origin) {
        return String.join("\u0000", String.valueOf(query.text()), new java.util.TreeSet<>(query.categories()).toString(),
                new java.util.TreeSet<>(query.targetGroups()).toString(),
                new java.util.TreeSet<>(query.districts()).toString(),
                new java.util.TreeSet<>(query.weekdays()).toString(),
                new java.util.TreeSet<>(query.timesOfDay()).toString(),
                new java.util.TreeSet<>(query.supportLevels()).toString(), query.freeOnly() + "/"
                        + query.wheelchairOnly() + "/" + query.transportOnly(),
                origin == null || query.maxDistanceKm() == null ? ""
                        : origin.latitude() + "," + origin.longitude() + "," + query.maxDistanceKm(),
                new java.util.TreeSet<>(query.excludedCategories()).toString());
    }

    private static @Nullable Sort sort(OfferQuery query, SearchResult.@Nullable Place origin, boolean hasText) {
        // Ties (offers at the same place, of the same name) are broken by name and then by id, not by Lucene's
        // document number, which changes when an offer is indexed again: a page and the next, or the HSDS list and
        // its ndjson stream, keep one order.
        var name = new SortField(OfferIndex.NAME_SORT, SortField.Type.STRING);
        var id = new SortField(OfferIndex.ID_SORT, SortField.Type.STRING);
        return switch (query.sort()) {
            case DISTANCE -> origin == null ? null
                    : new Sort(LatLonDocValuesField.newDistanceSort(OfferIndex.GEO, origin.latitude(),
                            origin.longitude()), name, id);
            case NAME -> new Sort(name, id);
            case RECENTLY_CONFIRMED -> new Sort(new SortField(OfferIndex.ASSURED, SortField.Type.LONG, true), name, id);
            case RELEVANCE -> hasText ? null : new Sort(name, id);
        };
    }

    /**
     * Each word the citizen typed must match somehow: as a Danish stem (strongest, more so in the
     * name), as the start of a word, or, ranked below every exact and prefix match, as one of the
     * directory's own words within one or two typing errors. Typing errors are corrected only in
     * words of four letters or more (one error) and eight or more (two), and to the words the
     * directory uses most among the nearest ones: "strk" is "strik", not "stærk". Nothing is parsed
     * as query syntax, so quotes, operators and emoji are just text.
     */
    static @Nullable Query textQuery(@Nullable String text, IndexReader reader) throws IOException {
        if (text == null) {
            return null;
        }
        List<String> words = Analyzers.tokens(Analyzers.PLAIN, text);
        if (words.isEmpty()) {
            return null;
        }
        var all = new BooleanQuery.Builder();
        int used = 0;
        for (String word : words) {
            if (used == MAX_WORDS) {
                break;
            }
            if (word.codePoints().noneMatch(Character::isLetterOrDigit)) {
                continue; // emoji and symbols carry no meaning to search for
            }
            List<String> stems = Analyzers.stems(word);
            if (stems.isEmpty()) {
                continue; // a Danish stop word ("og", "i", "for")
            }
            all.add(wordQuery(word, stems, reader), Occur.MUST);
            used++;
        }
        return used == 0 ? null : all.build();
    }

    private static Query wordQuery(String word, List<String> stems, IndexReader reader) throws IOException {
        var any = new BooleanQuery.Builder();
        String stem = stems.getFirst();
        any.add(new BoostQuery(new TermQuery(new Term(Analyzers.STEMMED_NAME, stem)), 6f), Occur.SHOULD);
        any.add(new BoostQuery(new TermQuery(new Term(Analyzers.STEMMED_TEXT, stem)), 3f), Occur.SHOULD);
        // The parts of a compound and the verb of a "-ning" noun: "fællessang" also finds "sang".
        for (String other : stems.subList(1, stems.size())) {
            any.add(new BoostQuery(new TermQuery(new Term(Analyzers.STEMMED_NAME, other)), 3f), Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term(Analyzers.STEMMED_TEXT, other)), 1.5f), Occur.SHOULD);
        }
        // "strik" begins "strikkeklubben"; "strikker" stems to "strik", which does too.
        var prefixes = new java.util.LinkedHashSet<String>();
        prefixes.add(word);
        prefixes.add(stem);
        stems.stream().filter(s -> s.length() >= 4).forEach(prefixes::add);
        for (String prefix : prefixes) {
            if (prefix.length() >= 3) {
                any.add(new BoostQuery(new ConstantScoreQuery(
                        new PrefixQuery(new Term(Analyzers.PLAIN_NAME, prefix))), 2f), Occur.SHOULD);
                any.add(new BoostQuery(new ConstantScoreQuery(
                        new PrefixQuery(new Term(Analyzers.PLAIN_TEXT, prefix))), 1f), Occur.SHOULD);
            }
        }
        List<String> corrections = corrections(stem, word.length(), reader);
        for (int i = 0; i < corrections.size(); i++) {
            // Together at most 0.9: below the weakest prefix match, so a typo never outranks a hit.
            float weight = 1f / (i + 1);
            String correction = corrections.get(i);
            any.add(new BoostQuery(new ConstantScoreQuery(
                    new TermQuery(new Term(Analyzers.STEMMED_NAME, correction))), 0.4f * weight), Occur.SHOULD);
            any.add(new BoostQuery(new ConstantScoreQuery(
                    new TermQuery(new Term(Analyzers.STEMMED_TEXT, correction))), 0.5f * weight), Occur.SHOULD);
        }
        return any.build();
    }

    /** The shortest word a typing error is corrected in, and the one from which two errors are. */
    static final int MIN_CORRECTED_LENGTH = 4;
    static final int MIN_TWICE_CORRECTED_LENGTH = 8;

    /**
     * The directory's stems nearest to a stem that the directory does not have, nearest first
     * and, equally near, the most used first.
     */
    static List<String> corrections(String stem, int typedLength, IndexReader reader) throws IOException {
        if (typedLength < MIN_CORRECTED_LENGTH) {
            return List.of();
        }
        var speller = new DirectSpellChecker();
        speller.setMaxEdits(typedLength >= MIN_TWICE_CORRECTED_LENGTH ? 2 : 1);
        speller.setMinQueryLength(MIN_CORRECTED_LENGTH - 1);
        speller.setAccuracy(0.5f);
        int wanted = typedLength >= MIN_TWICE_CORRECTED_LENGTH ? 3 : 2;
        List<String> found = new ArrayList<>();
        for (SuggestWord suggestion : speller.suggestSimilar(new Term(Analyzers.STEMMED_TEXT, stem), wanted, reader,
                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
            found.add(suggestion.string);
        }
        return found;
    }

    /**
     * The same words as typed, each word the directory does not know replaced by the word it most
     * likely meant, for "mente du …?" on an empty result; empty when no word needed it or none
     * was near enough.
     */
    @Override
    public java.util.Optional<String> spellingSuggestion(String text) {
        return index.withSearcher((searcher, state) -> {
            if (state == null) {
                return java.util.Optional.<String>empty();
            }
            var speller = new DirectSpellChecker();
            speller.setMinQueryLength(MIN_CORRECTED_LENGTH - 1);
            List<String> words = Analyzers.tokens(Analyzers.PLAIN, text);
            List<String> corrected = new ArrayList<>();
            boolean changed = false;
            for (String word : words.subList(0, Math.min(words.size(), MAX_WORDS))) {
                String replacement = word;
                if (word.length() >= MIN_CORRECTED_LENGTH
                        && searcher.getIndexReader().docFreq(new Term(Analyzers.PLAIN_TEXT, word)) == 0) {
                    speller.setMaxEdits(word.length() >= MIN_TWICE_CORRECTED_LENGTH ? 2 : 1);
                    String best = likeliest(speller.suggestSimilar(new Term(Analyzers.PLAIN_TEXT, word), 5,
                            searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX), searcher.getIndexReader());
                    if (best != null) {
                        replacement = best;
                        changed = true;
                    }
                }
                corrected.add(replacement);
            }
            return changed ? java.util.Optional.of(String.join(" ", corrected)) : java.util.Optional.<String>empty();
        });
    }

    /**
     * Of the nearest words, the one whose family the directory uses most: "strik" (strikker,
     * strikket, strik) before "stærk", though both are one letter from "strk".
     */
    private static @Nullable String likeliest(SuggestWord[] nearest, IndexReader reader) throws IOException {
        String best = null;
        float bestScore = -1;
        int bestFamily = -1;
        for (SuggestWord candidate : nearest) {
            String stem = Analyzers.stem(candidate.string);
            int family = stem.isEmpty() ? 0 : reader.docFreq(new Term(Analyzers.STEMMED_TEXT, stem));
            if (candidate.score > bestScore || (candidate.score == bestScore && family > bestFamily)) {
                best = candidate.string;
                bestScore = candidate.score;
                bestFamily = family;
            }
        }
        return best;
    }

    @Override
    public java.util.Optional<PlaceInWords> placeInWords(String text) {
        return places.inWords(text);
    }
}
