package dk.brobygger.citizen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.function.Predicate;

import dk.brobygger.citizen.DemoCitizenGenerator.GeneratedCitizen;
import dk.brobygger.shared.CprNumber;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Demo citizens look like a Danish municipality: the age pyramid, who lives alone, who in a care home. */
class CitizenDemoGeneratorTests {

    static final LocalDate TODAY = LocalDate.of(2026, 5, 1);
    static List<GeneratedCitizen> citizens;

    @BeforeAll
    static void generateFiftyThousand() {
        citizens = DemoCitizenGenerator.generate(42, 50_000, TODAY);
    }

    @Test
    void theAgePyramidFollowsTheDanishSharesByTenYearBand() {
        for (var band : DemoCitizenGenerator.AGE_PYRAMID) {
            assertThat(share(c -> age(c) >= band.from() && age(c) <= band.to()))
                    .as("%d–%d", band.from(), band.to()).isCloseTo(band.share(), within(0.01));
        }
        assertThat(share(c -> age(c) >= 65)).isBetween(0.19, 0.23);
        assertThat(share(c -> age(c) >= 80)).isBetween(0.05, 0.065);
        assertThat(citizens.stream().filter(c -> age(c) >= 90).count()).isGreaterThan(300);
    }

    @Test
    void livingAloneIsCommonerAmongTheOldAndCareHomesAreMostlyForThoseOver85() {
        double aloneMiddleAged = share(c -> age(c) >= 30 && age(c) < 65, c -> c.livingSituation() == LivingSituation.ALONE);
        double aloneOver80 = share(c -> age(c) >= 80, c -> c.livingSituation() == LivingSituation.ALONE);
        assertThat(aloneMiddleAged).isBetween(0.18, 0.26);
        assertThat(aloneOver80).isBetween(0.45, 0.60);

        var careHome = citizens.stream().filter(c -> c.livingSituation() == LivingSituation.CARE_HOME).toList();
        assertThat(careHome).isNotEmpty().allSatisfy(c -> assertThat(age(c)).isGreaterThanOrEqualTo(65));
        assertThat((double) careHome.stream().filter(c -> age(c) >= 85).count() / careHome.size()).isGreaterThan(0.6);
        assertThat(citizens).filteredOn(c -> age(c) < 18).allSatisfy(c -> assertThat(c.livingSituation()).isNull());
    }

    @Test
    void everyCprNumberIsValidUniqueSyntheticAndTellsTheCentury() {
        assertThat(new HashSet<>(citizens.stream().map(c -> c.cpr().value()).toList())).hasSize(citizens.size());
        assertThat(citizens).allSatisfy(c -> {
            assertThat(CprNumber.isValid(c.cpr().value())).isTrue();
            assertThat(c.cpr().birthDate()).isBefore(TODAY.plusDays(1)).isAfter(TODAY.minusYears(106));
            assertThat(c.cpr().birthDate()).isNotEqualTo(LocalDate.of(c.cpr().birthDate().getYear(), 1, 1));
            assertThat(modulus11(c.cpr().value())).as("fails modulus 11, so unlikely to be a real person").isNotZero();
        });
    }

    @Test
    void citizensLiveInBothDistrictsWithDanishNamesAndTheSameSeedGivesTheSameMunicipality() {
        assertThat(share(c -> "ØST".equals(c.district()))).isBetween(0.5, 0.6);
        assertThat(share(c -> "VEST".equals(c.district()))).isBetween(0.4, 0.5);
        assertThat(share(c -> c.name().endsWith("sen"))).isGreaterThan(0.5);
        assertThat(share(c -> age(c) >= 90, c -> c.cpr().sex() == CprNumber.Sex.FEMALE)).isGreaterThan(0.6);
        assertThat(DemoCitizenGenerator.generate(42, 100, TODAY)).isEqualTo(citizens.subList(0, 100));
    }

    @Test
    void everyFirstAndMiddleNameFitsTheSexTheCprNumberGives() {
        var women = names(DemoCitizenGenerator.WOMEN, DemoCitizenGenerator.WOMENS_MIDDLE_NAMES,
                DemoCitizenGenerator.ORIGINS.stream().map(DemoCitizenGenerator.Origin::women).toList());
        var men = names(DemoCitizenGenerator.MEN, DemoCitizenGenerator.MENS_MIDDLE_NAMES,
                DemoCitizenGenerator.ORIGINS.stream().map(DemoCitizenGenerator.Origin::men).toList());
        assertThat(citizens).allSatisfy(citizen -> {
            boolean female = citizen.cpr().sex() == CprNumber.Sex.FEMALE;
            String[] parts = citizen.name().split(" ");
            // Every name but the last is a first or middle name, and none belongs to the other sex.
            for (int i = 0; i < parts.length - 1; i++) {
                assertThat(female ? men : women).as(citizen.name() + ", " + citizen.cpr()).doesNotContain(parts[i]);
                assertThat(i == 0 ? (female ? women : men).contains(parts[i]) : true).as(citizen.name()).isTrue();
            }
        });
        assertThat(citizens).anyMatch(c -> c.name().split(" ").length == 3);
    }

    private static java.util.Set<String> names(List<List<String>> generations, List<String> middle,
            List<List<String>> newerDanes) {
        var names = new java.util.HashSet<String>(middle);
        generations.forEach(names::addAll);
        newerDanes.forEach(names::addAll);
        return names;
    }

    @Test
    void anOlderMunicipalityCanBeGeneratedFromItsOwnAgePyramid() {
        var older = List.of(new DemoCitizenGenerator.AgeBand(20, 64, 0.5), new DemoCitizenGenerator.AgeBand(65, 79, 0.4),
                new DemoCitizenGenerator.AgeBand(80, 89, 0.1));
        var generated = new java.util.ArrayList<GeneratedCitizen>();
        DemoCitizenGenerator.generate(42, 10_000, TODAY, older, generated::add);

        double over65 = (double) generated.stream().filter(c -> age(c) >= 65).count() / generated.size();
        assertThat(over65).isCloseTo(0.5, within(0.02));
        assertThat(generated).allSatisfy(c -> assertThat(age(c)).isBetween(20, 89));
    }

    private static int age(GeneratedCitizen citizen) {
        return citizen.cpr().ageOn(TODAY);
    }

    private static double share(Predicate<GeneratedCitizen> which) {
        return (double) citizens.stream().filter(which).count() / citizens.size();
    }

    private static double share(Predicate<GeneratedCitizen> among, Predicate<GeneratedCitizen> which) {
        var group = citizens.stream().filter(among).toList();
        return (double) group.stream().filter(which).count() / group.size();
    }

    private static int modulus11(String digits) {
        int[] weights = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }
}
