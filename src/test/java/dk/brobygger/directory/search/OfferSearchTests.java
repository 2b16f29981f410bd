package dk.brobygger.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Set;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SearchResult;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.TestDirectory;
import dk.brobygger.directory.TimeOfDay;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a citizen finds in the community portal, and in which order. */
@BrobyggerTest
class OfferSearchTests {

    @Autowired TestDirectory directory;
    @Autowired OfferSearch search;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void municipality() {
        directory.reset();
        var library = directory.organization("Fjordlund Bibliotek");
        var centrum = directory.location(library, "Vestergade 10", "7100", "VEST", 55.7090, 9.5360, true);
        var redCross = directory.organization("Røde Kors Fjordlund");
        var harbour = directory.location(redCross, "Havnegade 3", "7130", "ØST", 55.7300, 9.6200, false);

        directory.offer(centrum, "Strikkeklubben").category("kreativ").targetGroup("seniorer")
                .description("Vi strikker, drikker kaffe og hygger os.").save();
        directory.offer(harbour, "Besøgsven hos Røde Kors").category("besoeg").targetGroup("ensomme")
                .supportLevel(SupportLevel.ACCOMPANIED).accompaniment().transport()
                .meets(DayOfWeek.THURSDAY, 18, 20).description("En frivillig besøgsven kommer hjem til dig.").save();
        directory.offer(harbour, "Gåture langs fjorden").category("motion").targetGroup("seniorer").paid()
                .meets(DayOfWeek.SATURDAY, 14, 16).description("Vi går en tur sammen hver lørdag.").save();
        directory.offer(centrum, "Lukket læsekreds").status(OfferStatus.INACTIVE).category("kultur").save();
    }

    @Test
    void aWordFindsOffersWhoseNamesBeginWithIt() {
        assertThat(names(search.search(OfferQuery.text("strik")))).containsExactly("Strikkeklubben");
    }

    @Test
    void danishStemmingFindsOtherFormsOfTheWord() {
        assertThat(names(search.search(OfferQuery.text("besøgsvenner")))).containsExactly("Besøgsven hos Røde Kors");
        assertThat(names(search.search(OfferQuery.text("gåtur")))).containsExactly("Gåture langs fjorden");
    }

    @Test
    void aTypingErrorStillFindsTheOffer() {
        assertThat(names(search.search(OfferQuery.text("strikeklubben")))).containsExactly("Strikkeklubben");
        assertThat(names(search.search(OfferQuery.text("besøgsvn")))).contains("Besøgsven hos Røde Kors");
    }

    @Test
    void aMatchInTheNameRanksAboveAMatchInTheDescription() {
        var library = directory.organization("Aftenskolen");
        var school = directory.location(library, "Skolevej 1", "7100", "VEST", 55.71, 9.53, true);
        directory.offer(school, "Kaffe og kage").description("Her strikker nogle af os også.").save();

        assertThat(names(search.search(OfferQuery.text("strikker")))).first().isEqualTo("Strikkeklubben");
    }

    @Test
    void inactiveOffersAreNeverShownToThePublic() {
        assertThat(names(search.search(OfferQuery.text("læsekreds")))).isEmpty();
        assertThat(search.search(OfferQuery.all(20)).total()).isEqualTo(3);
    }

    @Test
    void anyTextIsSafeToSearchFor() {
        for (String text : List.of("\"strik", "strik AND OR NOT (", "'; DROP TABLE offer; --", "*:*", "~~~", "😀🧶",
                "a".repeat(2_000), "\\", "title:[a TO z]", "og i for")) {
            SearchResult result = search.search(OfferQuery.text(text));
            assertThat(result.hits()).isNotNull();
        }
        assertThat(names(search.search(OfferQuery.text("strik 😀")))).containsExactly("Strikkeklubben");
    }

    @Test
    void filtersNarrowTheResultAndFacetsCountEachChoice() {
        var query = new OfferQuery(null, Set.of("motion"), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false,
                false, false, null, null, OfferQuery.Sort.NAME, 1, 20);
        SearchResult result = search.search(query);

        assertThat(names(result)).containsExactly("Gåture langs fjorden");
        // Counted as if the category filter were not set, so the citizen sees what else there is.
        assertThat(result.count("kategori", "kreativ")).isEqualTo(1);
        assertThat(result.count("kategori", "motion")).isEqualTo(1);
        assertThat(result.count("bydel", "ØST")).isEqualTo(1);
    }

