package dk.brobygger.outcome;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Målinger: instruments and citizens' scores as JSON, for scripts and the other modules' pages. */
@RestController
class ScoreApi {

    /** A set of answers as sent; {@code version} empty means the instrument's current version. */
    record Answers(@Nullable String instrument, @Nullable String version, @Nullable Map<String, Integer> answers,
            @Nullable LocalDate answeredOn, @Nullable String context) {
    }

    record CitizenScores(List<Score> scores, List<Scores.Change> changes) {
    }

    private final Instruments instruments;
    private final Scores scores;

    ScoreApi(Instruments instruments, Scores scores) {
        this.instruments = instruments;
        this.scores = scores;
    }

    @GetMapping("/api/instruments")
    List<Instrument> instruments() {
        return instruments.all().stream().map(Instruments.Loaded::instrument).toList();
    }

    @GetMapping("/api/citizens/{id}/scores")
    CitizenScores scores(@PathVariable UUID id) {
        var all = scores.of(new CitizenId(id));
        return new CitizenScores(all, Scores.changes(all));
    }

    @PostMapping("/api/citizens/{id}/scores")
    ResponseEntity<Score> record(@PathVariable UUID id, @RequestBody Answers answers) {
        var score = scores.record(new CitizenId(id), answers.instrument(),
                answers.version() == null || answers.version().isBlank() ? null : answers.version(),
                answers.answers(), answers.answeredOn(), answers.context());
        return ResponseEntity.created(URI.create("/api/citizens/" + id + "/scores")).body(score);
    }
}
