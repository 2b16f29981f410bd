package dk.brobygger.outcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.shared.DomainException;
import dk.brobygger.shared.NotFoundException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instruments this municipality uses. The freely usable ones ship in {@code instruments/*.json}
 * and are loaded at start; an administrator loads licensed ones from a definition file. A version,
 * once loaded, never changes: scores keep pointing at exactly what was asked.
 */
@Service
public class Instruments {

    /** An instrument version as listed: where it came from and who loaded it. */
    public record Loaded(Instrument instrument, boolean shipped, String loadedBy, Instant loadedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(Instruments.class);
    private static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final InstrumentFormat format;
    private final Users users;
    private final Clock clock;

    Instruments(JdbcClient jdbc, InstrumentFormat format, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.format = format;
        this.users = users;
        this.clock = clock;
    }

    /** Every version, newest load first within each instrument. */
    List<Loaded> all() {
        return jdbc.sql("SELECT * FROM instrument").query((rs, row) -> new Loaded(format.read(rs.getString("definition")),
                        rs.getBoolean("shipped"), rs.getString("loaded_by"), rs.getTimestamp("loaded_at").toInstant()))
                .list().stream()
                .sorted(Comparator.comparing((Loaded l) -> l.instrument().name())
                        .thenComparing(Loaded::loadedAt, Comparator.reverseOrder()))
                .toList();
    }

    /**
     * The instruments a score can be given with now, code to name (the name of the version loaded last), for other
     * modules that name an instrument (a course type's baseline and follow-up).
     */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Map<String, String> names() {
        var names = new java.util.TreeMap<String, String>();
        all().forEach(loaded -> names.putIfAbsent(loaded.instrument().code(), loaded.instrument().name()));
        return names;
    }

    Instrument get(String code, String version) {
        return find(code, version).orElseThrow(() -> new NotFoundException("instrument " + code + " " + version));
    }

    /**
     * The version loaded last: the one new scores are given with (also for other modules that ask an instrument, e.g. a
     * course's baseline and follow-up).
     */
    public Instrument current(String code) {
        return jdbc.sql("SELECT definition FROM instrument WHERE code = :code ORDER BY loaded_at DESC, version DESC")
                .param("code", code).query(String.class).list().stream().findFirst().map(format::read)
                .orElseThrow(() -> new NotFoundException("instrument " + code));
    }

    Optional<Instrument> find(String code, String version) {
        return jdbc.sql("SELECT definition FROM instrument WHERE code = :code AND version = :version")
                .param("code", code).param("version", version).query(String.class).optional().map(format::read);
    }

    /**
     * An administrator loads a definition file. A new version of a known instrument is added beside
     * the old one; the same version again is accepted only if it is identical.
     */
    @Transactional
    Instrument load(String definition) {
        var user = users.currentOrFail();
        if (!user.has(Role.ADMIN)) {
            throw new AccessDeniedException("Only administrators load instruments");
        }
        var instrument = format.read(definition);
        var existing = find(instrument.code(), instrument.version());
        if (existing.isPresent()) {
            if (existing.get().equals(instrument)) {
                return instrument;
            }
            throw new DomainException("outcome.file.versionExists", instrument.name(), instrument.version());
        }
        insert(instrument, definition, false, user.username());
        return instrument;
    }

    /** Loads the shipped definitions that are not in the database yet. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void loadShipped() {
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:instruments/*.json")) {
                String definition = file.getContentAsString(StandardCharsets.UTF_8);
                var instrument = format.read(definition);
                if (find(instrument.code(), instrument.version()).isEmpty()) {
                    insert(instrument, definition, true, SYSTEM);
                    log.info("Loaded shipped instrument {} ({})", instrument.code(), instrument.version());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the shipped instruments", e);
        }
    }

    private void insert(Instrument instrument, String definition, boolean shipped, String by) {
        jdbc.sql("""
                INSERT INTO instrument (code, version, name, licence, shipped, definition, loaded_by, loaded_at)
                VALUES (:code, :version, :name, :licence, :shipped, :definition, :by, :at)
                """).param("code", instrument.code()).param("version", instrument.version())
                .param("name", instrument.name()).param("licence", instrument.licence()).param("shipped", shipped)
                .param("definition", definition).param("by", by).param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
