package dk.brobygger.directory.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.lucene.util.Version;

/** A digest of the code that writes the index and of Lucene's version: equal digests write equal indexes. */
final class IndexFormat {

    private IndexFormat() {
    }

    static String of(Class<?>... writers) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(Version.LATEST.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (Class<?> writer : writers) {
                try (InputStream bytes = writer.getResourceAsStream(writer.getSimpleName() + ".class")) {
                    if (bytes == null) {
                        throw new IllegalStateException("No class file for " + writer.getName());
                    }
                    digest.update(bytes.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
