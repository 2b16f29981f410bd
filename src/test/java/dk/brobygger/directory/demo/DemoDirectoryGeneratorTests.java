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

        assertThat(DemoDirectoryGenerator.generate(7, 100_000, TODAY).offers()).hasSize(100_000);
    }

    @Test
    void someOffersHaveGoneStaleSoTheEditorsHaveSomethingToConfirm() {
        var offers = DemoDirectoryGenerator.generate(DemoData.SEED, 320, TODAY).offers();
        assertThat(offers).anyMatch(o -> o.assuredDate().isBefore(TODAY.minusMonths(6)));
        assertThat(offers).anyMatch(o -> o.assuredDate().isAfter(TODAY.minusMonths(1)));
    }
}
