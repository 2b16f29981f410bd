package dk.brobygger.hospital.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dk.brobygger.shared.Paging;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Modtagne sygehusadviser: every accepted message (its MessageHeader id is the idempotency key) and every
 * rejected one, kept with its reason until an administrator has looked at it.
 */
@Repository
class ReceivedMessages {

    enum Outcome {
        ACCEPTED,
        QUARANTINED
    }

    /** A message as it arrived: the raw body, exactly as sent, and what became of it. */
    record ReceivedMessage(UUID id, @Nullable String messageId, @Nullable String bundleId, String mediaType,
            String body, Instant receivedAt, String receivedBy, Outcome outcome, @Nullable String eventCode,
            @Nullable UUID citizenId, Rejection.@Nullable Reason reason, @Nullable String detail,
            @Nullable Instant handledAt, @Nullable String handledBy) {
    }

    /** One line of the administrator's list: no body. */
    record Quarantined(UUID id, @Nullable String messageId, Instant receivedAt, String receivedBy,
            Rejection.@Nullable Reason reason, @Nullable String detail, @Nullable Instant handledAt,
            @Nullable String handledBy) {
    }

    /** A page of the list, and whether there is a next one. */
    record Page(List<Quarantined> messages, int page, boolean hasNext) {
    }

    /** The largest body kept; a larger one is kept cut to this length and rejected. */
    static final int MAX_BODY = 1_000_000;

    private final JdbcClient jdbc;

    ReceivedMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The accepted message with a MessageHeader id: when it arrived and its content's hash (null before V120). */
    record Accepted(UUID id, Instant receivedAt, @Nullable String contentHash) {
    }

