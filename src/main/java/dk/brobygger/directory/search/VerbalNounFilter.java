package dk.brobygger.directory.search;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Lets a Danish noun made from a verb with "-ning" meet its verb: "strikning" also gives
 * "strik" (as "strikke" and "strikker" stem to), "fællesspisning" gives "fællesspis" and
 * "spisning" gives "spis". The Danish Snowball stemmer leaves "-ning" alone, so this runs after
 * it, on stems, and adds the verb's stem at the same position. Where the noun is made with
 * "-ing" instead ("tegning" from "tegne"), the stem without "-ing" is added too; a guess that
 * names no word in the directory simply finds nothing.
 */
final class VerbalNounFilter extends TokenFilter {

    private static final String SUFFIX = "ning";
    private static final int MIN_LENGTH = 7;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private String[] pending = new String[0];
    private int next;
    private State state;

    VerbalNounFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < pending.length) {
            restoreState(state);
            term.setEmpty().append(pending[next++]);
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        int length = term.length();
        if (length >= MIN_LENGTH && term.toString().endsWith(SUFFIX)) {
            String word = term.toString();
            pending = new String[] {word.substring(0, length - 4), word.substring(0, length - 3)};
            next = 0;
            state = captureState();
        } else {
            pending = new String[0];
            next = 0;
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = new String[0];
        next = 0;
        state = null;
    }
}
