package dk.brobygger;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * Public reference material written by others (MedCom's HospitalNotification examples, Open Referral's HSDS 3.0
 * schemas and openapi), read from {@code shared/reference} beside the project and never copied into it (README:
 * test data). {@code BROBYGGER_REFERENCE_DIR}, when set, names the {@code reference} folder ({@code .ci/run} sets
 * it); otherwise the folder is found by walking up from the working directory. Without it the tests that need it
 * are skipped locally and fail in CI ({@code CI=true}), so they cannot pass by not running.
 */
public final class PublicReference {

    private PublicReference() {
    }

    /** Where {@code name} (e.g. {@code hsds-3.0}) is, or would be beside the checkout; the folder may be missing. */
    public static Path locate(String name) {
        String configured = System.getenv("BROBYGGER_REFERENCE_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured, name).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("reference").resolve(name);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return Path.of("..", "shared", "reference", name).toAbsolutePath().normalize();
    }

    /** The folder {@code name}, or the calling test is skipped (locally) or fails (CI), saying where it looked. */
    public static Path folder(String name) {
        Path folder = locate(name);
        if (Files.isDirectory(folder)) {
            return folder;
        }
        String missing = "Public reference material not found: " + folder
                + " (set BROBYGGER_REFERENCE_DIR to the shared/reference folder)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        Assumptions.abort(missing);
        throw new AssertionError(missing);
    }
}
