package dk.brobygger.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.WeeklySchedule;
import jakarta.annotation.PreDestroy;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The in-process Lucene index of the directory. The database is the source of truth: the index
 * is rebuilt from it at start (or, kept on disk, read on from the change log position it was saved at, see
 * {@link SearchIndexUpdater}) and kept current, document by document, as offers change. A change
 * is searchable as soon as {@link #put} returns.
 */
@Component
class OfferIndex {

    private static final Logger log = LoggerFactory.getLogger(OfferIndex.class);

    static final String ID = "id";
    static final String STATUS = "status";
    static final String GEO = "geo";
    static final String NAME_SORT = "name_sort";
    /** The offer's id as a doc value: the last tie-breaker of every order, so equal offers keep one order. */
    static final String ID_SORT = "id_sort";
    static final String ASSURED = "assured";
    /** One binary doc value per offer with everything a result list shows (see {@link HitCodec}). */
    static final String HIT = "hit";

    private static final String FORMAT_KEY = "brobygger.format";
    private static final String POSITION_KEY = "brobygger.position";
    /**
     * What wrote an index kept on disk: a digest of the classes that decide what goes into it, so an index written
     * by other code (another analyzer, another field) is rebuilt rather than read on.
     */
    static final String FORMAT = IndexFormat.of(OfferIndex.class, Analyzers.class, HitCodec.class, IndexedOffer.class,
            OfferReadModel.class);

    private final Path path;
    private final boolean temporary;
    private final MMapDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facets = new FacetsConfig();
    private volatile @Nullable StateHolder state;
    /** Counts the searchers made visible; raised only after the new searcher is the one searches get. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /** Facet dimensions, in the order the portal shows them. */
    static final List<String> DIMENSIONS = List.of(OfferSearch.CATEGORY, OfferSearch.TARGET_GROUP,
            OfferSearch.DISTRICT, OfferSearch.SUPPORT_LEVEL, OfferSearch.WEEKDAY, OfferSearch.TIME_OF_DAY,
            OfferSearch.FREE, OfferSearch.WHEELCHAIR, OfferSearch.TRANSPORT);

    /** The facet state of one index generation: one per dimension, plus what searches may cache with it. */
    record StateHolder(IndexReader reader, Map<String, SortedSetDocValuesReaderState> states,
            Map<Object, Object> cache) {

        @Nullable SortedSetDocValuesReaderState of(String dimension) {
            return states.get(dimension);
        }
    }

    static String facetField(String dimension) {
        return "$facet_" + dimension;
    }

    OfferIndex(@Value("${brobygger.search.index-dir:}") String indexDir) throws IOException {
        this.temporary = indexDir.isBlank();
        this.path = temporary ? Files.createTempDirectory("brobygger-index") : Path.of(indexDir);
        Files.createDirectories(path);
        this.directory = new MMapDirectory(path);
        this.writer = openWriter(directory, !temporary);
        this.searchers = new SearcherManager(writer, null);
        this.searchers.addListener(new org.apache.lucene.search.ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {
                // nothing: the generation changes once the new searcher is in place
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    generation.incrementAndGet();
                }
            }
        });
        for (String dimension : new String[] {OfferSearch.CATEGORY, OfferSearch.TARGET_GROUP, OfferSearch.WEEKDAY,
                OfferSearch.TIME_OF_DAY}) {
            facets.setMultiValued(dimension, true);
        }
        // One doc-values field per dimension: counting a dimension then reads only its own values.
        for (String dimension : DIMENSIONS) {
            facets.setIndexFieldName(dimension, facetField(dimension));
        }
    }

    /**
     * The generation of the searcher searches get now: it goes up after every refresh that made a change
     * visible (a put, a removal, a rebuild), once the new searcher is in place, so a search that started
     * after reading a generation answers from that generation or a later one, never an earlier one.
     */
    long generation() {
        return generation.get();
    }

    FacetsConfig facetsConfig() {
        return facets;
    }

    /**
     * An index kept on disk ({@code brobygger.search.index-dir}) is opened as it was, so a restarted node only reads
     * the changes it missed; one Lucene cannot read any more is started afresh (and then rebuilt).
     */
    private static IndexWriter openWriter(MMapDirectory directory, boolean keep) throws IOException {
        if (keep) {
            try {
                return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
            } catch (org.apache.lucene.index.IndexFormatTooOldException
                    | org.apache.lucene.index.IndexFormatTooNewException
                    | org.apache.lucene.index.CorruptIndexException e) {
                log.warn("The search index on disk cannot be read ({}); it is built anew", e.getMessage());
                // The directory is the index's alone (README): what Lucene cannot read goes, even to create anew.
                for (String file : directory.listAll()) {
                    directory.deleteFile(file);
                }
            }
        }
        return new IndexWriter(directory, config(IndexWriterConfig.OpenMode.CREATE));
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(Analyzers.PER_FIELD).setOpenMode(mode).setRAMBufferSizeMB(64);
    }

    /**
     * The change-log position the index on disk was committed at, if it was written by this very version of the
     * indexing code (see {@link #FORMAT}); empty when it must be rebuilt.
     */
    java.util.Optional<Long> committedPosition() {
        if (temporary) {
            return java.util.Optional.empty();
        }
        try {
            var data = new HashMap<String, String>();
            writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
            if (!FORMAT.equals(data.get(FORMAT_KEY)) || data.get(POSITION_KEY) == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(Long.parseLong(data.get(POSITION_KEY)));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Makes the index durable up to {@code position} of the change log (only worth it for an index on disk). */
    void commit(long position) {
        if (temporary) {
            return;
        }
        try {
            writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, POSITION_KEY, Long.toString(position)).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces everything in the index with the given offers, which hold every change up to {@code position}. */
    int rebuild(OfferReadModel offers, long position) {
        try {
            writer.deleteAll();
            var count = new AtomicInteger();
            offers.forEach(offer -> {
                add(offer);
                count.incrementAndGet();
            });
            writer.setLiveCommitData(Map.of(FORMAT_KEY, FORMAT, POSITION_KEY, Long.toString(position)).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
            return count.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces one offer and makes the change visible to searches at once. */
    void put(IndexedOffer offer) {
        try {
            writer.updateDocument(new Term(ID, offer.id().toString()), facets.build(document(offer)));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(UUID id) {
        try {
            writer.deleteDocuments(new Term(ID, id.toString()));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(IndexedOffer offer) {
        try {
            writer.addDocument(facets.build(document(offer)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a search on the current searcher, with the facet state belonging to it. */
    <T> T withSearcher(SearchWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.run(searcher, stateFor(searcher.getIndexReader()));
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface SearchWork<T> {
        T run(IndexSearcher searcher, @Nullable StateHolder state) throws IOException;
    }

    private @Nullable StateHolder stateFor(IndexReader reader) throws IOException {
        var current = state;
        if (current != null && current.reader() == reader) {
            return current;
        }
        synchronized (this) {
            current = state;
            if (current != null && current.reader() == reader) {
                return current;
            }
            if (reader.numDocs() == 0) {
                return null;
            }
            Map<String, SortedSetDocValuesReaderState> states = new HashMap<>();
            for (String dimension : DIMENSIONS) {
                if (hasField(reader, facetField(dimension))) {
                    states.put(dimension, new DefaultSortedSetDocValuesReaderState(reader, facetField(dimension), facets));
                }
            }
            var fresh = new StateHolder(reader, Map.copyOf(states), new ConcurrentHashMap<>());
            state = fresh;
            return fresh;
        }
    }

    private static boolean hasField(IndexReader reader, String field) {
        return reader.leaves().stream().anyMatch(leaf -> leaf.reader().getFieldInfos().fieldInfo(field) != null);
    }

    private Document document(IndexedOffer offer) {
        var doc = new Document();
        doc.add(new StringField(ID, offer.id().toString(), Field.Store.NO));
        doc.add(new StringField(STATUS, offer.status().name(), Field.Store.NO));
        String terms = String.join(" ", offer.termNames());
        String searchable = String.join(" ", offer.name(), offer.organizationName(), terms, offer.description());
        doc.add(new TextField(Analyzers.STEMMED_NAME, offer.name(), Field.Store.NO));
        doc.add(new TextField(Analyzers.STEMMED_TEXT, searchable, Field.Store.NO));
        doc.add(new TextField(Analyzers.PLAIN_NAME, offer.name() + " " + offer.organizationName(), Field.Store.NO));
        doc.add(new TextField(Analyzers.PLAIN_TEXT, searchable, Field.Store.NO));

        offer.categoryCodes().forEach(code -> doc.add(new SortedSetDocValuesFacetField(OfferSearch.CATEGORY, code)));
        offer.targetGroupCodes().forEach(code -> doc.add(new SortedSetDocValuesFacetField(OfferSearch.TARGET_GROUP, code)));
        offer.weekdays().forEach(day -> doc.add(new SortedSetDocValuesFacetField(OfferSearch.WEEKDAY, day.name())));
        offer.timesOfDay().forEach(t -> doc.add(new SortedSetDocValuesFacetField(OfferSearch.TIME_OF_DAY, t.name())));
        doc.add(new SortedSetDocValuesFacetField(OfferSearch.DISTRICT, offer.district()));
        doc.add(new SortedSetDocValuesFacetField(OfferSearch.SUPPORT_LEVEL, offer.supportLevel().name()));
        doc.add(new SortedSetDocValuesFacetField(OfferSearch.FREE, Boolean.toString(offer.freeOfCharge())));
        doc.add(new SortedSetDocValuesFacetField(OfferSearch.WHEELCHAIR, Boolean.toString(offer.wheelchairAccess())));
        doc.add(new SortedSetDocValuesFacetField(OfferSearch.TRANSPORT, Boolean.toString(offer.transportOffered())));

        doc.add(new LatLonPoint(GEO, offer.latitude(), offer.longitude()));
        doc.add(new LatLonDocValuesField(GEO, offer.latitude(), offer.longitude()));
        // Doc values only: indexing the name as well lets Lucene skip offers that cannot make the
        // page, but at 100,000 offers that skipping cost more than it saved (measured 2026-11-23).
        doc.add(new SortedDocValuesField(NAME_SORT, new BytesRef(offer.name().toLowerCase(java.util.Locale.ROOT))));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(offer.id().toString())));
        doc.add(new NumericDocValuesField(ASSURED, offer.assuredDate().toEpochDay()));
        doc.add(new BinaryDocValuesField(HIT, new BytesRef(HitCodec.encode(offer, summary(offer.description())))));
        return doc;
    }

    static String summary(String description) {
        String flat = description.replaceAll("\\s+", " ").strip();
        if (flat.length() <= 180) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', 180);
        return flat.substring(0, cut > 100 ? cut : 180) + " …";
    }

    @PreDestroy
    void close() throws IOException {
        searchers.close();
        writer.rollback();
        directory.close();
        if (temporary) {
            try (Stream<Path> files = Files.walk(path)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        log.debug("Search index closed");
    }
}
