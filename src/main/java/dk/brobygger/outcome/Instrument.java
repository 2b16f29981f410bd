package dk.brobygger.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dk.brobygger.shared.DomainException;

import org.jspecify.annotations.Nullable;

/**
 * One version of a questionnaire as data: what is asked, the answers allowed, and how answers become
 * a score. Built only by {@link InstrumentFormat}, which checks that it hangs together.
 *
 * @param licence plain words on who may use it, shown wherever the instrument is offered
 * @param note    e.g. that the Danish answer set is unverified
 */
public record Instrument(String code, String version, String name, @Nullable String description, String licence,
        @Nullable String note, List<Item> items, List<Answer> answers, Scoring scoring) {

    public record Item(String code, String text) {
    }

    public record Answer(int value, String label) {
    }

    /** A label for a range of scores, e.g. 6–9 "Tegn på ensomhed". Both ends included. */
    public record Band(BigDecimal from, BigDecimal to, String label) {

        boolean contains(BigDecimal score) {
            return score.compareTo(from) >= 0 && score.compareTo(to) <= 0;
        }
    }

    public enum Method {
        /** The sum of every item's answer value. */
        SUM,
        /** One item; its answer value is the score. */
        SINGLE
    }

    /**
     * @param conversion raw score to reported score (e.g. SWEMWBS metric scores); empty when the raw
     *                   score is reported as it is
     */
    public record Scoring(Method method, Map<Integer, BigDecimal> conversion, List<Band> bands) {
    }

    /** The result of one set of answers. */
    public record Result(int raw, BigDecimal score, @Nullable String band) {
    }

    public int lowestRaw() {
        int lowest = answers.stream().mapToInt(Answer::value).min().orElseThrow();
        return scoring.method() == Method.SUM ? lowest * items.size() : lowest;
    }

    public int highestRaw() {
        int highest = answers.stream().mapToInt(Answer::value).max().orElseThrow();
        return scoring.method() == Method.SUM ? highest * items.size() : highest;
    }

    public Optional<Answer> answer(int value) {
        return answers.stream().filter(answer -> answer.value() == value).findFirst();
    }

    /**
     * Scores a complete set of answers, item code to answer value. A missing item, an unknown item or
     * a value the instrument does not allow is refused in Danish; nothing is guessed.
     */
    public Result score(Map<String, Integer> given) {
        Map<String, Integer> answered = new LinkedHashMap<>();
        for (Item item : items) {
            Integer value = given.get(item.code());
            if (value == null) {
                throw new DomainException("outcome.answer.missing", item.text());
            }
            if (answer(value).isEmpty()) {
                throw new DomainException("outcome.answer.notAllowed", value, item.text());
            }
            answered.put(item.code(), value);
        }
        for (String code : given.keySet()) {
            if (!answered.containsKey(code)) {
                throw new DomainException("outcome.answer.unknownItem", code, name);
            }
        }
        int raw = answered.values().stream().mapToInt(Integer::intValue).sum();
        BigDecimal score = scoring.conversion().isEmpty()
                ? BigDecimal.valueOf(raw)
                : scoring.conversion().get(raw);
        if (score == null) {
            throw new DomainException("outcome.conversion.missing", raw, name);
        }
        score = score.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        BigDecimal reported = score;
        String band = scoring.bands().stream().filter(b -> b.contains(reported)).map(Band::label).findFirst()
                .orElse(null);
        return new Result(raw, score, band);
    }
}
