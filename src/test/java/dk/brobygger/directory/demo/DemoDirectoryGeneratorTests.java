package dk.brobygger.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import dk.brobygger.directory.offer.OrganizationKind;

import org.junit.jupiter.api.Test;

/** The demo municipality is realistic, covers what the seeds name, and is the same every time. */
class DemoDirectoryGeneratorTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void theDemoMunicipalityHasAtLeast300OffersFrom80Organisations() {
        var municipality = DemoDirectoryGenerator.generate(DemoData.SEED, 320, TODAY);

        assertThat(municipality.offers()).hasSize(320);
        assertThat(municipality.organizations()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(municipality.organizations().stream().map(o -> o.kind()).collect(Collectors.toSet()))
                .containsAll(Set.of(OrganizationKind.values()));
    }

    @Test
    void itCoversTheKindsOfOfferTheSeedsName() {
        var names = DemoDirectoryGenerator.generate(DemoData.SEED, 320, TODAY).offers().stream()
                .map(o -> o.name()).collect(Collectors.joining("\n"));
        for (String kind : new String[] {"Læsekreds på biblioteket", "Besøgsven", "Ældres aften", "Pensionisthøjskolen",
                "Åben aktivitet", "Ungerådgivningen", "Skole for Recovery", "Peergruppe", "Netværksgruppe for pårørende",
                "Akuttelefonen", "Akutpladser", "Fællesspisning", "Strikkeklubben"}) {
            assertThat(names).contains(kind);
        }
    }

    @Test
    void everyPlaceLiesInDistrictOestOrVestNearFjordlund() {
        var municipality = DemoDirectoryGenerator.generate(DemoData.SEED, 320, TODAY);
        assertThat(municipality.locations()).allSatisfy(location -> {
            assertThat(location.postcode().district()).isIn("ØST", "VEST");
            assertThat(location.latitude()).isBetween(55.6, 55.8);
            assertThat(location.longitude()).isBetween(9.3, 9.7);
        });
        assertThat(municipality.locations().stream().map(l -> l.postcode().district()).distinct()).hasSize(2);
    }

    @Test
    void theSameSeedGivesTheSameMunicipalityAndScalesToTheBenchmark() {
        var once = DemoDirectoryGenerator.generate(7, 500, TODAY);
        var again = DemoDirectoryGenerator.generate(7, 500, TODAY);
        assertThat(again.offers()).isEqualTo(once.offers());
        assertThat(again.organizations()).isEqualTo(once.organizations());
        assertThat(again.locations()).isEqualTo(once.locations());

        assertThat(DemoDirectoryGenerator.generate(7, 100_000, TODAY).offers()).hasSize(100_000);
    }

    @Test
    void someOffersHaveGoneStaleSoTheEditorsHaveSomethingToConfirm() {
        var offers = DemoDirectoryGenerator.generate(DemoData.SEED, 320, TODAY).offers();
        assertThat(offers).anyMatch(o -> o.assuredDate().isBefore(TODAY.minusMonths(6)));
        assertThat(offers).anyMatch(o -> o.assuredDate().isAfter(TODAY.minusMonths(1)));
    }

    @Test
    void everyOrganisationHasANameOfItsOwnWithoutACopyNumber() {
        for (int size : new int[] {320, 100_000}) {
            var organizations = DemoDirectoryGenerator.generate(DemoData.SEED, size, TODAY).organizations();
            var names = organizations.stream().map(o -> o.name()).toList();
            assertThat(names).doesNotHaveDuplicates();
            assertThat(names).noneMatch(name -> name.matches(".*\\s\\d+$"));
            assertThat(organizations.stream().map(o -> o.description()).distinct().count())
                    .isGreaterThan(organizations.size() / 20);
        }
        var demo = DemoDirectoryGenerator.generate(DemoData.SEED, 320, TODAY).organizations().stream()
                .map(o -> o.name()).toList();
        assertThat(demo).contains("Røde Kors Fjordlund", "Røde Kors Strandby", "Ældre Sagen Strandby",
                DemoData.ASSOCIATION_EDITORS_ORGANIZATION);
    }

    @Test
    void offersOfTheSameKindHaveVariedNamesAndDescriptionsWrittenForTheirKind() {
        var offers = DemoDirectoryGenerator.generate(DemoData.SEED, 320, TODAY).offers();
        var walks = offers.stream().filter(o -> o.categoryCodes().contains("motion")
                && o.description().matches("(?s).*\\b(går|gåtur|Turen)\\b.*")).toList();
        assertThat(walks).hasSizeGreaterThanOrEqualTo(8);
        assertThat(walks.stream().map(o -> o.name()).distinct().count()).isGreaterThanOrEqualTo(4);
        assertThat(walks.stream().map(o -> o.description()).distinct().count()).isGreaterThan(walks.size() * 3 / 4);

        var sameText = offers.stream().collect(Collectors.groupingBy(o -> o.description(), Collectors.counting()));
        assertThat(sameText.values().stream().mapToLong(Long::longValue).max().orElseThrow()).isLessThanOrEqualTo(4);
        // A crisis line keeps its own plain words.
        assertThat(offers).filteredOn(o -> o.categoryCodes().contains("akut"))
                .allSatisfy(o -> assertThat(o.description()).doesNotContain("Kaffen er klar", "Nye er altid velkomne"));
    }
}