    @Test
    void eachFilterSelectsWhatItSays() {
        assertThat(names(search.search(filter(q -> q.districts("ØST"))))).containsExactlyInAnyOrder(
                "Besøgsven hos Røde Kors", "Gåture langs fjorden");
        assertThat(names(search.search(filter(q -> q.targetGroups("seniorer"))))).containsExactlyInAnyOrder(
                "Strikkeklubben", "Gåture langs fjorden");
        assertThat(names(search.search(filter(q -> q.weekdays(DayOfWeek.THURSDAY)))))
                .containsExactly("Besøgsven hos Røde Kors");
        assertThat(names(search.search(filter(q -> q.timesOfDay(TimeOfDay.EVENING)))))
                .containsExactly("Besøgsven hos Røde Kors");
        assertThat(names(search.search(filter(q -> q.supportLevels(SupportLevel.ACCOMPANIED)))))
                .containsExactly("Besøgsven hos Røde Kors");
        assertThat(names(search.search(filter(q -> q.free())))).doesNotContain("Gåture langs fjorden");
        assertThat(names(search.search(filter(q -> q.wheelchair())))).containsExactly("Strikkeklubben");
        assertThat(names(search.search(filter(q -> q.transport())))).containsExactly("Besøgsven hos Røde Kors");
    }

    @Test
    void nearestOffersComeFirstFromAPostcode() {
        var query = new QueryBuilder().origin("7130").sort(OfferQuery.Sort.DISTANCE).build();
        SearchResult result = search.search(query);

        assertThat(result.origin()).isNotNull();
        assertThat(result.hits().getFirst().district()).isEqualTo("ØST");
        assertThat(result.hits().getFirst().distanceKm()).isLessThan(0.1);
        assertThat(result.hits().getLast().name()).isEqualTo("Strikkeklubben");
        assertThat(result.hits().getLast().distanceKm()).isGreaterThan(4);
    }

    @Test
    void aStreetNameWorksAsAPlaceAndDistanceLimitsTheResult() {
        var query = new QueryBuilder().origin("Vestergade 3").maxDistance(1.0).build();
        assertThat(names(search.search(query))).containsExactly("Strikkeklubben");
    }

    @Test
    void anUnknownPlaceIsReportedNotFailed() {
        SearchResult result = search.search(new QueryBuilder().origin("Atlantis 99").build());
        assertThat(result.originNotFound()).isTrue();
        assertThat(result.total()).isEqualTo(3);
    }

    @Test
    void aSavedChangeIsSearchableAtOnce() {
        var organization = directory.organization("Fjordlund Mandeklub");
        var shed = directory.location(organization, "Møllevej 2", "7100", "VEST", 55.70, 9.50, false);
        directory.offer(shed, "Mændenes værksted").targetGroup("maend").save();

        assertThat(names(search.search(OfferQuery.text("værksted")))).containsExactly("Mændenes værksted");
    }

    @Test
    void facetCountsFollowAChangeAtOnce() {
        var everything = OfferQuery.all(20);
        assertThat(search.search(everything).count("kategori", "motion")).isEqualTo(1);

        var club = directory.organization("Fjordlund Motionsklub");
        var hall = directory.location(club, "Skolevej 4", "7100", "VEST", 55.71, 9.53, true);
        directory.offer(hall, "Stolegymnastik").category("motion").save();

        assertThat(search.search(everything).count("kategori", "motion")).isEqualTo(2);
    }

    @Test
    void theTotalAndTheHitsOfARepeatedSearchFollowAChangeAtOnce() {
        var seniors = new QueryBuilder().targetGroups("seniorer").sort(OfferQuery.Sort.NAME).build();
        assertThat(search.search(seniors).total()).isEqualTo(2);
        assertThat(search.search(seniors).total()).isEqualTo(2); // the second time from the counts kept

        var club = directory.organization("Ældre Sagen Fjordlund");
        var hall = directory.location(club, "Skolevej 4", "7100", "VEST", 55.71, 9.53, true);
        directory.offer(hall, "Aftenhygge").targetGroup("seniorer").meets(DayOfWeek.MONDAY, 19, 21).save();

        var after = search.search(seniors);
        assertThat(after.total()).isEqualTo(3);
        assertThat(names(after)).containsExactly("Aftenhygge", "Gåture langs fjorden", "Strikkeklubben");
        assertThat(after.hits().getFirst().schedules()).extracting(s -> s.weekday()).containsExactly(DayOfWeek.MONDAY);
    }

