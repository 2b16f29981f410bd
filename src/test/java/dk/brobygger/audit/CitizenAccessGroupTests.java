package dk.brobygger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dk.brobygger.access.Role;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The citizen's access report tells repeated reads of the same kind once, with how many times. */
class CitizenAccessGroupTests {

    private static final Instant TEN = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void elevenReadsInFourMinutesByTheSameNurseAreOneLineWithACount() {
        List<CitizenAccess> newestFirst = new ArrayList<>();
        newestFirst.add(read("Hanne Hjemmebesøg", TEN.plusSeconds(60 * 45), "Forebyggende hjemmebesøg"));
        for (int second = 240; second >= 0; second -= 24) {
            newestFirst.add(read("Hanne Hjemmebesøg", TEN.plusSeconds(second), "Forebyggende hjemmebesøg"));
            if (second == 120) {
                newestFirst.add(read("Lise Leder", TEN.plusSeconds(second), "Forebyggende hjemmebesøg"));
            }
        }

        var lines = CitizenAccessGroup.of(newestFirst, CitizenAccessGroup.WINDOW);

        assertThat(lines).extracting(CitizenAccessGroup::count).containsExactly(1, 11, 1);
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/audit");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        assertThat(lines.get(1).sentence(messages, Locale.forLanguageTag("da")))
                .isEqualTo("Hanne Hjemmebesøg (medarbejder, Forebyggende hjemmebesøg) så dine oplysninger den"
                        + " 3. december 2026 kl. 10:00–10:04 (11 gange). Formål: Forebyggende hjemmebesøg");
        assertThat(lines.get(0).sentence(messages, Locale.forLanguageTag("da"))).doesNotContain("gange");
    }

    @Test
    void aDifferentPurposeOrAReadLongAfterIsItsOwnLine() {
        var lines = CitizenAccessGroup.of(List.of(
                read("Hanne Hjemmebesøg", TEN.plusSeconds(60 * 20), "Forebyggende hjemmebesøg"),
                read("Hanne Hjemmebesøg", TEN.plusSeconds(60), "Opfølgende opkald"),
                read("Hanne Hjemmebesøg", TEN, "Forebyggende hjemmebesøg")), CitizenAccessGroup.WINDOW);

        assertThat(lines).extracting(CitizenAccessGroup::count).containsExactly(1, 1, 1);
    }

    private static CitizenAccess read(String who, Instant at, String purpose) {
        return new CitizenAccess(at, who, Role.STAFF, "Forebyggende hjemmebesøg", AuditAction.READ, purpose);
    }
}
