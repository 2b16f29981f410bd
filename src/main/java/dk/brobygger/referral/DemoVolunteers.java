package dk.brobygger.referral;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dk.brobygger.access.Users;
import dk.brobygger.directory.OfferFacts;
import dk.brobygger.directory.TimeOfDay;
import dk.brobygger.shared.DanishTime;

import org.jspecify.annotations.Nullable;
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
 * The demo municipality's volunteers and peers: the municipality's own and the knitting club's, spread over the
 * districts, at every stage; three whose criminal-record certificate lapses within 30 days (the start tile warns)
 * and two already expired; the demo logins {@code frivillig} (Birgit) and {@code peer} (Jonas) tied to their
 * records. On the demo referrals that asked for accompaniment Birgit goes along, Jonas is asked and has not
 * answered, and one first visit has been reported. Written by hand, so every person is someone.
 */
@Component
@Profile("demo-data & !postgres")
@Order(46)
class DemoVolunteers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoVolunteers.class);
    private static final String BY = "faellesteam";

    private final VolunteerRepository volunteers;
    private final AssignmentRepository assignments;
    private final ReferralRepository referrals;
    private final Users users;
    private final OfferFacts offers;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoVolunteers(VolunteerRepository volunteers, AssignmentRepository assignments, ReferralRepository referrals,
            Users users, OfferFacts offers, JdbcClient jdbc, Clock clock) {
        this.offers = offers;
        this.volunteers = volunteers;
        this.assignments = assignments;
        this.referrals = referrals;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Where a demo volunteer is: the stage, and in how many days the certificate lapses (negative: lapsed). */
    private record Person(String name, String phone, String postcode, String district, boolean peer,
            boolean association, Set<Interest> interests, Set<String> languages, String when, VolunteerStage stage,
            int certificateDays, @Nullable String login, @Nullable String why) {
    }

    private static Set<Interest> of(Interest... interests) {
        return interests.length == 0 ? Set.of() : EnumSet.of(interests[0], interests);
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("Birgit Holm Sørensen", "21 44 18 90", "7100", "ØST", false, false,
                    of(Interest.CRAFTS, Interest.COFFEE_AND_TALK, Interest.READING), Set.of("dansk"), "TUE:M THU:A",
                    VolunteerStage.ONBOARDED, 500, "frivillig", null),
            new Person("Jonas Kjær Mikkelsen", "28 61 03 57", "7110", "ØST", true, false,
                    of(Interest.WALKING, Interest.MUSIC, Interest.TECHNOLOGY), Set.of("dansk", "engelsk"),
                    "MON:A WED:A WED:E", VolunteerStage.ONBOARDED, 640, "peer", null),
            new Person("Aisha Khalil", "50 12 77 34", "7120", "VEST", false, false,
                    of(Interest.COOKING, Interest.COFFEE_AND_TALK), Set.of("dansk", "arabisk"), "TUE:A FRI:M",
                    VolunteerStage.ONBOARDED, 12, null, null),
            new Person("Erik Vestergaard", "40 98 21 65", "7140", "VEST", false, false,
                    of(Interest.NATURE, Interest.WALKING, Interest.GARDENING), Set.of("dansk"), "MON:M TUE:M WED:M",
                    VolunteerStage.ONBOARDED, 365, null, null),
            new Person("Grethe Lund", "86 42 19 03", "7100", "ØST", false, true,
                    of(Interest.CRAFTS, Interest.CHURCH), Set.of("dansk"), "TUE:M", VolunteerStage.ONBOARDED, 25,
                    null, null),
            new Person("Mehmet Yilmaz", "31 75 40 88", "7130", "ØST", true, false,
                    of(Interest.CARDS_AND_GAMES, Interest.EXERCISE), Set.of("dansk", "tyrkisk"), "THU:A THU:E",
                    VolunteerStage.ONBOARDED, 420, null, null),
            new Person("Lone Bech Andersen", "22 19 66 07", "7150", "VEST", false, false,
                    of(Interest.SINGING, Interest.MUSIC, Interest.CULTURE), Set.of("dansk", "tysk"), "WED:E SAT:M",
                    VolunteerStage.ONBOARDED, 5, null, null),
            new Person("Poul Erik Damgaard", "23 80 12 46", "7120", "VEST", false, false,
                    of(Interest.CARDS_AND_GAMES, Interest.COFFEE_AND_TALK), Set.of("dansk"), "MON:A FRI:A",
                    VolunteerStage.ONBOARDED, 700, null, null),
            new Person("Sofie Munk", "60 33 81 92", "7110", "ØST", false, false,
                    of(Interest.TECHNOLOGY, Interest.READING), Set.of("dansk", "engelsk"), "THU:E",
                    VolunteerStage.PAUSED, 300, null, "Eksamensperiode til og med januar"),
            new Person("Hanne Kirkegaard", "86 51 70 14", "7130", "ØST", false, true,
                    of(Interest.CRAFTS), Set.of("dansk"), "TUE:M TUE:A", VolunteerStage.ONBOARDED, 540, null, null),
            new Person("Niels Overgaard", "29 47 05 31", "7140", "VEST", true, false,
                    of(Interest.WALKING, Interest.NATURE), Set.of("dansk"), "SAT:M SUN:M", VolunteerStage.EXPIRED, -9,
                    null, "Udløbet: straffeattest"),
            new Person("Fatima Hussein", "52 08 63 19", "7100", "ØST", false, false,
                    of(Interest.COOKING, Interest.CHURCH), Set.of("dansk", "somali", "arabisk"), "WED:A",
                    VolunteerStage.EXPIRED, -30, null, "Udløbet: straffeattest"),
            new Person("Kurt Rasmussen", "20 16 93 74", "7150", "VEST", false, false,
                    of(Interest.GARDENING, Interest.EXERCISE), Set.of("dansk"), "MON:M", VolunteerStage.APPROVED, 0,
                    null, null),
            new Person("Ida Frost", "31 02 58 46", "7110", "ØST", false, false,
                    of(Interest.CULTURE, Interest.SINGING), Set.of("dansk", "engelsk"), "FRI:E",
                    VolunteerStage.APPLIED, 0, null, null),
            new Person("Torben Lykke", "27 39 84 60", "7120", "VEST", true, false,
                    of(Interest.EXERCISE, Interest.VOLUNTEERING), Set.of("dansk"), "TUE:E",
                    VolunteerStage.APPLIED, 0, null, null),
            new Person("Jytte Skov", "86 20 37 55", "7130", "ØST", false, true,
                    of(Interest.COFFEE_AND_TALK), Set.of("dansk"), "THU:M", VolunteerStage.DECLINED, 0, null,
                    "Ønskede ikke at give samtykke til at indhente straffeattest"));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM volunteer").query(Long.class).single() > 0) {
            return;
        }
        var association = users.find(DemoReferrals.CONTACT).map(user -> user.organizationId()).orElse(null);
        String associationName = association == null ? null
                : offers.organizationName(association).orElse(DemoReferrals.CONTACTS_ORGANIZATION);
        var today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        Instant now = clock.instant();
        Volunteer birgit = null;
        Volunteer jonas = null;
        int index = 0;
        for (var person : PEOPLE) {
            Instant applied = now.minus(Duration.ofDays(40L + 23L * index++));
            var volunteer = volunteers.save(person(person, person.association() ? association : null,
                    person.association() ? associationName : null, today, applied, now));
            if ("frivillig".equals(person.login())) {
                birgit = volunteer;
            } else if ("peer".equals(person.login())) {
                jonas = volunteer;
            }
        }
        int assigned = assignments(birgit, jonas, today, now);
        log.info("Demo volunteers created: {}, assignments: {}", PEOPLE.size(), assigned);
    }

    private Volunteer person(Person person, @Nullable UUID organization, @Nullable String organizationName,
            LocalDate today, Instant applied, Instant now) {
        var availability = new LinkedHashSet<Volunteer.Availability>();
        for (String slot : person.when().split(" ")) {
            availability.add(new Volunteer.Availability(day(slot.substring(0, 3)), switch (slot.charAt(4)) {
                case 'M' -> TimeOfDay.MORNING;
                case 'A' -> TimeOfDay.AFTERNOON;
                default -> TimeOfDay.EVENING;
            }));
        }
        var volunteer = Volunteer.apply(new Volunteer.Profile(person.name(), person.phone(), null, person.postcode(),
                person.district(), person.peer(), true, person.interests(), person.languages(), availability),
                organization, organizationName, BY, applied);
        if (person.stage() == VolunteerStage.APPLIED) {
            return volunteer;
        }
        if (person.stage() == VolunteerStage.DECLINED) {
            volunteer.decline(person.why(), BY, applied.plus(Duration.ofDays(6)));
            return volunteer;
        }
        Instant approved = applied.plus(Duration.ofDays(7));
        volunteer.approve(BY, approved);
        if (person.stage() == VolunteerStage.APPROVED) {
            return volunteer;
        }
        // Vetted at the time: the certificate lapses person.certificateDays() from today, two years after it was met.
        LocalDate lapses = today.plusDays(person.certificateDays());
        LocalDate certified = lapses.minusYears(2);
        LocalDate met = LocalDate.ofInstant(approved, DanishTime.ZONE);
        var then = certified.isAfter(met) ? certified : met;
        volunteer.meet(Requirement.CRIMINAL_RECORD, certified, lapses, then, BY, approved);
        volunteer.meet(Requirement.CONFIDENTIALITY, met, null, then, BY, approved);
        if (person.peer()) {
            volunteer.meet(Requirement.PEER_TRAINING, met, met.plusYears(3), then, BY, approved);
        }
        volunteer.meet(Requirement.INTRODUCTION, met, null, then, BY, approved);
        volunteer.onboard(then, BY, approved.plus(Duration.ofDays(1)));
        if (person.stage() == VolunteerStage.PAUSED) {
            volunteer.pause(person.why(), BY, now.minus(Duration.ofDays(12)));
        } else if (person.stage() == VolunteerStage.EXPIRED) {
            volunteer.expireIfLapsed(lapses.plusDays(1), person.why(), "system",
                    lapses.plusDays(1).atTime(1, 30).atZone(DanishTime.ZONE).toInstant());
        }
        if (person.login() != null && users.find(person.login()).isPresent()) {
            volunteer.tieLogin(person.login());
        }
        return volunteer;
    }

    /** Birgit goes along to the first open referral with accompaniment, Jonas is asked on the second, one reported. */
    private int assignments(@Nullable Volunteer birgit, @Nullable Volunteer jonas, LocalDate today, Instant now) {
        if (birgit == null || jonas == null) {
            return 0;
        }
        var open = jdbc.sql("""
                SELECT id FROM referral WHERE accompaniment = TRUE AND status IN ('ACCEPTED', 'IN_PROGRESS')
                 ORDER BY requested_at, id
                """).query(UUID.class).list();
        int made = 0;
        for (int i = 0; i < Math.min(open.size(), 3); i++) {
            var referral = referrals.findById(open.get(i)).orElseThrow();
            var volunteer = i == 1 ? jonas : birgit;
            LocalDateTime when = referral.firstDate() != null ? referral.firstDate()
                    : today.plusDays(3L + i).atTime(i == 1 ? 14 : 10, 0);
            String place = offers.find(referral.offerId(), null).map(offer -> offer.name() + ", " + offer.address()
                    + ", " + offer.postalCode() + " " + offer.city()).orElse(referral.offerName());
            var assignment = Assignment.propose(volunteer.id(), referral.id(), when, place, BY,
                    now.minus(Duration.ofDays(2)));
            if (i != 1) {
                assignment.accept(now.minus(Duration.ofDays(1)));
                referral.buddyAssigned(volunteer.name(), "frivillig", now.minus(Duration.ofDays(1)));
            }
            if (i == 2) {
                assignment.report(Assignment.Visit.WENT_TOGETHER, Assignment.Next.ALONE, 120, LocalDate.now(clock.withZone(dk.brobygger.shared.DanishTime.ZONE)), now.minus(Duration.ofHours(3)));
                referral.buddyReported(true, Volunteers.reportText(Assignment.Visit.WENT_TOGETHER, Assignment.Next.ALONE),
                        "frivillig", now.minus(Duration.ofHours(3)));
            }
            assignments.save(assignment);
            referrals.save(referral);
            made++;
        }
        return made;
    }

    private static DayOfWeek day(String code) {
        return switch (code) {
            case "MON" -> DayOfWeek.MONDAY;
            case "TUE" -> DayOfWeek.TUESDAY;
            case "WED" -> DayOfWeek.WEDNESDAY;
            case "THU" -> DayOfWeek.THURSDAY;
            case "FRI" -> DayOfWeek.FRIDAY;
            case "SAT" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }
}
