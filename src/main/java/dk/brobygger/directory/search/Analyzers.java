package dk.brobygger.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.tartarus.snowball.ext.DanishStemmer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The two ways the directory reads Danish text, both the same for the offers and for what a
 * citizen types: stemmed (Danish Snowball: "gåture" and "gåtur" meet; "-ning" nouns meet their
 * verbs, {@link VerbalNounFilter}; the last part of a compound is a word of its own, so "sang"
 * finds "fællessang", {@link CompoundEndingFilter}) and plain lower-cased words, on which prefix and typo-tolerant matching
 * work ("strik" finds "strikkeklubben", "besøgsvner" finds "besøgsven"). Both read "aa", "ae"
 * and "oe" as "å", "æ" and "ø" ({@link DanishSpellingFilter}).
 */
final class Analyzers {

    static final String STEMMED_TEXT = "text";
    static final String STEMMED_NAME = "name";
    static final String PLAIN_TEXT = "plain";
    static final String PLAIN_NAME = "plainname";

    /**
     * Words that end many of the directory's compounds and that people search for on their own
     * ({@link CompoundEndingFilter}).
     * Short or common endings ("tur", "ven", "mad", "kor") are left out: they hide inside
     * unrelated words ("natur", "venligboerne", "madsen", "korshær", "havet", "omsorg").
     */
    static final CharArraySet COMPOUND_PARTS = new CharArraySet(List.of("sang", "sange", "spisning", "dans",
            "gymnastik", "svømning", "gåtur", "gåture", "café", "cafe", "klub", "klubben", "værksted", "bowling",
            "motion", "træning", "strik", "strikning", "demens", "kræft", "samtale", "gruppe", "netværk",
            "besøgsven", "telefonven", "frivillig", "haven", "læsekreds", "foredrag", "kursus"), false);

    static final Analyzer DANISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            TokenStream stream = new DanishSpellingFilter(new LowerCaseFilter(tokenizer));
            stream = new StopFilter(stream, DanishAnalyzer.getDefaultStopSet());
            stream = new CompoundEndingFilter(stream, COMPOUND_PARTS, 6, 4);
            stream = new SnowballFilter(stream, new DanishStemmer());
            return new TokenStreamComponents(tokenizer, new VerbalNounFilter(stream));
        }
    };

    static final Analyzer PLAIN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new DanishSpellingFilter(new LowerCaseFilter(tokenizer)));
        }
    };

    static final Analyzer PER_FIELD = new PerFieldAnalyzerWrapper(DANISH,
            Map.of(PLAIN_TEXT, PLAIN, PLAIN_NAME, PLAIN));

    private Analyzers() {
    }

    /** The tokens an analyzer makes of a text. */
    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    /** The Danish stem of one word, or empty if it is a stop word. */
    static String stem(String word) {
        var tokens = tokens(DANISH, word);
        return tokens.isEmpty() ? "" : tokens.getFirst();
    }

    /**
     * Every stem one word gives: its own first, then the parts of a compound and the verb of a
     * "-ning" noun; empty for a stop word.
     */
    static List<String> stems(String word) {
        return List.copyOf(new java.util.LinkedHashSet<>(tokens(DANISH, word)));
    }
}
