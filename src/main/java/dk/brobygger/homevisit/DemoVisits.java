package dk.brobygger.homevisit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dk.brobygger.access.NeedToKnow;
import dk.brobygger.access.Users;
import dk.brobygger.shared.DanishTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo nurse's year: a held visit for each of her citizens over the last eleven months (most of
 * them with a conversation about loneliness, so the "Fællesskab" tag and the statistics have
 * content), and a calendar with visits this week and next. Seeded, so every start looks the same.
 */
@Component
@Profile("demo-data & !postgres")
@Order(40)
class DemoVisits implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVisits.class);
    private static final String NURSE = "hjemmebesog";
    private static final String COLLEAGUE = "kollega-hjemmebesog";
    private static final ZoneId DANISH_TIME = DanishTime.ZONE;

    private final JdbcClient jdbc;
    private final Users users;
    private final NeedToKnow needToKnow;
    private final DueVisits due;
    private final Clock clock;

    DemoVisits(JdbcClient jdbc, Users users, NeedToKnow needToKnow, DueVisits due, Clock clock) {
        this.due = due;
        this.jdbc = jdbc;
        this.users = users;
        this.needToKnow = needToKnow;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM visit").query(Long.class).single() > 0) {
            return;
        }
        var nurse = users.find(NURSE);
        if (nurse.isEmpty()) {
            return;
        }
        // The nurse's citizens, as DemoCitizens related them (oldest first).
        var visible = needToKnow.visibleTo(nurse.get());
        List<UUID> citizens = jdbc.sql("""
                SELECT id FROM citizen_register_view WHERE id IN (%s) ORDER BY birth_date, id
                """.formatted(visible.sql())).params(visible.params()).query(UUID.class).list();
        if (citizens.isEmpty()) {
            return;
        }
        var random = new Random(20_261_123L);
        LocalDate today = LocalDate.now(clock.withZone(DANISH_TIME));
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int planned = 0;
        for (int i = 0; i < citizens.size(); i++) {
            UUID citizen = citizens.get(i);
            LocalDate heldOn = today.minusDays(7 + random.nextInt(330));
            held(citizen, heldOn, random, today);
            if (i % 3 == 0) {
                LocalDate day = monday.plusDays(planned % 5 + (planned / 5) * 7L);
                planned(citizen, day.atTime(9 + (planned % 4) * 2, planned % 2 == 0 ? 0 : 30).toString());
                planned++;
            }
        }
        int colleagues = colleaguesVisits(random, today, visible);
        log.info("Demo home visits created: {} held by the demo nurse, {} planned, {} held by colleagues",
                citizens.size(), planned, colleagues);
    }

    /**
     * The rest of the team's year, so the statistics have figures above the "<5" threshold: a visit
     * to some of the citizens aged 75 or more. Their visitor is no demo login, so need-to-know keeps
     * these citizens hidden from the demo nurse.
     */
    private int colleaguesVisits(Random random, LocalDate today, NeedToKnow.Subquery nurses) {
        List<UUID> older = jdbc.sql("""
                SELECT id FROM citizen_register_view WHERE birth_date <= :born AND id NOT IN (%s) ORDER BY id
                """.formatted(nurses.sql())).params(nurses.params()).param("born", today.minusYears(75))
                .query(UUID.class).list();
        int count = 0;
        for (UUID citizen : older) {
            if (random.nextInt(100) < 60) {
                held(citizen, today.minusDays(7 + random.nextInt(690)), random, today, COLLEAGUE);
                count++;
            }
        }
        return count;
    }

    private void held(UUID citizen, LocalDate heldOn, Random random, LocalDate today) {
        held(citizen, heldOn, random, today, NURSE);
    }

    private void held(UUID citizen, LocalDate heldOn, Random random, LocalDate today, String visitor) {
        var themes = new ArrayList<String>();
        for (VisitTheme theme : VisitTheme.values()) {
            if (random.nextInt(100) < (theme == VisitTheme.COMMUNITY ? 40 : 55)) {
                themes.add(theme.name());
            }
        }
        var conversation = new ArrayList<String>();
        if (random.nextInt(100) < 50) {
            for (ConversationElement element : ConversationElement.values()) {
                if (random.nextInt(100) < 60) {
                    conversation.add(element.name());
                }
            }
        }
        boolean card = random.nextInt(100) < 30;
        boolean tag = Visit.earnsCommunityTag(
                themes.stream().map(VisitTheme::valueOf).collect(java.util.stream.Collectors.toSet()),
                conversation.stream().map(ConversationElement::valueOf).collect(java.util.stream.Collectors.toSet()),
                card);
        LocalDate followUp = tag && random.nextInt(100) < 70 ? heldOn.plusDays(14 + random.nextInt(28)) : null;
        var start = Timestamp.valueOf(heldOn.atTime(10, 0));
        jdbc.sql("""
                INSERT INTO visit (id, citizen_id, visitor, planned_start, duration_minutes, place, status, held_on,
                                   themes, conversation, card_handed_out, community_tag, notes, follow_up_on, version,
                                   created_by, created_at, updated_by, updated_at)
                VALUES (:id, :citizen, :nurse, :start, 60, :place, 'HELD', :heldOn, :themes, :conversation, :card,
                        :tag, :notes, :followUp, 1, :nurse, :start, :nurse, :start)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("nurse", visitor)
                .param("start", start).param("place", random.nextInt(10) < 8 ? "HOME" : "PHONE")
                .param("heldOn", heldOn).param("themes", String.join(",", themes.stream().sorted().toList()))
                .param("conversation", String.join(",", conversation.stream().sorted().toList())).param("card", card)
                .param("tag", tag).param("notes", tag ? "Talte om savnet efter fællesskab; interesseret i at prøve noget nyt."
                        : "Fokus på helbred og hverdag.")
                .param("followUp", followUp).update();
        offered(citizen, heldOn, visitor);
    }

    /** A visit held for a citizen due one that year answers the year's §79a offer: offered by letter, accepted. */
    private void offered(UUID citizen, LocalDate heldOn, String visitor) {
        int year = heldOn.getYear();
        var rule = due.evaluate(year, new dk.brobygger.citizen.CitizenId(citizen));
        if (rule.isEmpty() || jdbc.sql("SELECT COUNT(*) FROM homevisit_offer WHERE citizen_id = :citizen AND visit_year = :year")
                .param("citizen", citizen).param("year", year).query(Long.class).single() > 0) {
            return;
        }
        LocalDate offeredOn = heldOn.minusDays(21).getYear() == year ? heldOn.minusDays(21) : LocalDate.of(year, 1, 1);
        jdbc.sql("""
                INSERT INTO homevisit_offer (id, citizen_id, visit_year, rule, offered_on, channel, answer, answered_on,
                                             held_on, held_by, recorded_by, recorded_at, version)
                VALUES (:id, :citizen, :year, :rule, :offered, 'LETTER', 'ACCEPTED', :offered, :held, :visitor,
                        :visitor, :at, 1)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("year", year)
                .param("rule", rule.get().rule()).param("offered", offeredOn).param("held", heldOn)
                .param("visitor", visitor).param("at", Timestamp.valueOf(offeredOn.atTime(9, 0))).update();
    }

    private void planned(UUID citizen, String start) {
        var at = Timestamp.valueOf(java.time.LocalDateTime.parse(start));
        jdbc.sql("""
                INSERT INTO visit (id, citizen_id, visitor, planned_start, duration_minutes, place, status, version,
                                   created_by, created_at, updated_by, updated_at)
                VALUES (:id, :citizen, :nurse, :start, 60, 'HOME', 'PLANNED', 0, :nurse, :now, :nurse, :now)
                """).param("id", UUID.randomUUID()).param("citizen", citizen).param("nurse", NURSE).param("start", at)
                .param("now", Timestamp.from(clock.instant())).update();
    }
}
