package dk.brobygger.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dk.brobygger.BrobyggerTest;
import dk.brobygger.directory.OfferHit;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.SearchResult;
import dk.brobygger.directory.TestDirectory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The portal finds what people type: the words from the issue "A working day in Brobygger"
 * ("strikning", "gaatur", the typo "strk") and other everyday Danish words, among offers like the
 * demo municipality's.
 */
@BrobyggerTest
class DanishWordsSearchTests {

    @Autowired TestDirectory directory;
    @Autowired OfferSearch search;

    @BeforeEach
    void municipality() {
        directory.reset();
        var library = directory.location(directory.organization("Fjordlund Hovedbibliotek"), "Vestergade 10", "7100",
                "VEST", 55.7090, 9.5360, true);
        var house = directory.location(directory.organization("Fjordlund Frivillighus"), "Havnegade 3", "7130", "ØST",
                55.7300, 9.6200, false);
        directory.offer(house, "Strikkeklubben Maske for Maske").category("kreativ")
                .description("Vi strikker, hækler og drikker kaffe. Tag dit eget garn med.").save();
        directory.offer(library, "Strikkecafé på biblioteket").category("kreativ")
                .description("Strik og snak blandt bøgerne. Biblioteket har garn og pinde.").save();
        directory.offer(house, "Gåture for alle").category("motion")
                .description("Vi mødes og går en tur på 3-5 km i roligt tempo.").save();
        directory.offer(house, "Peergruppe – fra sårbar til stærk").category("peer")
                .description("En gruppe ledet af peers med egne erfaringer. Vi støtter hinanden.").save();
        directory.offer(library, "Fællessang og kor").category("kultur")
                .description("Vi synger fra Højskolesangbogen. Ingen krav om at kunne noder.").save();
        directory.offer(house, "Fællesspisning i Frivillighuset").category("faellesspisning")
                .description("Frivillige laver aftensmad, og vi spiser sammen ved lange borde.").save();
        directory.offer(house, "Besøgsvenner").category("besoeg")
                .description("En frivillig besøgsven kommer hjem til dig en gang om ugen.").save();
        directory.offer(house, "Akuttelefonen").category("akut")
                .description("Ring døgnet rundt, hvis du er i psykisk krise. Du kan være anonym.").save();
    }

    @Test
    void strikningFindsTheKnittingOffers() {
        assertThat(names("strikning")).containsExactlyInAnyOrder("Strikkeklubben Maske for Maske",
                "Strikkecafé på biblioteket");
    }

    @Test
    void gaaturIsGaaturWrittenWithoutTheLetterAa() {
        assertThat(names("gaatur")).containsExactly("Gåture for alle");
        assertThat(names("gaature")).containsExactly("Gåture for alle");
        assertThat(names("gåtur")).containsExactly("Gåture for alle");
    }

    @Test
    void aeAndOeAreReadAsAeAndOeWithTheirDanishLetters() {
        assertThat(names("faellesspisning")).first().isEqualTo("Fællesspisning i Frivillighuset");
        assertThat(names("besoegsven")).first().isEqualTo("Besøgsvenner");
    }

    @Test
    void theTypoStrkFindsKnittingBeforeAnythingElse() {
        List<String> found = names("strk");
        assertThat(found).isNotEmpty();
        assertThat(found.getFirst()).startsWith("Strikke");
        assertThat(found.subList(0, 2)).allMatch(name -> name.startsWith("Strikke"));
    }

    @Test
    void aWordSpelledRightOutranksTheSameLettersMeantAsATypo() {
        assertThat(names("stærk")).first().isEqualTo("Peergruppe – fra sårbar til stærk");
        assertThat(names("stærk")).doesNotContain("Strikkeklubben Maske for Maske");
    }

    @Test
    void veryShortWordsAreNotCorrectedIntoOtherWords() {
        assertThat(names("kof")).isEmpty();
    }

    @Test
    void sangFindsTheSingingFirst() {
        assertThat(names("sang")).first().isEqualTo("Fællessang og kor");
        assertThat(names("fællessang")).first().isEqualTo("Fællessang og kor");
    }

    @Test
    void faellesspisningAndSpisningFindTheCommunalMeal() {
        assertThat(names("fællesspisning")).first().isEqualTo("Fællesspisning i Frivillighuset");
        assertThat(names("spisning")).containsExactly("Fællesspisning i Frivillighuset");
    }

    @Test
    void besoegsvenFindsTheVisitingFriends() {
        assertThat(names("besøgsven")).containsExactly("Besøgsvenner");
        assertThat(names("besøgsvenner")).containsExactly("Besøgsvenner");
    }

    @Test
    void aWordTheDirectoryDoesNotUseGetsTheWordMostLikelyMeant() {
        assertThat(search.spellingSuggestion("strk")).contains("strik");
        assertThat(search.spellingSuggestion("gåture strk")).contains("gåture strik");
        assertThat(search.spellingSuggestion("strik")).isEmpty();
        assertThat(search.spellingSuggestion("xyzzyqwerty")).isEmpty();
    }

    private List<String> names(String text) {
        SearchResult result = search.search(OfferQuery.text(text));
        return result.hits().stream().map(OfferHit::name).toList();
    }
}
