package dk.brobygger.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import dk.brobygger.access.BrobyggerUser;
import dk.brobygger.access.Role;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.start.StartTile;
import dk.brobygger.start.StartTiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The volunteer tiles: for staff and an association's contact "Frivillige" (the volunteers whose vetting lapses
 * within {@value Volunteers#WARN_DAYS} days, soonest first, and those who applied and wait for an answer), for a
 * volunteer the assignments waiting for their yes or no. No citizen is named.
 */
@Component
class VolunteerStartTiles implements StartTiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final VolunteerList list;
    private final JdbcClient jdbc;
    private final Clock clock;

    VolunteerStartTiles(VolunteerList list, JdbcClient jdbc, Clock clock) {
        this.list = list;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<StartTile> tiles(BrobyggerUser user) {
        var today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        if (Volunteers.isStaff(user)) {
            return List.of(register(user, "/frivillige", today));
        }
        if (user.has(Role.ASSOCIATION_CONTACT) && user.organizationId() != null) {
            return List.of(register(user, "/forening/frivillige", today));
        }
        if (user.has(Role.VOLUNTEER)) {
            return List.of(mine(user));
        }
        return List.of();
    }

    private StartTile register(BrobyggerUser user, String base, LocalDate today) {
        var lapsing = list.lapsing(user, today);
        long applied = list.page(user, null, VolunteerList.Show.APPLIED, VolunteerList.Sort.NEWEST, 1, today).rows()
                .size();
        String lapsingList = base + "?vis=LAPSING&sorter=LAPSING";
        return new StartTile("frivillige", "start.volunteer.title", base, "start.volunteer.link",
                List.of(new StartTile.Figure("start.volunteer.lapsing", lapsing.size(), lapsingList, !lapsing.isEmpty()),
                        new StartTile.Figure("start.volunteer.applied", applied, base + "?vis=APPLIED", false)),
                lapsing.stream().map(row -> new StartTile.Line(row.name(), row.vettedUntil() == null ? ""
                        : row.vettedUntil().format(DAY), base + "/" + row.id(), null)).toList(),
                "start.volunteer.none", 40);
    }

    private StartTile mine(BrobyggerUser user) {
        long waiting = jdbc.sql("""
                SELECT COUNT(*) FROM volunteer_assignment a JOIN volunteer v ON v.id = a.volunteer_id
                 WHERE v.username = :me AND a.status = 'PROPOSED'
                """).param("me", user.username()).query(Long.class).single();
        long accepted = jdbc.sql("""
                SELECT COUNT(*) FROM volunteer_assignment a JOIN volunteer v ON v.id = a.volunteer_id
                 WHERE v.username = :me AND a.status = 'ACCEPTED'
                """).param("me", user.username()).query(Long.class).single();
        return new StartTile("mine-opgaver", "start.volunteer.mine.title", "/frivillig", "start.volunteer.mine.link",
                List.of(new StartTile.Figure("start.volunteer.mine.waiting", waiting, "/frivillig", waiting > 0),
                        new StartTile.Figure("start.volunteer.mine.accepted", accepted, "/frivillig", false)),
                List.of(), "start.volunteer.mine.none", 10);
    }
}
