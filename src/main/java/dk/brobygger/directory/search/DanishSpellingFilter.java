package dk.brobygger.directory.search;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Writes the letters æ, ø and å as Danish spells them when a keyboard without them spelled them
 * "ae", "oe" and "aa" ("gaatur" is "gåtur", "faellesspisning" is "fællesspisning"). Applied to
 * the offers and to what the citizen types alike, so a word that really is spelled with "ae" or
 * "oe" ("aerobic") still meets itself. Expects lower-cased input.
 */
final class DanishSpellingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    DanishSpellingFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buffer = term.buffer();
        int length = term.length();
        int out = 0;
        for (int in = 0; in < length; in++) {
            char c = buffer[in];
            if (in + 1 < length) {
                char next = buffer[in + 1];
                char folded = c == 'a' && next == 'a' ? 'å' : c == 'a' && next == 'e' ? 'æ'
                        : c == 'o' && next == 'e' ? 'ø' : 0;
                if (folded != 0) {
                    buffer[out++] = folded;
                    in++;
                    continue;
                }
            }
            buffer[out++] = c;
        }
        term.setLength(out);
        return true;
    }
}
