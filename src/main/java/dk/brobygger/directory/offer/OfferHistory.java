package dk.brobygger.directory.offer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who changed an offer, when, and what changed. Shown to editors on the offer page. */
@Component
public class OfferHistory {

    /** One entry: {@code kind} is CREATED, CHANGED, CONFIRMED, APPROVED, REJECTED or IMPORTED. */
    public record Entry(long id, UUID offerId, Instant changedAt, String changedBy, String kind, String details) {
    }

    private final JdbcClient jdbc;

    OfferHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(UUID offerId, Instant at, String by, String kind, String details) {
        jdbc.sql("""
                INSERT INTO offer_change (offer_id, changed_at, changed_by, kind, details)
                VALUES (:offerId, :at, :by, :kind, :details)
                """)
                .param("offerId", offerId).param("at", java.sql.Timestamp.from(at)).param("by", by)
                .param("kind", kind).param("details", details)
                .update();
    }

    public List<Entry> of(UUID offerId) {
        return jdbc.sql("""
                SELECT id, offer_id, changed_at, changed_by, kind, details
                  FROM offer_change WHERE offer_id = :offerId ORDER BY changed_at DESC, id DESC
                """)
                .param("offerId", offerId)
                .query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("offer_id", UUID.class),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"), rs.getString("kind"),
                        rs.getString("details")))
                .list();
    }
}
