package dk.brobygger.hospital;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * MedCom's public HospitalNotification examples (the 42 bundles of the test scripts in
 * {@code medcomdk/dk-medcom-hospitalnotification-testscripts}, as JSON and as the IG publisher's XML), read from
 * {@code shared/reference/medcom-hospitalnotification} beside the project, never copied into it. The folder is
 * found by walking up from the working directory. Without it the tests that need it are skipped locally and fail
 * in CI ({@code CI=true}), so they cannot pass by not running.
 */
public final class MedcomExamples {

    static final String FOLDER = "shared/reference/medcom-hospitalnotification";
    /** The patient of every example but TEK_LOV: Elmer, CPR 250947-9989. */
    public static final String ELMER_CPR = "250947-9989";
    /** The patient of TEK_LOV: Kaja Test Hansen, CPR 210300-9996. */
    public static final String KAJA_CPR = "210300-9996";

    private MedcomExamples() {
    }

    /** The folder, or the test is skipped (locally) or fails (CI) with where it was looked for. */
    public static Path folder() {
        String configured = System.getenv("BROBYGGER_REFERENCE_DIR");
        if (configured != null && !configured.isBlank()
                && Files.isDirectory(Path.of(configured, "medcom-hospitalnotification"))) {
            return Path.of(configured, "medcom-hospitalnotification");
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FOLDER);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        String missing = "MedCom examples not found: no " + FOLDER + " in " + start + " or any folder above it";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        Assumptions.abort(missing);
        throw new AssertionError(missing);
    }

    /** One example by file name, e.g. {@code HospitalNotification_Ex_STIN_A.json}. */
    public static String read(String name) {
        try {
            return Files.readString(folder().resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
