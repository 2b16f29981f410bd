package dk.brobygger.directory.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.SearchResult;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TimeOfDay;
import dk.brobygger.directory.offer.Taxonomy;
import dk.brobygger.directory.offer.TaxonomyTerm;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The filters beside the search results, as one list of fieldsets with their checkboxes, so the
 * page renders every filter the same way (label, count, checked state).
 */
@Component
class SearchFilters {

    /** One fieldset: a legend and its checkboxes. */
    record Filter(String legend, List<Choice> choices) {
    }

    /**
     * One checkbox: the request parameter it sets, its value, its label, and the facet dimension
     * whose count is shown beside it.
     */
    record Choice(String id, String parameter, String value, String label, String dimension, boolean checked) {
    }

    private final Taxonomy taxonomy;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    SearchFilters(Taxonomy taxonomy, JdbcClient jdbc, MessageSource messages) {
        this.taxonomy = taxonomy;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    List<Filter> of(SearchForm form, Locale locale) {
        List<Filter> filters = new ArrayList<>();
        filters.add(filter("facet.kategori", locale, terms("kategori", OfferSearch.CATEGORY, taxonomy.categories(),
                form.getKategori(), locale)));
        filters.add(filter("facet.maalgruppe", locale, terms("maalgruppe", OfferSearch.TARGET_GROUP,
                taxonomy.targetGroups(), form.getMaalgruppe(), locale)));
        List<Choice> districts = new ArrayList<>();
        for (String[] district : jdbc.sql("SELECT code, name FROM district ORDER BY name")
                .query((rs, n) -> new String[] {rs.getString("code"), rs.getString("name")}).list()) {
            districts.add(choice("bydel", districts.size(), district[0], district[1], OfferSearch.DISTRICT,
                    form.getBydel().contains(district[0])));
        }
        filters.add(filter("facet.bydel", locale, districts));
        List<Choice> levels = new ArrayList<>();
        for (SupportLevel level : SupportLevel.values()) {
            levels.add(choice("stoette", levels.size(), level.name(), text(level.messageKey(), locale),
                    OfferSearch.SUPPORT_LEVEL, form.getStoette().contains(level.name())));
        }
        filters.add(filter("facet.stoette", locale, levels));
        List<Choice> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            days.add(choice("ugedag", days.size(), day.name(), text("weekday." + day, locale), OfferSearch.WEEKDAY,
                    form.getUgedag().contains(day.name())));
        }
        filters.add(filter("facet.ugedag", locale, days));
        List<Choice> times = new ArrayList<>();
        for (TimeOfDay time : TimeOfDay.values()) {
            times.add(choice("tidspunkt", times.size(), time.name(), text("timeOfDay." + time, locale),
                    OfferSearch.TIME_OF_DAY, form.getTidspunkt().contains(time.name())));
        }
        filters.add(filter("facet.tidspunkt", locale, times));
        filters.add(filter("facet.practical", locale, List.of(
                choice("gratis", 0, "true", text("facet.gratis", locale), OfferSearch.FREE, form.isGratis()),
                choice("koerestol", 0, "true", text("facet.koerestol", locale), OfferSearch.WHEELCHAIR,
                        form.isKoerestol()),
                choice("koersel", 0, "true", text("facet.koersel", locale), OfferSearch.TRANSPORT, form.isKoersel()))));
        return filters;
    }

    /**
     * The filters worth showing on an empty result: a choice that was made (so it can be undone)
     * or that would give offers. A list of every choice with "(0)" helps nobody.
     */
    static List<Filter> givingOffers(List<Filter> filters, SearchResult result) {
        List<Filter> useful = new ArrayList<>();
        for (Filter filter : filters) {
            List<Choice> choices = filter.choices().stream()
                    .filter(choice -> choice.checked() || result.count(choice.dimension(), choice.value()) > 0)
                    .toList();
            if (!choices.isEmpty()) {
                useful.add(new Filter(filter.legend(), choices));
            }
        }
        return useful;
    }

    private List<Choice> terms(String parameter, String dimension, List<TaxonomyTerm> terms, List<String> selected,
            Locale locale) {
        List<Choice> choices = new ArrayList<>();
        for (TaxonomyTerm term : terms) {
            choices.add(choice(parameter, choices.size(), term.code(), taxonomy.name(term, locale), dimension,
                    selected.contains(term.code())));
        }
        return choices;
    }

    private static Choice choice(String parameter, int index, String value, String label, String dimension,
            boolean checked) {
        return new Choice(parameter + "-" + index, parameter, value, label, dimension, checked);
    }

    private Filter filter(String legendKey, Locale locale, List<Choice> choices) {
        return new Filter(text(legendKey, locale), choices);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
