package dk.brobygger.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a spreadsheet would run as a formula goes out as text; everything else as it is. */
class SpreadsheetTextTests {

    @Test
    void aValueThatStartsLikeAFormulaBecomesText() {
        assertThat(SpreadsheetText.of("=HYPERLINK(\"http://ondt.example\")")).isEqualTo("'=HYPERLINK(\"http://ondt.example\")");
        assertThat(SpreadsheetText.of("+45 12 34 56 78")).isEqualTo("'+45 12 34 56 78");
        assertThat(SpreadsheetText.of("-1+2")).isEqualTo("'-1+2");
        assertThat(SpreadsheetText.of("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
        assertThat(SpreadsheetText.of("\t=1")).isEqualTo("'\t=1");
    }

    @Test
    void numbersAndPlainTextStayAsTheyAre() {
        assertThat(SpreadsheetText.of("-5")).isEqualTo("-5");
        assertThat(SpreadsheetText.of("42")).isEqualTo("42");
        assertThat(SpreadsheetText.of("Hanne Hjemmebesøg")).isEqualTo("Hanne Hjemmebesøg");
        assertThat(SpreadsheetText.of("")).isEmpty();
        assertThat(SpreadsheetText.of(null)).isNull();
    }
}
