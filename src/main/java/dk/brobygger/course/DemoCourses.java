package dk.brobygger.course;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.ConsentParty;
import dk.brobygger.citizen.DemoConsents;
import dk.brobygger.citizen.DemoWork;
import dk.brobygger.followup.TaskList;
import dk.brobygger.shared.DanishTime;
import dk.brobygger.shared.WorkRef;

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
 * Én indgang in the demo municipality: the last five weeks of inquiries from every source and channel (some today,
 * not contacted yet; relatives' and anonymous advice without a citizen record), courses of every shipped type in
 * different phases with contacts at the type's rhythm (one CTI course where contact did not fall, one with a phase
 * overrun), exits to associations, other services, the region and "no more help needed", and a few citizens who came
 * back. The hosts are {@code vaert} and the peer host {@code peervaert}. Seeded, so every start looks the same.
 */
@Component
@Profile("demo-data & !postgres")
@Order(50)
class DemoCourses implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCourses.class);
    static final String HOST = "vaert";
    static final String PEER_HOST = "peervaert";
    static final String TEAM = "en-indgang";

    private static final List<String> WISHES = List.of(
            "Jeg sidder mest derhjemme og vil gerne ud blandt andre igen.",
            "Min søn er holdt op med at gå i skole og sover om dagen. Vi ved ikke, hvad vi skal gøre.",
            "Jeg er lige udskrevet fra psykiatrien og har brug for hjælp til at få hverdagen til at hænge sammen.",
            "Jeg vil gerne kunne styre min medicin selv uden at glemme den.",
            "Jeg drikker for meget, når tankerne bliver for mange. Jeg vil gerne have det anderledes.",
            "En af vores medlemmer virker meget ensom og har spurgt, om kommunen kan hjælpe.",
            "Patienten har angst og har brug for et fællesskab, mens hun venter på behandling.",
            "Jeg vil gerne tale med nogen, der selv har prøvet at have det sådan.",
            "Min mor er blevet alene, og hun kommer ikke ud mere.",
            "Eleven isolerer sig og har et stort fravær. Forældrene er enige i, at vi skriver.",
            "Jeg vil gerne i arbejde igen, men jeg er bange for ikke at kunne holde til det.",
            "Jeg ville bare høre, hvad man kan gøre, når en ven har det skidt.");

    private static final List<String> ASSOCIATIONS = List.of("Foreningen Sind, Fjordlund", "Bydelsmødrene i Øst",
            "Løbeklubben Fjordlund", "Værestedet Fyrtårnet", "Madklubben på biblioteket", "Headspace Fjordlund");

    private final JdbcClient jdbc;
    private final InquiryRepository inquiries;
    private final CourseRepository courses;
    private final CourseTypes types;
    private final DemoWork work;
    private final DemoConsents consents;
    private final TaskList tasks;
    private final Clock clock;

    DemoCourses(JdbcClient jdbc, InquiryRepository inquiries, CourseRepository courses, CourseTypes types,
            DemoWork work, DemoConsents consents, TaskList tasks, Clock clock) {
        this.jdbc = jdbc;
        this.inquiries = inquiries;
        this.courses = courses;
        this.types = types;
        this.work = work;
        this.consents = consents;
        this.tasks = tasks;
        this.clock = clock;
    }

    private record Person(UUID id, LocalDate born) {
    }

    /** One demo course: its type, how many days ago it started, where it is now, and how it ended if it did. */
    private record Plan(String type, int daysAgo, int phase, boolean lowerContactKept, ExitKind exit,
            String exitTo, int endedDaysAgo) {
    }

    private static final List<Plan> PLANS = List.of(
            new Plan("kort-forloeb", 0, 0, true, null, null, 0),
            new Plan("kort-forloeb", 20, 0, true, null, null, 0),
            new Plan("kort-forloeb", 70, 0, true, ExitKind.COMMUNITY, "Foreningen Sind, Fjordlund", 5),
            new Plan("kort-forloeb", 80, 0, true, ExitKind.NO_MORE_HELP, null, 10),
            new Plan("ungeraadgivning", 9, 0, true, null, null, 0),
            new Plan("ungeraadgivning", 80, 1, true, null, null, 0),
            new Plan("cti", 45, 0, true, null, null, 0),
            new Plan("cti", 75, 1, true, null, null, 0),
            new Plan("cti", 150, 2, true, null, null, 0),
            new Plan("cti", 170, 2, false, null, null, 0),
            new Plan("cti", 300, 3, true, ExitKind.MUNICIPAL_SERVICE, "Bostøtte i Socialpsykiatrien", 12),
            new Plan("peerstoette", 30, 0, true, null, null, 0),
            new Plan("peerstoette", 120, 0, true, ExitKind.COMMUNITY, "Værestedet Fyrtårnet", 8),
            new Plan("integreret-indsats", 25, 0, true, null, null, 0),
            new Plan("integreret-indsats", 90, 1, true, ExitKind.REGION, "Psykiatrisk Center Fjordlund, F-ACT", 3),
            new Plan("medicinpaedagogik", 40, 1, true, null, null, 0),
            new Plan("haandholdt-brobygning", 18, 1, true, null, null, 0),
            new Plan("haandholdt-brobygning", 80, 2, true, ExitKind.COMMUNITY, "Madklubben på biblioteket", 6));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM course_inquiry").query(Long.class).single() > 0) {
            return;
        }
        var today = LocalDate.now(clock.withZone(DanishTime.ZONE));
        List<Person> adults = people(today.minusYears(64), today.minusYears(26));
        List<Person> young = people(today.minusYears(24), today.minusYears(14));
        if (adults.size() < PLANS.size() + 4 || young.size() < 2) {
            return;
        }
        var random = new Random(20_261_216L);
        int made = 0;
        int adult = 0;
        int youth = 0;
        for (int i = 0; i < PLANS.size(); i++) {
            var plan = PLANS.get(i);
            var person = plan.type().equals("ungeraadgivning") ? young.get(youth++) : adults.get(adult++);
            course(person, plan, i, random, today);
            made++;
        }
        // Citizens who came back: an earlier short course that ended in an association, and a new one now.
        for (int back = 0; back < 3; back++) {
            var person = adults.get(adult++);
            course(person, new Plan("kort-forloeb", 200 + 40 * back, 0, true, ExitKind.COMMUNITY,
                    ASSOCIATIONS.get(back), 130 + 40 * back), 100 + back, random, today);
            course(person, new Plan(back == 0 ? "peerstoette" : "kort-forloeb", 4 + back * 6, 0, true, null, null, 0),
                    200 + back, random, today);
            made += 2;
        }
        made += adviceAndOpenInquiries(random, today);
        log.info("Demo courses and inquiries created: {}", made);
    }

    private List<Person> people(LocalDate bornFrom, LocalDate bornTo) {
        return jdbc.sql("""
                SELECT id, birth_date FROM citizen_register_view
                 WHERE anonymised_at IS NULL AND birth_date BETWEEN :from AND :to ORDER BY name, id LIMIT 40
                """).param("from", bornFrom).param("to", bornTo)
                .query((rs, n) -> new Person(rs.getObject("id", UUID.class), rs.getObject("birth_date", LocalDate.class)))
                .list();
    }

    private static final List<InquirySource> COURSE_SOURCES = List.of(InquirySource.CITIZEN, InquirySource.RELATIVE,
            InquirySource.REGION, InquirySource.CITIZEN, InquirySource.GP, InquirySource.ASSOCIATION,
            InquirySource.PSYCHOLOGIST, InquirySource.CITIZEN, InquirySource.JOBCENTRE, InquirySource.SCHOOL);

    private void course(Person person, Plan plan, int index, Random random, LocalDate today) {
        var type = types.byCode(plan.type());
        var citizen = new CitizenId(person.id());
        LocalDate startDay = today.minusDays(plan.daysAgo());
        Instant arrived = startDay.atTime(LocalTime.of(8 + random.nextInt(6), random.nextInt(60)))
                .atZone(DanishTime.ZONE).toInstant();
        // Most start the same day; a few the next day.
        Instant started = arrived.plus(Duration.ofMinutes(index % 5 == 4 ? 60 * 22 : 20 + random.nextInt(180)));
        if (started.isAfter(clock.instant())) {
            started = clock.instant();
        }
        String by = plan.type().equals("peerstoette") ? PEER_HOST : plan.type().equals("haandholdt-brobygning")
                ? "faellesteam" : HOST;
        String team = plan.type().equals("haandholdt-brobygning") ? "faellesteam" : TEAM;
        InquirySource source = plan.type().equals("ungeraadgivning") ? InquirySource.SCHOOL
                : COURSE_SOURCES.get(index % COURSE_SOURCES.size());
        var inquiry = Inquiry.receive(new Inquiry.Received(
                source == InquirySource.CITIZEN ? InquiryChannel.WALK_IN : InquiryChannel.PHONE, source,
                source == InquirySource.CITIZEN ? null : "Kontaktperson " + (index + 1), null,
                source == InquirySource.CITIZEN ? null : "Borgeren", WISHES.get(index % WISHES.size()),
                index % 3 == 0 ? Urgency.TODAY : Urgency.THIS_WEEK, CitizenKnows.KNOWS_AND_AGREES,
                plan.type().equals("ungeraadgivning"), null, by), arrived);
        inquiries.save(inquiry);
        Integer returned = courses.lastEnded(citizen)
                .map(ended -> (int) java.time.temporal.ChronoUnit.DAYS.between(ended, startDay)).orElse(null);
        var id = CourseId.random();
        var course = Course.start(id, new Course.Started(citizen, inquiry.id(), arrived, type, team, by,
                plan.type().equals("peerstoette") ? "Pernille Peervært" : null, CourseStatus.ACTIVE,
                new Course.Exit(plan.exit() == null ? ExitKind.COMMUNITY : plan.exit(),
                        plan.exitTo() != null ? plan.exitTo() : ASSOCIATIONS.get(index % ASSOCIATIONS.size()),
                        startDay.plusWeeks(type.totalWeeks())), returned), by, started, startDay);
        // Phases moved at their planned length (the overrun one a month late); contacts at each phase's rhythm.
        Instant phaseAt = started;
        LocalDate end = plan.exit() == null ? today : today.minusDays(plan.endedDaysAgo());
        for (int phase = 1; phase <= plan.phase(); phase++) {
            phaseAt = phaseAt.plus(Duration.ofDays(7L * type.phase(phase - 1).plannedWeeks()));
            course.moveToPhase(phase, type, null, by, phaseAt, phaseAt.atZone(DanishTime.ZONE).toLocalDate());
        }
        if (plan.exit() != null) {
            course.exit(plan.exit(), plan.exitTo(), end, index % 7 != 3, null, by,
                    end.atTime(14, 0).atZone(DanishTime.ZONE).toInstant(), today);
        }
        courses.save(course, by, started);
        inquiry = inquiries.find(inquiry.id()).orElseThrow();
        inquiry.courseStarted(citizen, by, started);
        inquiries.save(inquiry);
        contacts(course, type, plan, random, started, end);
        if (course.isOpen()) {
            work.startForTeam(citizen, team, Courses.work(id), Inquiries.PURPOSE + ": " + type.name());
            tasks.open(WorkRef.of(Courses.EXIT_TASK, id.value()), citizen, by, course.plannedExit().on(), startDay);
        }
        if (plan.type().equals("cti") && plan.phase() == 1) {
            consents.give(citizen, ConsentParty.RELATIVES, null, "Pårørende inddrages i CTI-forløbet", plan.daysAgo(), by);
            jdbc.sql("""
                    INSERT INTO course_relative (id, course_id, name, relation, young, recorded_by, recorded_at)
                    VALUES (:id, :course, 'Sofie', 'datter, 14 år', TRUE, :by, :at)
                    """).param("id", UUID.randomUUID()).param("course", id.value()).param("by", by)
                    .param("at", Timestamp.from(started.plus(Duration.ofDays(3)))).update();
            jdbc.sql("""
                    INSERT INTO course_recommendation (course_id, code, done_at, done_by)
                    VALUES (:course, 'CHILDREN_AND_YOUNG', :at, :by)
                    """).param("course", id.value()).param("at", Timestamp.from(started.plus(Duration.ofDays(3))))
                    .param("by", by).update();
        }
        if (type.sharedAnalysis() && course.isOpen()) {
            jdbc.sql("UPDATE course SET shared_analysis = :text WHERE id = :id").param("id", id.value())
                    .param("text", "Fælles analyse (kommune og region): Angst og alkohol hænger sammen om aftenen. "
                            + "Borgeren vil gerne have en fast aftenaktivitet og tale med misbrugsbehandlingen.")
                    .update();
        }
        if (type.ownGoals() && course.isOpen()) {
            jdbc.sql("UPDATE course SET own_goals = :text WHERE id = :id").param("id", id.value())
                    .param("text", "Tage morgenmedicinen selv hver dag med en alarm. Tale med lægen om bivirkningerne.")
                    .update();
        }
    }

    /** Contacts at each phase's planned rhythm; one CTI course keeps weekly contact where it should fall. */
    private void contacts(Course course, CourseType type, Plan plan, Random random, Instant from, LocalDate endDay) {
        Instant end = endDay.atTime(16, 0).atZone(DanishTime.ZONE).toInstant();
        var history = course.history();
        Instant at = from;
        int phase = 0;
        int position = 0;
        while (at.isBefore(end) && at.isBefore(clock.instant())) {
            while (position + 1 < history.size() && !history.get(position + 1).changedAt().isAfter(at)) {
                position++;
                phase = history.get(position).toPhase();
            }
            double perWeek = plan.lowerContactKept() ? type.phase(phase).contactsPerWeek() : 1.0;
            var kinds = ContactKind.values();
            jdbc.sql("""
                    INSERT INTO course_contact (id, course_id, citizen_id, kind, who, happened_at, minutes, note,
                                                recorded_by, recorded_at)
                    VALUES (:id, :course, :citizen, :kind, :who, :at, :minutes, NULL, :by, :at)
                    """).param("id", UUID.randomUUID()).param("course", course.id().value())
                    .param("citizen", course.citizen().value()).param("kind", kinds[random.nextInt(kinds.length)].name())
                    .param("who", course.responsible().equals(PEER_HOST) ? "Pernille Peervært" : "Vera Vært")
                    .param("at", Timestamp.from(at)).param("minutes", 20 + 5 * random.nextInt(12))
                    .param("by", course.responsible()).update();
            at = at.plus(Duration.ofHours(Math.round(24 * 7 / perWeek)));
        }
    }

    /** Advice without a course, inquiries waiting today, and anonymous callers: none of them names a citizen. */
    private int adviceAndOpenInquiries(Random random, LocalDate today) {
        var sources = InquirySource.values();
        int made = 0;
        for (int i = 0; i < 22; i++) {
            var source = sources[i % sources.length];
            int daysAgo = i < 4 ? 0 : 1 + random.nextInt(34);
            Instant arrived = today.minusDays(daysAgo).atTime(LocalTime.of(8 + random.nextInt(8), random.nextInt(60)))
                    .atZone(DanishTime.ZONE).toInstant();
            if (arrived.isAfter(clock.instant())) {
                arrived = clock.instant().minus(Duration.ofMinutes(30L * (i + 1)));
            }
            var channel = i % 4 == 0 ? InquiryChannel.PUBLIC_FORM : i % 4 == 1 ? InquiryChannel.PHONE
                    : i % 4 == 2 ? InquiryChannel.EMAIL : InquiryChannel.WALK_IN;
            var inquiry = Inquiry.receive(new Inquiry.Received(channel, source,
                    source == InquirySource.ANONYMOUS ? null : "Henvender " + (i + 1),
                    source == InquirySource.ANONYMOUS ? null : "2%d %02d %02d %02d".formatted(random.nextInt(10),
                            random.nextInt(100), random.nextInt(100), random.nextInt(100)),
                    source == InquirySource.CITIZEN ? null : i % 2 == 0 ? "sin datter" : "en nabo",
                    WISHES.get((i + 5) % WISHES.size()), i % 5 == 0 ? Urgency.TODAY : Urgency.THIS_WEEK,
                    source == InquirySource.CITIZEN ? CitizenKnows.KNOWS_AND_AGREES : CitizenKnows.values()[i % 4],
                    i % 6 == 1, null, channel == InquiryChannel.PUBLIC_FORM ? null : HOST), arrived);
            inquiries.save(inquiry);
            if (daysAgo > 0) {
                var read = inquiries.find(inquiry.id()).orElseThrow();
                read.close(i % 3 == 0 ? InquiryOutcome.REFERRED_ELSEWHERE : InquiryOutcome.ADVICE_GIVEN,
                        i % 3 == 0 ? "Henvist til Headspace" : "Råd om at tale med den unge og om pårørendegruppen",
                        HOST, arrived.plus(Duration.ofHours(2)));
                inquiries.save(read);
            }
            made++;
        }
        return made;
    }
}
