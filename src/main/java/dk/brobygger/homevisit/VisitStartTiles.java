package dk.brobygger.homevisit;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.citizen.CitizenRecords;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home visitor's tile: today's visits in time order with the citizen's address and a link to a map (the
 * page a nurse opens in the car), and how many past visits still lack their documentation. The map service is
 * {@code brobygger.map-url} (default OpenStreetMap's search), the address appended.
 */
@Component
class VisitStartTiles implements StartTiles {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Visits visits;
    private final CitizenRecords records;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String mapUrl;

    VisitStartTiles(Visits visits, CitizenRecords records, JdbcClient jdbc, Clock clock,
            @Value("${brobygger.map-url:https://www.openstreetmap.org/search?query=}") String mapUrl) {
        this.visits = visits;
        this.records = records;
        this.jdbc = jdbc;
        this.clock = clock;
        this.mapUrl = mapUrl;
    }

    @Override
    @Transactional
    public List<StartTile> tiles(BrobyggerUser user) {
        if (!user.has(Role.STAFF)) {
            return List.of();
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(DanishTime.ZONE));
        LocalDate today = now.toLocalDate();
        var planned = visits.calendar(user.username(), today, today.plusDays(1)).stream()
                .filter(visit -> visit.status() != VisitStatus.CANCELLED).toList();
        var names = planned.isEmpty() ? java.util.Map.<dk.brobygger.citizen.CitizenId, CitizenRecords.Summary>of()
                : records.summaries(planned.stream().map(Visit::citizen).toList(), "Så borgeren på sin startside");
        var lines = planned.stream().limit(StartTile.LINES).map(visit -> {
            var citizen = names.get(visit.citizen());
            String when = TIME.format(visit.plannedStart());
            if (citizen == null) {
                return new StartTile.Line(when, null, "/hjemmebesog/besoeg/" + visit.id(), null);
            }
            return new StartTile.Line(when + " " + citizen.name(), citizen.address(),
                    "/hjemmebesog/besoeg/" + visit.id(), map(citizen.address()));
        }).toList();
        long undocumented = jdbc.sql("""
                SELECT COUNT(*) FROM visit
                 WHERE visitor = :visitor AND status = 'PLANNED' AND planned_start < :now
                """).param("visitor", user.username()).param("now", Timestamp.valueOf(now)).query(Long.class).single();
        String calendar = "/hjemmebesog/kalender?visning=dag";
        return List.of(new StartTile("besoeg", "start.visits.title", calendar, "start.visits.link",
                List.of(new StartTile.Figure("start.visits.count", planned.size(), calendar, false),
                        new StartTile.Figure("start.visits.undocumented", undocumented, "/hjemmebesog/kalender",
                                true)),
                lines, "start.visits.none", 10));
    }

    private @Nullable String map(@Nullable String address) {
        return address == null ? null : mapUrl + URLEncoder.encode(address, StandardCharsets.UTF_8);
    }
}
