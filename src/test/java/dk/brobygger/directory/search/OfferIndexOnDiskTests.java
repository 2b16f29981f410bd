package dk.brobygger.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index kept on disk ({@code brobygger.search.index-dir}) remembers up to which change-log position it holds the
 * directory, so a restarted node reads on from there instead of rebuilding; a temporary index never claims to.
 */
class OfferIndexOnDiskTests {

    @TempDir
    Path directory;

    @Test
    void anIndexOnDiskRemembersTheChangeLogPositionItWasSavedAtAcrossARestart() throws Exception {
        var before = new OfferIndex(directory.toString());
        assertThat(before.committedPosition()).as("never saved").isEmpty();
        before.commit(42);
        before.close();

        var after = new OfferIndex(directory.toString());
        try {
            assertThat(after.committedPosition()).contains(42L);
        } finally {
            after.close();
        }
    }

    @Test
    void aTemporaryIndexIsAlwaysRebuilt() throws Exception {
        var temporary = new OfferIndex("");
        try {
            temporary.commit(42);
            assertThat(temporary.committedPosition()).isEmpty();
        } finally {
            temporary.close();
        }
    }

    @Test
    void anIndexOnDiskThatLuceneCannotReadIsStartedAfresh() throws Exception {
        Files.writeString(directory.resolve("segments_1"), "not an index");
        var index = new OfferIndex(directory.toString());
        try {
            assertThat(index.committedPosition()).isEmpty();
        } finally {
            index.close();
        }
    }
}
