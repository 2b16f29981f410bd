package dk.brobygger.directory.editorial;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The editors' tiles. A municipal editor: changes waiting for moderation (oldest first) and offers nobody has
 * confirmed for a while. An association editor: the association's own offers, those to confirm, and its changes
 * still waiting for the municipality.
 */
@Component
class EditorialStartTiles implements StartTiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final JdbcClient jdbc;
    private final StaleOffers stale;

    EditorialStartTiles(JdbcClient jdbc, StaleOffers stale) {
        this.jdbc = jdbc;
        this.stale = stale;
    }

    @Override
    public List<StartTile> tiles(BrobyggerUser user) {
        List<StartTile> tiles = new ArrayList<>();
        if (user.isMunicipalEditor()) {
            tiles.add(moderation());
            tiles.add(staleOffers());
        } else if (user.has(Role.ASSOCIATION_EDITOR) && user.organizationId() != null) {
            tiles.add(own(user.organizationId()));
        }
        return tiles;
    }

    private StartTile moderation() {
        long waiting = jdbc.sql("SELECT COUNT(*) FROM change_request WHERE status = 'PENDING'").query(Long.class)
                .single();
        var lines = jdbc.sql("""
                SELECT r.id, r.summary, g.name AS organization, r.submitted_at
                  FROM change_request r JOIN organization g ON g.id = r.organization_id
                 WHERE r.status = 'PENDING'
                 ORDER BY r.submitted_at, r.id
                 FETCH FIRST :limit ROWS ONLY
                """).param("limit", StartTile.LINES).query((rs, row) -> new StartTile.Line(rs.getString("summary"),
                        rs.getString("organization") + " · " + DAY.format(rs.getTimestamp("submitted_at").toInstant()
                                .atZone(DanishTime.ZONE)),
                        "/redaktion/moderation/" + rs.getObject("id", UUID.class), null)).list();
        return new StartTile("moderation", "start.moderation.title", "/redaktion/moderation", "start.moderation.link",
                List.of(new StartTile.Figure("start.moderation.count", waiting, "/redaktion/moderation", waiting > 0)),
                lines, "start.moderation.none", 50);
    }

    private StartTile staleOffers() {
        var page = stale.page(null, StaleOffers.Order.DATE, 1, StartTile.LINES);
        var lines = page.offers().stream().map(offer -> new StartTile.Line(offer.name(),
                offer.organizationName() + " · " + DAY.format(offer.assuredDate()), "/tilbud/" + offer.id(), null))
                .toList();
        return new StartTile("ikke-bekraeftet", "start.stale.title", "/redaktion/ikke-bekraeftet", "start.stale.link",
                List.of(new StartTile.Figure("start.stale.count", page.total(), "/redaktion/ikke-bekraeftet", false)),
                lines, "start.stale.none", 55);
    }

    private StartTile own(UUID organization) {
        LocalDate cutoff = stale.cutoffToday();
        var counts = jdbc.sql("""
                SELECT COUNT(*) AS offers,
                       SUM(CASE WHEN o.assured_date < :cutoff AND o.status <> 'INACTIVE' THEN 1 ELSE 0 END) AS stale
                  FROM offer o WHERE o.organization_id = :organization
                """).param("organization", organization).param("cutoff", cutoff)
                .query((rs, row) -> new long[] {rs.getLong("offers"), rs.getLong("stale")}).single();
        long pending = jdbc.sql("""
                SELECT COUNT(*) FROM change_request WHERE organization_id = :organization AND status = 'PENDING'
                """).param("organization", organization).query(Long.class).single();
        var lines = stale.page(organization, StaleOffers.Order.DATE, 1, StartTile.LINES).offers().stream()
                .map(offer -> new StartTile.Line(offer.name(), DAY.format(offer.assuredDate()),
                        "/redaktion/tilbud/" + offer.id() + "/rediger", null))
                .toList();
        return new StartTile("egne-tilbud", "start.own.title", "/redaktion", "start.own.link",
                List.of(new StartTile.Figure("start.own.count", counts[0], "/redaktion", false),
                        new StartTile.Figure("start.own.stale", counts[1], "/redaktion/ikke-bekraeftet", true),
                        new StartTile.Figure("start.own.pending", pending, "/redaktion", false)),
                lines, "start.own.none", 50);
    }
}
