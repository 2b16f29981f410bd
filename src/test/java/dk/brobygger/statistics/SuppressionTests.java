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

    @Test
    void aSmallCountInOneTableTakesAPartOfAnotherTableWithItWhenBothShareATotal() {
        // 0: all 10, 1: young 2, 2: adults 8 (all = young + adults); 3: by phone 8, 4: by e-mail 2 (all = phone + e-mail)
        long[] values = {10, 2, 8, 8, 2};
        boolean[] hidden = Suppression.hiddenInSums(values,
                java.util.List.of(new int[] {0, 1, 2}, new int[] {0, 3, 4}));
        assertThat(hidden).containsExactly(false, true, true, true, true);
    }

    @Test
    void aSmallTotalAndItsOnlyPartAreBothHiddenAndAHiddenPartThatIsAlsoATotalElsewhereCarriesOn() {
        // A small total (3) whose one non-zero part (3) is small too: both hidden, the zero stays shown.
        long[] values = {3, 3, 0, 6, 6};
        boolean[] hidden = Suppression.hiddenInSums(values,
                java.util.List.of(new int[] {0, 1, 2}, new int[] {3, 4}));
        assertThat(hidden).containsExactly(true, true, false, false, false);
        long[] chained = {9, 4, 5, 5, 5, 0};
        // 9 = 4 + 5; and the 5 is itself the total of 5 + 0 in another table: hiding it there leaves 5 + 0 with one
        // hidden, so the other table's part goes too.
        boolean[] chainedHidden = Suppression.hiddenInSums(chained,
                java.util.List.of(new int[] {0, 1, 2}, new int[] {2, 4, 5}));
        assertThat(chainedHidden).containsExactly(false, true, true, false, true, false);
    }
}
