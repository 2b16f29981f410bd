package dk.brobygger.directory.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Demo offers were last changed on dates spread over the past months, so "changed since" can be tried. */
class DemoChangeDatesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-11-22T12:00:00Z"));

    @Test
    void demoOffersWereChangedOverThePastMonthsNeverInTheFuture() {
        List<Timestamp> changes = changes(DemoData.SEED);
        assertThat(changes).allSatisfy(changed -> assertThat(changed).isBeforeOrEqualTo(NOW));
        assertThat(changes.stream().map(t -> YearMonth.from(t.toInstant().atZone(ZoneOffset.UTC))).distinct().count())
                .isGreaterThanOrEqualTo(6);
        assertThat(changes.stream().distinct().count()).as("hardly two at the same minute").isGreaterThan(changes.size() * 9L / 10);
        Instant monthAgo = NOW.toInstant().minusSeconds(30L * 24 * 3600);
        long lastMonth = changes.stream().filter(t -> t.toInstant().isAfter(monthAgo)).count();
        assertThat(lastMonth).as("some, not all, changed in the last month").isBetween(1L, changes.size() - 1L);
    }

    @Test
    void theSameSeedGivesTheSameDates() {
        assertThat(changes(DemoData.SEED)).isEqualTo(changes(DemoData.SEED));
    }

    @Test
    void anOfferIsNotChangedAfterItWasLastConfirmed() {
        var offers = DemoDirectoryGenerator.generate(DemoData.SEED, 320, TODAY).offers();
        assertThat(offers).allSatisfy(offer -> assertThat(DemoDirectoryWriter.lastChanged(offer, NOW).toInstant())
                .isBefore(offer.assuredDate().plusDays(1).atStartOfDay(ZoneOffset.ofHours(2)).toInstant()));
    }

    private static List<Timestamp> changes(long seed) {
        return DemoDirectoryGenerator.generate(seed, 320, TODAY).offers().stream()
                .map(offer -> DemoDirectoryWriter.lastChanged(offer, NOW)).toList();
    }
}