    /** The accepted message with this MessageHeader id, if one was accepted. */
    Optional<Accepted> accepted(String messageId) {
        return jdbc.sql("SELECT id, received_at, content_hash FROM hospital_message WHERE accepted_key = :key")
                .param("key", messageId)
                .query((rs, n) -> new Accepted(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)))
                .optional();
    }

    /** Was a message with this MessageHeader id received and refused (kept for an administrator), never accepted? */
    boolean refused(String messageId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM hospital_message WHERE message_id = :id AND outcome = 'QUARANTINED'
                """).param("id", messageId).query(Long.class).single() > 0;
    }

    /**
     * The message that waits for an administrator with the same MessageHeader id, the same content and the same
     * reason: a resent message is recognised as that one instead of being kept twice.
     */
    Optional<UUID> waiting(String messageId, String contentHash, Rejection.Reason reason) {
        return jdbc.sql("""
                SELECT id FROM hospital_message
                 WHERE message_id = :id AND content_hash = :hash AND reason = :reason
                   AND outcome = 'QUARANTINED' AND handled_at IS NULL
                 ORDER BY received_at
                 LIMIT 1
                """).param("id", messageId).param("hash", contentHash).param("reason", reason.name())
                .query(UUID.class).optional();
    }

    /**
     * Saves an accepted message. The unique accepted key fails the insert (DuplicateKeyException) when the
     * same message was accepted in the meantime, so a message is never applied twice.
     */
    UUID accept(Notification notification, String contentHash, List<String> warnings, String mediaType, String body,
            Instant now, String by, UUID citizen) {
        UUID id = UUID.randomUUID();
        var params = params(id, notification.messageId(), notification.bundleId(), mediaType, body, now, by);
        params.put("accepted", notification.messageId());
        params.put("outcome", Outcome.ACCEPTED.name());
        params.put("code", notification.code());
        params.put("citizen", citizen);
        params.put("reason", null);
        params.put("detail", null);
        params.put("hash", contentHash);
        params.put("warnings", warnings.isEmpty() ? null : cut(String.join("\n", warnings), 2000));
        insert(params);
        return id;
    }

    /** Keeps a rejected message for an administrator, with the reason. */
    UUID quarantine(@Nullable String messageId, @Nullable String bundleId, @Nullable String code,
            @Nullable UUID citizen, @Nullable String contentHash, String mediaType, String body, Instant now, String by,
            Rejection.Reason reason, String detail) {
        UUID id = UUID.randomUUID();
        var params = params(id, messageId, bundleId, mediaType, body, now, by);
        params.put("accepted", null);
        params.put("outcome", Outcome.QUARANTINED.name());
        params.put("code", code);
        params.put("citizen", citizen);
        params.put("reason", reason.name());
        params.put("detail", detail.length() > 2000 ? detail.substring(0, 2000) : detail);
        params.put("hash", contentHash);
        params.put("warnings", null);
        insert(params);
        return id;
    }

    /** Rejected messages, newest first; those an administrator has handled only when asked for. */
    Page quarantined(boolean includeHandled, int page, int size) {
        var rows = jdbc.sql("""
                SELECT id, message_id, received_at, received_by, reason, detail, handled_at, handled_by
                  FROM hospital_message
                 WHERE outcome = 'QUARANTINED' AND (:all = TRUE OR handled_at IS NULL)
                 ORDER BY received_at DESC, id
                 LIMIT :limit OFFSET :offset
                """).param("all", includeHandled).param("limit", size + 1).param("offset", Paging.offset(page, size))
                .query((rs, n) -> new Quarantined(rs.getObject("id", UUID.class), rs.getString("message_id"),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"),
                        reason(rs), rs.getString("detail"), instant(rs, "handled_at"), rs.getString("handled_by")))
                .list();
        return new Page(rows.subList(0, Math.min(size, rows.size())), Paging.page(page), rows.size() > size);
    }

    long waiting() {
        return jdbc.sql("SELECT COUNT(*) FROM hospital_message WHERE outcome = 'QUARANTINED' AND handled_at IS NULL")
                .query(Long.class).single();
    }

    Optional<ReceivedMessage> find(UUID id) {
        return jdbc.sql("SELECT * FROM hospital_message WHERE id = :id").param("id", id)
                .query((rs, n) -> new ReceivedMessage(rs.getObject("id", UUID.class), rs.getString("message_id"),
                        rs.getString("bundle_id"), rs.getString("media_type"), rs.getString("body"),
                        rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"),
                        Outcome.valueOf(rs.getString("outcome")), rs.getString("event_code"),
                        rs.getObject("citizen_id", UUID.class), reason(rs), rs.getString("detail"),
                        instant(rs, "handled_at"), rs.getString("handled_by")))
                .optional();
    }

    /** "Behandlet": an administrator has looked at a rejected message and done what it needed. */
    boolean markHandled(UUID id, String by, Instant now) {
        return jdbc.sql("""
                UPDATE hospital_message SET handled_at = :now, handled_by = :by
                 WHERE id = :id AND outcome = 'QUARANTINED' AND handled_at IS NULL
                """).param("id", id).param("by", by).param("now", Timestamp.from(now)).update() == 1;
    }

    private void insert(Map<String, @Nullable Object> params) {
        jdbc.sql("""
                INSERT INTO hospital_message (id, message_id, accepted_key, bundle_id, media_type, body, received_at,
                       received_by, outcome, event_code, citizen_id, reason, detail, content_hash, warnings)
                VALUES (:id, :messageId, :accepted, :bundleId, :mediaType, :body, :receivedAt, :receivedBy, :outcome,
                       :code, :citizen, :reason, :detail, :hash, :warnings)
                """).params(params).update();
    }

    private static Map<String, @Nullable Object> params(UUID id, @Nullable String messageId,
            @Nullable String bundleId, String mediaType, String body, Instant now, String by) {
        var params = new HashMap<String, @Nullable Object>();
        params.put("id", id);
        params.put("messageId", cut(messageId, 100));
        params.put("bundleId", cut(bundleId, 100));
        params.put("mediaType", cut(mediaType, 100));
        params.put("body", cut(body, MAX_BODY));
        params.put("receivedAt", Timestamp.from(now));
        params.put("receivedBy", by);
        return params;
    }

    private static @Nullable String cut(@Nullable String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static Rejection.@Nullable Reason reason(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        return reason == null ? null : Rejection.Reason.valueOf(reason);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
