package dk.brobygger.directory.card;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.offer.TaxonomyTerm;
import dk.brobygger.directory.web.SearchForm;
import dk.brobygger.shared.MunicipalityProperties;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Makes community cards. The pre-filter is cleaned first: codes the directory does not know are
 * dropped, so a mistyped link still gives a card that leads somewhere useful.
 */
@Component
class CommunityCards {

    /** Keeps free text short enough that the QR code stays easy to scan. */
    static final int MAX_TEXT_LENGTH = 80;

    private final MunicipalityProperties municipality;
    private final Taxonomy taxonomy;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    CommunityCards(MunicipalityProperties municipality, Taxonomy taxonomy, JdbcClient jdbc, MessageSource messages) {
        this.municipality = municipality;
        this.taxonomy = taxonomy;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    CommunityCard make(SearchForm requested, Locale locale) {
        OfferQuery query = requested.toQuery(1);
        Map<String, String> districts = districts();
        List<TaxonomyTerm> categories = known(TaxonomyTerm.CATEGORY, query.categories());
        List<TaxonomyTerm> targetGroups = known(TaxonomyTerm.TARGET_GROUP, query.targetGroups());
        List<String> districtCodes = query.districts().stream().filter(districts::containsKey).sorted().toList();

        var filter = new SearchForm();
        filter.setQ(shorten(query.text()));
        filter.setKategori(codes(categories));
        filter.setMaalgruppe(codes(targetGroups));
        filter.setBydel(new ArrayList<>(districtCodes));
        filter.setUgedag(names(query.weekdays()));
        filter.setTidspunkt(names(query.timesOfDay()));
        filter.setStoette(names(query.supportLevels()));
        filter.setGratis(query.freeOnly());
        filter.setKoerestol(query.wheelchairOnly());
        filter.setKoersel(query.transportOnly());
        filter.setSted(shorten(query.origin()));
        if (filter.getSted() != null && query.maxDistanceKm() != null) {
            filter.setAfstand(kilometres(query.maxDistanceKm()));
        }

        String searchUrl = municipality.portalAddress() + filter.toUrl("/tilbud", null);
        String description = describe(filter, categories, targetGroups,
                districtCodes.stream().map(districts::get).toList(), locale);
        return new CommunityCard(municipality.name(), portalAddress(), description, searchUrl, QrCode.of(searchUrl),
                filter);
    }

    /** District code and name, for the choices on the card page and the description. */
    Map<String, String> districts() {
        return jdbc.sql("SELECT code, name FROM district ORDER BY name")
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("name"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    private String portalAddress() {
        return municipality.portalAddress().replaceFirst("^https?://", "");
    }

    private String describe(SearchForm filter, List<TaxonomyTerm> categories, List<TaxonomyTerm> targetGroups,
            List<String> districtNames, Locale locale) {
        if (!narrowed(filter)) {
            return message("card.filter.all", locale);
        }
        var sentence = new StringBuilder(categories.isEmpty()
                ? message("card.filter.offers", locale)
                : message("card.filter.categories", locale, anyOf(lowered(categories, locale), locale)));
        if (filter.getQ() != null) {
            sentence.append(' ').append(message("card.filter.text", locale, filter.getQ()));
        }
        if (!targetGroups.isEmpty()) {
            sentence.append(' ').append(message("card.filter.targetGroups", locale, anyOf(lowered(targetGroups, locale), locale)));
        }
        if (!districtNames.isEmpty()) {
            sentence.append(' ').append(message("card.filter.districts", locale, anyOf(districtNames, locale)));
        }
        if (filter.getSted() != null) {
            sentence.append(' ').append(filter.getAfstand() == null
                    ? message("card.filter.near", locale, filter.getSted())
                    : message("card.filter.within", locale, filter.getAfstand(), filter.getSted()));
        }
        List<String> qualifiers = new ArrayList<>();
        qualify(qualifiers, filter.getUgedag(), day -> message("weekday.plural." + day, locale), locale);
        qualify(qualifiers, filter.getTidspunkt(), time -> message("timeOfDay." + time, locale), locale);
        qualify(qualifiers, filter.getStoette(), level -> message("supportLevel." + level, locale), locale);
        if (filter.isGratis()) {
            qualifiers.add(message("card.filter.free", locale));
        }
        if (filter.isKoerestol()) {
            qualifiers.add(message("card.filter.wheelchair", locale));
        }
        if (filter.isKoersel()) {
            qualifiers.add(message("card.filter.transport", locale));
        }
        qualifiers.forEach(qualifier -> sentence.append(", ").append(qualifier));
        return sentence.toString();
    }

    private static boolean narrowed(SearchForm filter) {
        return filter.getQ() != null || filter.getSted() != null || !filter.getKategori().isEmpty()
                || !filter.getMaalgruppe().isEmpty() || !filter.getBydel().isEmpty() || !filter.getUgedag().isEmpty()
                || !filter.getTidspunkt().isEmpty() || !filter.getStoette().isEmpty() || filter.isGratis()
                || filter.isKoerestol() || filter.isKoersel();
    }

    private void qualify(List<String> qualifiers, List<String> values, Function<String, String> name, Locale locale) {
        if (!values.isEmpty()) {
            qualifiers.add(anyOf(values.stream().map(name).map(CommunityCards::lowerFirst).toList(), locale));
        }
    }

    /** "a, b eller c". */
    private String anyOf(List<String> names, Locale locale) {
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " " + message("card.filter.or", locale) + " "
                + names.getLast();
    }

    private List<TaxonomyTerm> known(String taxonomyName, Collection<String> codes) {
        return codes.stream().sorted().map(code -> taxonomy.byCode(taxonomyName, code)).flatMap(Optional::stream)
                .toList();
    }

    private List<String> lowered(List<TaxonomyTerm> terms, Locale locale) {
        return terms.stream().map(term -> taxonomy.name(term, locale)).map(CommunityCards::lowerFirst).toList();
    }

    /** "Seniorer 65+" reads "seniorer 65+" inside a sentence; abbreviations such as "ØST" stay as they are. */
    static String lowerFirst(String name) {
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isLowerCase(name.charAt(1))) {
            return Character.toLowerCase(name.charAt(0)) + name.substring(1);
        }
        return name;
    }

    private static ArrayList<String> codes(List<TaxonomyTerm> terms) {
        return new ArrayList<>(terms.stream().map(TaxonomyTerm::code).toList());
    }

    private static <E extends Enum<E>> ArrayList<String> names(Collection<E> values) {
        return new ArrayList<>(values.stream().sorted().map(Enum::name).toList());
    }

    private static @Nullable String shorten(@Nullable String text) {
        if (text == null) {
            return null;
        }
        return text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH).strip() : text;
    }

    private static String kilometres(double km) {
        return km == Math.rint(km) ? Long.toString((long) km) : Double.toString(km);
    }

    private String message(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
