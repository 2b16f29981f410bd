package dk.brobygger.directory.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TimeOfDay;

import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The portal's search as the browser sends it (Danish parameter names, so links read well).
 * Unknown or malformed values are ignored rather than failing: a search never errors. Without a
 * chosen order, a search from a place is sorted by distance (nearest first) and any other by
 * best match; the page sends no order until the citizen picks one, so typing an address later
 * still sorts by distance.
 */
public class SearchForm {

    private @Nullable String q;
    private List<String> kategori = new ArrayList<>();
    private List<String> maalgruppe = new ArrayList<>();
    private List<String> bydel = new ArrayList<>();
    private List<String> ugedag = new ArrayList<>();
    private List<String> tidspunkt = new ArrayList<>();
    private List<String> stoette = new ArrayList<>();
    private boolean gratis;
    private boolean koerestol;
    private boolean koersel;
    private @Nullable String sted;
    private @Nullable String afstand;
    private @Nullable String sorter;
    private @Nullable String side;

    public OfferQuery toQuery(int pageSize) {
        OfferQuery.Sort sort = parse(sorter, OfferQuery.Sort::valueOf, null);
        if (sort == null) {
            sort = hasPlace() ? OfferQuery.Sort.DISTANCE : OfferQuery.Sort.RELEVANCE;
        }
        Double distance = parse(afstand, Double::valueOf, null);
        Integer page = parse(side, Integer::valueOf, 1);
        return new OfferQuery(q, clean(kategori), clean(maalgruppe), clean(bydel),
                enums(ugedag, DayOfWeek.class), enums(tidspunkt, TimeOfDay.class), enums(stoette, SupportLevel.class),
                gratis, koerestol, koersel, sted, distance, sort, page == null ? 1 : page, pageSize);
    }

    /** The same search as a link, e.g. for the QR code on a community card or the next page. */
    public String toUrl(String base, @Nullable Integer page) {
        var uri = UriComponentsBuilder.fromUriString(base);
        if (q != null && !q.isBlank()) {
            uri.queryParam("q", q);
        }
        clean(kategori).forEach(v -> uri.queryParam("kategori", v));
        clean(maalgruppe).forEach(v -> uri.queryParam("maalgruppe", v));
        clean(bydel).forEach(v -> uri.queryParam("bydel", v));
        clean(ugedag).forEach(v -> uri.queryParam("ugedag", v));
        clean(tidspunkt).forEach(v -> uri.queryParam("tidspunkt", v));
        clean(stoette).forEach(v -> uri.queryParam("stoette", v));
        if (gratis) {
            uri.queryParam("gratis", true);
        }
        if (koerestol) {
            uri.queryParam("koerestol", true);
        }
        if (koersel) {
            uri.queryParam("koersel", true);
        }
        if (sted != null && !sted.isBlank()) {
            uri.queryParam("sted", sted);
        }
        if (afstand != null && !afstand.isBlank()) {
            uri.queryParam("afstand", afstand);
        }
        if (sorter != null && !sorter.isBlank()) {
            uri.queryParam("sorter", sorter);
        }
        if (page != null && page > 1) {
            uri.queryParam("side", page);
        }
        return uri.build().encode().toUriString();
    }

    /** The same search with other words. */
    public SearchForm withText(@Nullable String text) {
        SearchForm copy = copy();
        copy.q = text;
        copy.side = null;
        return copy;
    }

    /** The same words and place without any filter and without a distance limit. */
    public SearchForm withoutFilters() {
        SearchForm copy = new SearchForm();
        copy.q = q;
        copy.sted = sted;
        copy.sorter = sorter;
        return copy;
    }

    /** The same search without a distance limit. */
    public SearchForm withoutDistanceLimit() {
        SearchForm copy = copy();
        copy.afstand = null;
        copy.side = null;
        return copy;
    }

    /**
     * A place typed at the end of the words ("strikning 7130") is moved to the place field, so the
     * list runs from the nearest, as if typed there; the form then shows both fields as understood.
     * Nothing moves when a place was given already.
     */
    public void takePlaceFromWords(OfferSearch search) {
        if (hasPlace() || q == null || q.isBlank()) {
            return;
        }
        search.placeInWords(q).ifPresent(found -> {
            q = found.words();
            sted = found.place();
        });
    }

    /** Has the citizen given a place to measure distance from? */
    public boolean hasPlace() {
        return sted != null && !sted.isBlank();
    }

    private SearchForm copy() {
        SearchForm copy = new SearchForm();
        copy.q = q;
        copy.kategori = new ArrayList<>(kategori);
        copy.maalgruppe = new ArrayList<>(maalgruppe);
        copy.bydel = new ArrayList<>(bydel);
        copy.ugedag = new ArrayList<>(ugedag);
        copy.tidspunkt = new ArrayList<>(tidspunkt);
        copy.stoette = new ArrayList<>(stoette);
        copy.gratis = gratis;
        copy.koerestol = koerestol;
        copy.koersel = koersel;
        copy.sted = sted;
        copy.afstand = afstand;
        copy.sorter = sorter;
        copy.side = side;
        return copy;
    }

    private static Set<String> clean(List<String> values) {
        Set<String> clean = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank() && value.length() <= 60) {
                clean.add(value.strip());
            }
        }
        return clean;
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        for (String value : clean(values)) {
            E parsed = parse(value, v -> Enum.valueOf(type, v), null);
            if (parsed != null) {
                result.add(parsed);
            }
        }
        return result;
    }

    private static <T> @Nullable T parse(@Nullable String value, Function<String, T> parser, @Nullable T fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value.strip());
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    public @Nullable String getQ() { return q; }
    public void setQ(@Nullable String q) { this.q = q; }
    public List<String> getKategori() { return kategori; }
    public void setKategori(List<String> kategori) { this.kategori = kategori; }
    public List<String> getMaalgruppe() { return maalgruppe; }
    public void setMaalgruppe(List<String> maalgruppe) { this.maalgruppe = maalgruppe; }
    public List<String> getBydel() { return bydel; }
    public void setBydel(List<String> bydel) { this.bydel = bydel; }
    public List<String> getUgedag() { return ugedag; }
    public void setUgedag(List<String> ugedag) { this.ugedag = ugedag; }
    public List<String> getTidspunkt() { return tidspunkt; }
    public void setTidspunkt(List<String> tidspunkt) { this.tidspunkt = tidspunkt; }
    public List<String> getStoette() { return stoette; }
    public void setStoette(List<String> stoette) { this.stoette = stoette; }
    public boolean isGratis() { return gratis; }
    public void setGratis(boolean gratis) { this.gratis = gratis; }
    public boolean isKoerestol() { return koerestol; }
    public void setKoerestol(boolean koerestol) { this.koerestol = koerestol; }
    public boolean isKoersel() { return koersel; }
    public void setKoersel(boolean koersel) { this.koersel = koersel; }
    public @Nullable String getSted() { return sted; }
    public void setSted(@Nullable String sted) { this.sted = sted; }
    public @Nullable String getAfstand() { return afstand; }
    public void setAfstand(@Nullable String afstand) { this.afstand = afstand; }
    public @Nullable String getSorter() { return sorter; }
    public void setSorter(@Nullable String sorter) { this.sorter = sorter; }
    public @Nullable String getSide() { return side; }
    public void setSide(@Nullable String side) { this.side = side; }
}
