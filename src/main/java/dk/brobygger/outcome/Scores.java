package dk.brobygger.outcome;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dk.brobygger.access.Users;
import dk.brobygger.audit.AuditAction;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Citizens' scores. Recording and reading pass the need-to-know policy and are audited like any
 * other record about the citizen ({@link CitizenRecords}). Other modules record and read scores here, never in the
 * tables (a course's baseline and follow-up).
 */
@Service
public class Scores {

    /** How a citizen's score on one instrument moved from the first to the latest time it was given. */
    public record Change(String instrumentCode, String instrumentName, Score first, Score latest,
            BigDecimal difference) {

        Change(Score first, Score latest) {
            this(first.instrumentCode(), first.instrumentName(), first, latest,
                    latest.score().subtract(first.score()));
        }
    }

    private static final TypeReference<LinkedHashMap<String, Integer>> ANSWERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Instruments instruments;
    private final CitizenRecords records;
    private final Users users;
    private final JsonMapper json;
    private final Clock clock;

    Scores(JdbcClient jdbc, Instruments instruments, CitizenRecords records, Users users, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.instruments = instruments;
        this.records = records;
        this.users = users;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Scores and saves the citizen's answers with the instrument's current version, or the version
     * named. Incomplete or impossible answers and a day in the future are refused in Danish.
     */
    @Transactional
    public Score record(CitizenId citizen, @Nullable String instrumentCode, @Nullable String version,
            @Nullable Map<String, Integer> answers, @Nullable LocalDate answeredOn, @Nullable String context) {
        var known = instrumentCode == null || instrumentCode.isBlank()
                ? Optional.<Instrument>empty()
                : version == null
                ? instruments.all().stream().map(Instruments.Loaded::instrument)
                        .filter(i -> i.code().equals(instrumentCode)).findFirst()
                : instruments.find(instrumentCode, version);
        records.change(citizen, AuditAction.CREATE, "Registrerede borgerens svar på "
                + known.map(Instrument::name).orElse("et spørgeskema"));
        if (instrumentCode == null || instrumentCode.isBlank()) {
            throw new DomainException("outcome.instrument.missing");
        }
        var instrument = known.orElseThrow(() -> new DomainException("outcome.instrument.unknown",
                version == null ? instrumentCode : instrumentCode + " " + version));
        if (answers == null || answers.isEmpty()) {
            throw new DomainException("outcome.answers.missing");
        }
        if (answeredOn == null) {
            throw new DomainException("outcome.answeredOn.missing");
        }
        if (answeredOn.isAfter(LocalDate.now(clock))) {
            throw new DomainException("outcome.answeredOn.future");
        }
        if (context != null && context.length() > 200) {
            throw new DomainException("outcome.context.tooLong", 200);
        }
        var result = instrument.score(answers);
        UUID id = UUID.randomUUID();
        Map<String, Integer> ordered = new LinkedHashMap<>();
        instrument.items().forEach(item -> ordered.put(item.code(), answers.get(item.code())));
        jdbc.sql("""
                INSERT INTO instrument_response (id, citizen_id, instrument_code, instrument_version, answers, score,
                                                 band, answered_on, context, recorded_by, recorded_at)
                VALUES (:id, :citizen, :code, :version, :answers, :score, :band, :on, :context, :by, :at)
                """).param("id", id).param("citizen", citizen.value()).param("code", instrument.code())
                .param("version", instrument.version()).param("answers", json.writeValueAsString(ordered))
                .param("score", result.score()).param("band", result.band()).param("on", answeredOn)
                .param("context", context == null || context.isBlank() ? null : context.strip())
                .param("by", users.currentOrFail().username()).param("at", Timestamp.from(clock.instant()))
                .update();
        return find(id);
    }

    /** Every score the citizen has, newest first. */
    @Transactional
    public List<Score> of(CitizenId citizen) {
        records.read(citizen, "Så borgerens målinger (spørgeskemaer)");
        return jdbc.sql("""
                SELECT r.*, i.name FROM instrument_response r
                  JOIN instrument i ON i.code = r.instrument_code AND i.version = r.instrument_version
                 WHERE r.citizen_id = :citizen ORDER BY r.answered_on DESC, r.recorded_at DESC
                """).param("citizen", citizen.value()).query(this::score).list();
    }

    /**
     * Change per instrument version between the first and the latest score; scores of different
     * versions are not compared, because their scales may differ.
     */
    public static List<Change> changes(List<Score> scores) {
        Map<String, List<Score>> byVersion = scores.stream().collect(Collectors.groupingBy(
                score -> score.instrumentCode() + "\u0000" + score.instrumentVersion(), LinkedHashMap::new,
                Collectors.toList()));
        var changes = new ArrayList<Change>();
        for (List<Score> same : byVersion.values()) {
            if (same.size() < 2) {
                continue;
            }
            var ordered = same.stream().sorted(Comparator.comparing(Score::answeredOn)
                    .thenComparing(Score::recordedAt)).toList();
            var first = ordered.getFirst();
            changes.add(new Change(first, ordered.getLast()));
        }
        return changes;
    }

    private Score find(UUID id) {
        return jdbc.sql("""
                SELECT r.*, i.name FROM instrument_response r
                  JOIN instrument i ON i.code = r.instrument_code AND i.version = r.instrument_version
                 WHERE r.id = :id
                """).param("id", id).query(this::score).optional().orElseThrow(() -> new NotFoundException("score"));
    }

    private Score score(ResultSet rs, int row) throws SQLException {
        return new Score(rs.getObject("id", UUID.class), new CitizenId(rs.getObject("citizen_id", UUID.class)),
                rs.getString("instrument_code"), rs.getString("instrument_version"), rs.getString("name"),
                json.readValue(rs.getString("answers"), ANSWERS), rs.getBigDecimal("score").stripTrailingZeros(),
                rs.getString("band"), rs.getDate("answered_on").toLocalDate(), rs.getString("context"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
    }
}