    @Test
    void aPostcodeFoundOnceIsFoundAgainAndAnUnknownOneIsNotRemembered() {
        var near = new QueryBuilder().origin("7100").maxDistance(2.0).build();
        assertThat(search.search(near).origin()).isNotNull();
        assertThat(search.search(near).origin().label()).isEqualTo("7100 Fjordlund C");

        var unknown = new QueryBuilder().origin("7190").build();
        assertThat(search.search(unknown).originNotFound()).isTrue();
        jdbc.sql("INSERT INTO postcode (code, name, latitude, longitude) VALUES ('7190', 'Nyby', 55.70, 9.50)")
                .update();
        assertThat(search.search(unknown).originNotFound()).isFalse();
    }

    @Test
    void hitsCarryWhatTheResultListShows() {
        var hit = search.search(OfferQuery.text("besøgsven")).hits().getFirst();
        assertThat(hit.name()).isEqualTo("Besøgsven hos Røde Kors");
        assertThat(hit.organizationName()).isEqualTo("Røde Kors Fjordlund");
        assertThat(hit.address()).isEqualTo("Havnegade 3");
        assertThat(hit.postalCode()).isEqualTo("7130");
        assertThat(hit.district()).isEqualTo("ØST");
        assertThat(hit.supportLevel()).isEqualTo(SupportLevel.ACCOMPANIED);
        assertThat(hit.status()).isEqualTo(OfferStatus.ACTIVE);
        assertThat(hit.accompaniment()).isTrue();
        assertThat(hit.transportOffered()).isTrue();
        assertThat(hit.wheelchairAccess()).isFalse();
        assertThat(hit.summary()).isEqualTo("En frivillig besøgsven kommer hjem til dig.");
        assertThat(hit.schedules()).singleElement().satisfies(s -> {
            assertThat(s.weekday()).isEqualTo(DayOfWeek.THURSDAY);
            assertThat(s.opensAt()).isEqualTo(java.time.LocalTime.of(18, 0));
            assertThat(s.closesAt()).isEqualTo(java.time.LocalTime.of(20, 0));
        });
        assertThat(hit.distanceKm()).isNull();
    }

    @Test
    void resultsArePaged() {
        var first = search.search(new QueryBuilder().sort(OfferQuery.Sort.NAME).pageSize(2).build());
        var second = search.search(new QueryBuilder().sort(OfferQuery.Sort.NAME).pageSize(2).page(2).build());

        assertThat(first.pages()).isEqualTo(2);
        assertThat(names(first)).containsExactly("Besøgsven hos Røde Kors", "Gåture langs fjorden");
        assertThat(names(second)).containsExactly("Strikkeklubben");
    }

    private static List<String> names(SearchResult result) {
        return result.hits().stream().map(OfferHit::name).toList();
    }

    private static OfferQuery filter(java.util.function.Consumer<QueryBuilder> filter) {
        var builder = new QueryBuilder();
        filter.accept(builder);
        return builder.build();
    }

    /** Builds queries for the tests, one filter at a time. */
    static final class QueryBuilder {
        private Set<String> categories = Set.of();
        private Set<String> targetGroups = Set.of();
        private Set<String> districts = Set.of();
        private Set<DayOfWeek> weekdays = Set.of();
        private Set<TimeOfDay> times = Set.of();
        private Set<SupportLevel> levels = Set.of();
        private boolean free;
        private boolean wheelchair;
        private boolean transport;
        private String origin;
        private Double maxDistance;
        private OfferQuery.Sort sort = OfferQuery.Sort.RELEVANCE;
        private int page = 1;
        private int pageSize = 20;

        QueryBuilder districts(String... values) { districts = Set.of(values); return this; }
        QueryBuilder targetGroups(String... values) { targetGroups = Set.of(values); return this; }
        QueryBuilder weekdays(DayOfWeek... values) { weekdays = Set.of(values); return this; }
        QueryBuilder timesOfDay(TimeOfDay... values) { times = Set.of(values); return this; }
        QueryBuilder supportLevels(SupportLevel... values) { levels = Set.of(values); return this; }
        QueryBuilder free() { free = true; return this; }
        QueryBuilder wheelchair() { wheelchair = true; return this; }
        QueryBuilder transport() { transport = true; return this; }
        QueryBuilder origin(String value) { origin = value; return this; }
        QueryBuilder maxDistance(double km) { maxDistance = km; return this; }
        QueryBuilder sort(OfferQuery.Sort value) { sort = value; return this; }
        QueryBuilder page(int value) { page = value; return this; }
        QueryBuilder pageSize(int value) { pageSize = value; return this; }

        OfferQuery build() {
            return new OfferQuery(null, categories, targetGroups, districts, weekdays, times, levels, free,
                    wheelchair, transport, origin, maxDistance, sort, page, pageSize);
        }
    }
}
