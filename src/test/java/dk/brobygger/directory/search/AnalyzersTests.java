package dk.brobygger.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the directory reads a Danish word, the same for offers and for what a citizen types. */
class AnalyzersTests {

    @Test
    void aNounInNingAlsoGivesItsVerb() {
        assertThat(Analyzers.stems("strikning")).first().isEqualTo("strikning");
        assertThat(Analyzers.stems("strikning")).contains("strik");
        assertThat(Analyzers.stems("strikke")).containsExactly("strik");
        assertThat(Analyzers.stems("spisningen")).contains("spis");
    }

    @Test
    void aaAeAndOeAreReadAsTheDanishLetters() {
        assertThat(Analyzers.stems("gaatur")).isEqualTo(Analyzers.stems("gåtur"));
        assertThat(Analyzers.stems("faellesspisning")).isEqualTo(Analyzers.stems("fællesspisning"));
        assertThat(Analyzers.stems("besoegsven")).isEqualTo(Analyzers.stems("besøgsven"));
        assertThat(Analyzers.tokens(Analyzers.PLAIN, "Gaature BESOEG")).containsExactly("gåture", "besøg");
        assertThat(Analyzers.stems("paa")).isEmpty(); // "på", a stop word
    }

    @Test
    void theLastPartOfACompoundIsAWordOfItsOwnButNotEveryWordEndingInOne() {
        assertThat(Analyzers.stems("fællessang")).containsExactly("fællessang", "sang");
        assertThat(Analyzers.stems("strikkeklubben")).contains("klub");
        assertThat(Analyzers.stems("natur")).containsExactly("natur");
        assertThat(Analyzers.stems("omsorg")).containsExactly("omsorg");
        assertThat(Analyzers.stems("havet")).containsExactly("hav");
        assertThat(Analyzers.stems("sang")).containsExactly("sang");
    }
}
