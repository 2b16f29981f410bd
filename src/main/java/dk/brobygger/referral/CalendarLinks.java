package dk.brobygger.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secret links to a person's calendar feed: 32 random bytes, given to the person once (base64url), kept only as
 * their SHA-256, so neither the database nor its backups can give the link away. One link per person; renewing
 * replaces it (the old link stops at once), revoking removes it.
 */
@Component
class CalendarLinks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    CalendarLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new secret for {@code username}, replacing any earlier one; the only time the secret is seen. */
    @Transactional
    String renew(String username) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        revoke(username);
        jdbc.sql("INSERT INTO referral_calendar_link (username, token_hash, created_at) VALUES (:user, :hash, :now)")
                .param("user", username).param("hash", hash(token)).param("now", Timestamp.from(clock.instant()))
                .update();
        return token;
    }

    @Transactional
    void revoke(String username) {
        jdbc.sql("DELETE FROM referral_calendar_link WHERE username = :user").param("user", username).update();
    }

    /** When the person's link was made, if they have one. */
    Optional<Instant> createdAt(String username) {
        return jdbc.sql("SELECT created_at FROM referral_calendar_link WHERE username = :user")
                .param("user", username).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /** Whose feed a secret opens, if any. */
    Optional<String> owner(String token) {
        if (token.length() != 43 || !token.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT username FROM referral_calendar_link WHERE token_hash = :hash")
                .param("hash", hash(token)).query(String.class).optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
