package dk.brobygger.hospital;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dk.brobygger.PublicReference;

/**
 * MedCom's public HospitalNotification examples (the 42 bundles of the test scripts in
 * {@code medcomdk/dk-medcom-hospitalnotification-testscripts}, as JSON and as the IG publisher's XML), read from
 * {@code shared/reference/medcom-hospitalnotification} beside the project, never copied into it. Found, skipped or
 * failed as {@link PublicReference} says.
 */
public final class MedcomExamples {

    static final String FOLDER = "medcom-hospitalnotification";
    /** The patient of every example but TEK_LOV: Elmer, CPR 250947-9989. */
    public static final String ELMER_CPR = "250947-9989";
    /** The patient of TEK_LOV: Kaja Test Hansen, CPR 210300-9996. */
    public static final String KAJA_CPR = "210300-9996";

    private MedcomExamples() {
    }

    /** The folder, or the test is skipped (locally) or fails (CI) with where it was looked for. */
    public static Path folder() {
        return PublicReference.folder(FOLDER);
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
