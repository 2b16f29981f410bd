package dk.brobygger.citizen;

import org.jspecify.annotations.Nullable;

/**
 * Livssituation: how the citizen lives and what it takes to meet them.
 *
 * @param livingSituation unknown until asked
 * @param language the citizen's preferred language (free text, e.g. "dansk", "arabisk"); absent means Danish
 */
public record Circumstances(@Nullable LivingSituation livingSituation, @Nullable String language,
        boolean needsInterpreter, @Nullable String transportNotes) {

    static final int MAX_TRANSPORT_NOTES = 1000;

    public Circumstances {
        language = Texts.optional(language, 40, "citizen.language.tooLong");
        transportNotes = Texts.optional(transportNotes, MAX_TRANSPORT_NOTES, "citizen.transportNotes.tooLong");
    }

    public static Circumstances of(@Nullable LivingSituation livingSituation) {
        return new Circumstances(livingSituation, null, false, null);
    }
}
