package dk.brobygger.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * A citizen's answers to one instrument on one day, with the score and the exact instrument version.
 *
 * @param context where it was given, e.g. "Forebyggende hjemmebesøg 12.03.2026"
 */
public record Score(UUID id, CitizenId citizen, String instrumentCode, String instrumentVersion,
        String instrumentName, Map<String, Integer> answers, BigDecimal score, @Nullable String band,
        LocalDate answeredOn, @Nullable String context, String recordedBy, Instant recordedAt) {
}
