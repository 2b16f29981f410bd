package dk.brobygger.directory.editorial;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import dk.brobygger.shared.Paging;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ikke bekræftet: offers nobody has confirmed as current for {@code brobygger.directory.stale-after}
 * (six months by default). Inactive offers are hidden from citizens anyway and are left out.
 */
@Component
class StaleOffers {

    /** One stale offer as the list shows it. */
    public record StaleOffer(UUID id, String name, UUID organizationId, String organizationName, LocalDate assuredDate) {
    }

    /** How the list is ordered: oldest confirmation first, or by name. */
    enum Order {
        DATE("o.assured_date, o.name, o.id"), NAME("o.name, o.assured_date, o.id");

        private final String sql;

        Order(String sql) {
            this.sql = sql;
        }
    }

    /** One page of the list. {@code page} counts from 1. */
    public record Page(List<StaleOffer> offers, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasNext() {
            return page < pages();
        }

        public boolean hasPrevious() {
            return page > 1;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Period staleAfter;

    StaleOffers(JdbcClient jdbc, Clock clock, @Value("${brobygger.directory.stale-after:P6M}") Period staleAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    /** Offers confirmed before this day are stale. */
    LocalDate cutoff(LocalDate today) {
        return today.minus(staleAfter);
    }

    LocalDate cutoffToday() {
        return cutoff(LocalDate.now(clock));
    }

    Period staleAfter() {
        return staleAfter;
    }

    /** One page of stale offers, of one organisation or (empty) of all. */
    Page page(@Nullable UUID organizationId, Order order, int page, int pageSize) {
        LocalDate cutoff = cutoff(LocalDate.now(clock));
        String where = """
                 WHERE o.assured_date < :cutoff AND o.status <> 'INACTIVE'
                """ + (organizationId == null ? "" : " AND o.organization_id = :organization");
        var count = jdbc.sql("SELECT COUNT(*) FROM offer o" + where).param("cutoff", cutoff);
        var select = jdbc.sql("""
                SELECT o.id, o.name, o.organization_id, g.name AS organization_name, o.assured_date
                  FROM offer o JOIN organization g ON g.id = o.organization_id
                """ + where + " ORDER BY " + order.sql + " LIMIT :limit OFFSET :offset")
                .param("cutoff", cutoff).param("limit", pageSize).param("offset", Paging.offset(page, pageSize));
        if (organizationId != null) {
            count = count.param("organization", organizationId);
            select = select.param("organization", organizationId);
        }
        long total = count.query(Long.class).single();
        var offers = select.query((rs, n) -> new StaleOffer(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
                rs.getObject("assured_date", LocalDate.class))).list();
        return new Page(offers, total, page, pageSize);
    }

    /** Every stale offer, for the reminder job. */
    List<StaleOffer> all(LocalDate today) {
        return jdbc.sql("""
                SELECT o.id, o.name, o.organization_id, g.name AS organization_name, o.assured_date
                  FROM offer o JOIN organization g ON g.id = o.organization_id
                 WHERE o.assured_date < :cutoff AND o.status <> 'INACTIVE'
                 ORDER BY o.assured_date, o.id
                """)
                .param("cutoff", cutoff(today))
                .query((rs, n) -> new StaleOffer(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
                        rs.getObject("assured_date", LocalDate.class)))
                .list();
    }
}
