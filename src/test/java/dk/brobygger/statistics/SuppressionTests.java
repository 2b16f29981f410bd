package dk.brobygger.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DOMAIN.md §11 on one table: small counts hidden, and never one hidden count alone in a column with a total. */
class SuppressionTests {

    @Test
    void aLoneSmallCountTakesTheSmallestOtherCountOfItsColumnWithIt() {
        long[][] counts = {{6, 6}, {1, 0}, {8, 8}};
        var hidden = Suppression.hidden(counts, Suppression.sum(counts));
        assertThat(Suppression.shown(counts, hidden)).containsExactly(
                java.util.List.of("–", "6"), java.util.List.of("<5", "0"), java.util.List.of("8", "8"));
    }

    @Test
    void twoSmallCountsInAColumnProtectEachOtherAndZerosStayShown() {
        long[][] counts = {{2}, {3}, {9}, {0}};
        var hidden = Suppression.hidden(counts, Suppression.sum(counts));
        assertThat(Suppression.shown(counts, hidden)).containsExactly(
                java.util.List.of("<5"), java.util.List.of("<5"), java.util.List.of("9"), java.util.List.of("0"));
    }
}
