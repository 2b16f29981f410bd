package dk.brobygger.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The two ways the directory reads Danish text: stemmed ({@link DanishAnalyzer}: "gåture" and
 * "gåtur" meet) and plain lower-cased words, on which prefix and typo-tolerant matching work
 * ("strik" finds "strikkeklubben", "besøgsvner" finds "besøgsven").
 */
final class Analyzers {

    static final String STEMMED_TEXT = "text";
    static final String STEMMED_NAME = "name";
    static final String PLAIN_TEXT = "plain";
    static final String PLAIN_NAME = "plainname";

    static final Analyzer DANISH = new DanishAnalyzer();

    static final Analyzer PLAIN = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            var tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
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
}
