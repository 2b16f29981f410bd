package dk.brobygger.course;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The key the public inquiry form's shown-at time is signed with: {@code brobygger.course.form-secret} when it is
 * set, else one kept in the database (made by the first node that needs it, read by the others), so every node of
 * a municipality and a restarted one accept a form another showed. It only proves when a form was shown (the
 * spam check's minimum fill time); it guards nothing of anybody's data.
 */
@Component
class FormSecret {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final byte @Nullable [] configured;
    private volatile byte @Nullable [] kept;

    FormSecret(JdbcClient jdbc, Clock clock, @Value("${brobygger.course.form-secret:}") String configured) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.configured = configured.isBlank() ? null : configured.getBytes(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        if (configured != null) {
            return configured;
        }
        var known = kept;
        if (known == null) {
            known = read();
            kept = known;
        }
        return known;
    }

    private byte[] read() {
        var stored = stored();
        if (stored != null) {
            return stored;
        }
        var made = new byte[32];
        new SecureRandom().nextBytes(made);
        try {
            jdbc.sql("INSERT INTO course_form_secret (id, secret, created_at) VALUES (1, :secret, :now)")
                    .param("secret", HexFormat.of().formatHex(made)).param("now", Timestamp.from(clock.instant()))
                    .update();
            return made;
        } catch (DuplicateKeyException another) {
            // Another node made it first: use theirs.
            var theirs = stored();
            if (theirs == null) {
                throw another;
            }
            return theirs;
        }
    }

    private byte @Nullable [] stored() {
        return jdbc.sql("SELECT secret FROM course_form_secret WHERE id = 1").query(String.class).optional()
                .map(HexFormat.of()::parseHex).orElse(null);
    }
}
