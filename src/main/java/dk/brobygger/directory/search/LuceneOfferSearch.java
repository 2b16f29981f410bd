package dk.brobygger.directory.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SearchResult;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.jspecify.annotations.Nullable;
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

    private static final List<String> DIMENSIONS = List.of(CATEGORY, TARGET_GROUP, DISTRICT, WEEKDAY, TIME_OF_DAY,
            SUPPORT_LEVEL, FREE, WHEELCHAIR, TRANSPORT);

    private final OfferIndex index;
    private final Places places;

    LuceneOfferSearch(OfferIndex index, Places places) {
        this.index = index;
        this.places = places;
    }

    @Override
    public SearchResult search(OfferQuery query) {
        SearchResult.Place origin = query.origin() == null ? null : places.find(query.origin()).orElse(null);
        boolean originNotFound = query.origin() != null && origin == null;
        return index.withSearcher((searcher, state) -> {
            if (state == null) {
                return new SearchResult(List.of(), 0, query.page(), query.pageSize(), Map.of(), origin, originNotFound);
            }
            return run(searcher, state, query, origin, originNotFound);
        });
    }

    private SearchResult run(IndexSearcher searcher, SortedSetDocValuesReaderState state, OfferQuery query,
            SearchResult.@Nullable Place origin, boolean originNotFound) throws IOException {
        var base = new BooleanQuery.Builder();
        Query text = textQuery(query.text());
        base.add(text == null ? new MatchAllDocsQuery() : text, text == null ? Occur.FILTER : Occur.MUST);
        base.add(new TermQuery(new Term(OfferIndex.STATUS, OfferStatus.INACTIVE.name())), Occur.MUST_NOT);
        if (origin != null && query.maxDistanceKm() != null) {
            base.add(LatLonPoint.newDistanceQuery(OfferIndex.GEO, origin.latitude(), origin.longitude(),
                    query.maxDistanceKm() * 1000), Occur.FILTER);
        }

        var drillDown = new DrillDownQuery(index.facetsConfig(), base.build());
        query.categories().forEach(value -> drillDown.add(CATEGORY, value));
        query.targetGroups().forEach(value -> drillDown.add(TARGET_GROUP, value));
        query.districts().forEach(value -> drillDown.add(DISTRICT, value));
        query.weekdays().forEach(value -> drillDown.add(WEEKDAY, value.name()));
        query.timesOfDay().forEach(value -> drillDown.add(TIME_OF_DAY, value.name()));
        query.supportLevels().forEach(value -> drillDown.add(SUPPORT_LEVEL, value.name()));
        if (query.freeOnly()) {
            drillDown.add(FREE, "true");
        }
        if (query.wheelchairOnly()) {
            drillDown.add(WHEELCHAIR, "true");
        }
        if (query.transportOnly()) {
            drillDown.add(TRANSPORT, "true");
        }

        int wanted = query.page() * query.pageSize();
        Sort sort = sort(query, origin, text != null);
        var sideways = new DrillSideways(searcher, index.facetsConfig(), state);
        DrillSideways.DrillSidewaysResult result = sideways.search(drillDown, null, null, wanted, sort, false);
        TopDocs top = result.hits;

        List<OfferHit> hits = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = (query.page() - 1) * query.pageSize(); i < docs.length; i++) {
            hits.add(hit(stored.document(docs[i].doc), origin));
        }
        return new SearchResult(hits, top.totalHits.value(), query.page(), query.pageSize(),
                facetCounts(result.facets), origin, originNotFound);
    }

    private static @Nullable Sort sort(OfferQuery query, SearchResult.@Nullable Place origin, boolean hasText) {
        return switch (query.sort()) {
            case DISTANCE -> origin == null ? null
                    : new Sort(LatLonDocValuesField.newDistanceSort(OfferIndex.GEO, origin.latitude(),
                            origin.longitude()));
            case NAME -> new Sort(new SortField(OfferIndex.NAME_SORT, SortField.Type.STRING));
            case RECENTLY_CONFIRMED -> new Sort(new SortField(OfferIndex.ASSURED, SortField.Type.LONG, true));
            case RELEVANCE -> hasText ? null : new Sort(new SortField(OfferIndex.NAME_SORT, SortField.Type.STRING));
        };
    }

    /**
     * Each word the citizen typed must match somehow: as a Danish stem (strongest, more so in the
     * name), as the start of a word, or within one or two typing errors. Nothing is parsed as
     * query syntax, so quotes, operators and emoji are just text.
     */
    static @Nullable Query textQuery(@Nullable String text) {
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
            String stem = Analyzers.stem(word);
            if (stem.isEmpty()) {
                continue; // a Danish stop word ("og", "i", "for")
            }
            all.add(wordQuery(word, stem), Occur.MUST);
            used++;
        }
        return used == 0 ? null : all.build();
    }

    private static Query wordQuery(String word, String stem) {
        var any = new BooleanQuery.Builder();
        any.add(new BoostQuery(new TermQuery(new Term(Analyzers.STEMMED_NAME, stem)), 6f), Occur.SHOULD);
        any.add(new BoostQuery(new TermQuery(new Term(Analyzers.STEMMED_TEXT, stem)), 3f), Occur.SHOULD);
        // "strik" begins "strikkeklubben"; "strikker" stems to "strik", which does too.
        for (String prefix : new java.util.LinkedHashSet<>(List.of(word, stem))) {
            if (prefix.length() >= 3) {
                any.add(new BoostQuery(new ConstantScoreQuery(
                        new PrefixQuery(new Term(Analyzers.PLAIN_NAME, prefix))), 2f), Occur.SHOULD);
                any.add(new BoostQuery(new ConstantScoreQuery(
                        new PrefixQuery(new Term(Analyzers.PLAIN_TEXT, prefix))), 1f), Occur.SHOULD);
            }
        }
        int edits = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
        if (edits > 0) {
            any.add(new BoostQuery(new ConstantScoreQuery(
                    new FuzzyQuery(new Term(Analyzers.PLAIN_TEXT, word), edits, 1, 50, true)), 0.5f), Occur.SHOULD);
        }
        return any.build();
    }

    private Map<String, Map<String, Integer>> facetCounts(Facets facets) throws IOException {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String dimension : DIMENSIONS) {
            FacetResult result = facets.getTopChildren(100, dimension);
            Map<String, Integer> values = new LinkedHashMap<>();
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.put(value.label, value.value.intValue());
                }
            }
            counts.put(dimension, values);
        }
        return counts;
    }

    private static OfferHit hit(Document doc, SearchResult.@Nullable Place origin) {
        String flags = doc.get(OfferIndex.STORED + "flags");
        String schedules = doc.get(OfferIndex.STORED + "schedules");
        List<WeeklySchedule> decoded = schedules.isEmpty() ? List.of()
                : Arrays.stream(schedules.split(";")).map(OfferIndex::decode).toList();
        Double distance = null;
        if (origin != null) {
            distance = Places.distanceKm(origin.latitude(), origin.longitude(),
                    doc.getField(OfferIndex.STORED + "lat").numericValue().doubleValue(),
                    doc.getField(OfferIndex.STORED + "lon").numericValue().doubleValue());
        }
        return new OfferHit(UUID.fromString(doc.get(OfferIndex.ID)), doc.get(OfferIndex.STORED + "name"),
                doc.get(OfferIndex.STORED + "organization"), doc.get(OfferIndex.STORED + "summary"),
                doc.get(OfferIndex.STORED + "district"), doc.get(OfferIndex.STORED + "address"),
                doc.get(OfferIndex.STORED + "postalCode"), doc.get(OfferIndex.STORED + "city"),
                SupportLevel.valueOf(doc.get(OfferIndex.STORED + "supportLevel")),
                OfferStatus.valueOf(doc.get(OfferIndex.STATUS)), flags.contains("F"), flags.contains("W"),
                flags.contains("T"), flags.contains("A"), decoded,
                LocalDate.parse(doc.get(OfferIndex.STORED + "assured")), distance);
    }

    static Set<String> dimensions() {
        return Set.copyOf(DIMENSIONS);
    }
}
