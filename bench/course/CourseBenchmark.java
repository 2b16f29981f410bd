import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import dk.brobygger.citizen.DemoCitizenGenerator;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Én indgang at scale (issue 16) on PostgreSQL: the host's board, a course page, recording a contact, and the
 * statistics page for Én indgang when the build has one.
 *
 * <pre>
 * load: java -cp target/classes:postgresql.jar bench/course/CourseBenchmark.java load \
 *         --jdbc URL --citizens 1000000 --courses 2000000 --contacts 20000000
 * run:  java -cp postgresql.jar bench/course/CourseBenchmark.java run --base http://127.0.0.1:18680 \
 *         --jdbc URL --rounds 3 --reads 200 --warmup 20 --out OUT
 * </pre>
 *
 * <p>The load streams the citizens from {@link DemoCitizenGenerator} (seeded) into {@code COPY}. Courses come in
 * chains per citizen (a first course, and returns after a gap), started over the last six years with volume
 * growing year by year, on weekdays in office hours; every shipped course type (read from {@code course_type}, so
 * an edited type is followed), in every state, with phases lasting their planned weeks with noise, waiting lists,
 * pauses, exits of every kind, cancellations with a reason, and open courses in the phase they are in now. Courses
 * started from an inquiry have it (the host team's courses nearly always; other teams' mostly from the citizen's
 * tab). Inquiries come from every source by the channels each uses, phones and walk-ins in office hours, forms and
 * /mig at any hour; beside the courses' inquiries, advice without a course, some still open (most of today's, a
 * few of the last weeks'), those older than a year without a citizen anonymised as the nightly job does. Every
 * course has its team's need-to-know relation (ended with the course) and an open course its exit task. Contacts
 * are generated in PostgreSQL from each active stretch of each phase ({@code generate_series}): the phase's
 * planned intensity times a factor that brings the total to {@code contacts}, with noise per stretch, on weekdays
 * in office hours, of every kind.
 *
 * <p>The run, over HTTP as logged-in users (form login, session cookie and CSRF token, as a browser) on 127.0.0.1,
 * one client (server-side figures: the client is on the same machine and does nothing else): per round,
 * {@code reads} requests after {@code warmup} unmeasured ones; each round's p50/p90/p99/max and the median of the
 * rounds.
 */
public class CourseBenchmark {

    static final long SEED = 20_261_216L;
    static final String HOST = "vaert";
    static final String PEER_HOST = "peervaert";
    static final String MANAGER = "leder";
    static final String HOST_TEAM = "en-indgang";
    static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    public static void main(String[] args) throws Exception {
        var options = new Options(args);
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> load(options);
            case "run" -> run(options);
            default -> throw new IllegalArgumentException("load or run");
        }
    }

    // ---------------------------------------------------------------- load

    record Phase(int position, String name, int weeks, double perWeek) {
    }

    record Type(UUID id, String code, String name, String team, Integer minAge, Integer maxAge, List<Phase> phases,
            boolean sharedAnalysis, boolean ownGoals, boolean peer) {
        int plannedWeeks() {
            return phases.stream().mapToInt(Phase::weeks).sum();
        }
    }

    /** Share of courses per type (per thousand) and the share of them started from an inquiry (per cent). */
    static final Map<String, int[]> MIX = Map.of(
            "kort-forloeb", new int[] {330, 97},
            "peerstoette", new int[] {90, 90},
            "ungeraadgivning", new int[] {120, 75},
            "cti", new int[] {120, 35},
            "integreret-indsats", new int[] {80, 30},
            "medicinpaedagogik", new int[] {80, 25},
            "haandholdt-brobygning", new int[] {180, 45});

    static final String[] SOURCES = {"CITIZEN", "RELATIVE", "ASSOCIATION", "GP", "PSYCHOLOGIST", "REGION", "SCHOOL",
            "JOBCENTRE", "ANONYMOUS"};
    /** Who makes an inquiry, per thousand, for advice without a course. */
    static final int[] SOURCE_SHARES = {330, 230, 80, 90, 40, 40, 60, 50, 80};
    static final String[] FIRST = {"Anne", "Mette", "Hanne", "Lene", "Susanne", "Camilla", "Louise", "Sara", "Emma",
            "Ida", "Fatima", "Aisha", "Peter", "Jens", "Lars", "Henrik", "Søren", "Thomas", "Mikkel", "Rasmus", "Ali",
            "Mohammed", "Jonas", "Kasper", "Birgit", "Karen", "Inger", "Niels", "Ole", "Morten"};
    static final String[] LAST = {"Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
            "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Poulsen",
            "Johansen", "Møller", "Mortensen", "Yilmaz", "Hussein", "Nowak", "Kovalenko", "Holm", "Lund", "Bach"};
    static final String[] WISH_OPENINGS = {
            "Jeg sidder mest derhjemme", "Min søn er holdt op med at gå i skole", "Jeg er lige udskrevet fra psykiatrien",
            "Jeg glemmer min medicin", "Jeg drikker for meget, når tankerne bliver for mange",
            "Et af vores medlemmer virker meget ensom", "Patienten har angst og venter på behandling",
            "Jeg vil gerne tale med nogen, der selv har prøvet det", "Min mor er blevet alene efter min fars død",
            "Eleven isolerer sig og har stort fravær", "Jeg vil gerne i arbejde igen, men er bange for ikke at holde til det",
            "Min ven har det skidt og vil ikke tale med nogen", "Jeg har mistet mit netværk efter en skilsmisse",
            "Jeg sover dårligt og kan ikke overskue min post", "Min datter skærer i sig selv",
            "Borgeren er flyttet hertil og kender ingen", "Jeg hører stemmer, og det skræmmer mig",
            "Jeg har været sygemeldt med stress i et halvt år", "Vi er bekymrede for vores nabo, der ikke kommer ud",
            "Jeg har svært ved at komme ud af sengen om morgenen"};
    static final String[] WISH_ENDINGS = {
            " og vil gerne ud blandt andre igen.", ". Vi ved ikke, hvad vi skal gøre.",
            " og har brug for hjælp til at få hverdagen til at hænge sammen.", ". Kan nogen ringe mig op?",
            " og vil gerne høre, hvad kommunen kan tilbyde.", ". Hun er enig i, at vi skriver.",
            " og vil gerne have en at følges med.", ". Jeg kan bedst om formiddagen.",
            " og ønsker en samtale snarest.", ". Han ved ikke, at vi henvender os.", "."};
    static final String[] ASSOCIATIONS = {"Foreningen Sind", "Bydelsmødrene", "Løbeklubben", "Værestedet Fyrtårnet",
            "Madklubben på biblioteket", "Headspace", "Røde Kors' besøgstjeneste", "Mødrehjælpen", "Landsforeningen Spor",
            "Ventilen", "Café Paraplyen", "Strikkecaféen", "Menighedsplejen", "Sportsklubben for alle",
            "Psykiatrifonden", "Hørselsforeningen", "Seniorklubben", "Fællesspisning i beboerhuset", "Motionsholdet",
            "Kirkens Korshær"};
    static final String[] SERVICES = {"Bostøtte i Socialpsykiatrien", "Jobcentret, ressourceforløb",
            "Misbrugsbehandlingen", "Hjemmeplejen", "Ungdommens Uddannelsesvejledning", "Familieafdelingen",
            "Aktivitetscentret", "Sundhedscentret"};
    static final String[] REGION = {"Psykiatrisk Center, F-ACT", "Distriktspsykiatrien", "Børne- og ungdomspsykiatrien",
            "Psykiatrisk Center, OPUS"};
    static final String[] CANCEL_REASONS = {"Borgeren ønskede ikke forløbet alligevel", "Flyttet fra kommunen",
            "Indlagt i længere tid", "Vi kunne ikke komme i kontakt med borgeren", "Overgået til et visiteret tilbud",
            "Startet ved en fejl"};
    static final String[] NOTES = {"Aftalt næste møde", "Gik en tur sammen", "Fulgtes til caféen",
            "Talte om søvn og rutiner", "Ringede ikke tilbage", "Planlagde udgangen", "Besøg i foreningen",
            "Aflyst af borgeren, ny tid aftalt", "Talte med pårørende", "Gennemgik medicinen", "God energi i dag",
            "Svært at komme ud af døren", "Mødte en frivillig", "Øvede busturen", "Skrev mål ned sammen"};
    static final String[] ADVICE_NOTES = {"Råd om pårørendegruppen", "Henvist til Headspace",
            "Henvist til egen læge", "Råd om at tale med den unge", "Henvist til Foreningen Sind",
            "Ringede tre gange uden svar", "Vejledt om aktivitetstilbud", "Henvist til jobcentret"};

    record Staff(String username, String name) {
    }

    static List<Staff> staff(String prefix, int count, Random random, String... demo) {
        var staff = new ArrayList<Staff>();
        for (String user : demo) {
            staff.add(new Staff(user, switch (user) {
                case HOST -> "Vera Vært";
                case PEER_HOST -> "Pernille Peervært";
                default -> "Fællesteamet";
            }));
        }
        for (int i = 1; i <= count; i++) {
            staff.add(new Staff(prefix + "%02d".formatted(i),
                    FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)]));
        }
        return staff;
    }

    static void load(Options options) throws Exception {
        int citizenCount = options.integer("citizens", 1_000_000);
        int courseCount = options.integer("courses", 2_000_000);
        long contactCount = Long.parseLong(options.text("contacts", "20000000"));
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZONE);
        String stamp = OffsetDateTime.now(ZoneOffset.UTC).toString();
        try (Connection connection = DriverManager.getConnection(options.text("jdbc", null))) {
            var copy = new CopyManager(connection.unwrap(BaseConnection.class));
            try (var statement = connection.createStatement()) {
                // The generated rows are consistent by construction: no foreign-key triggers while loading.
                statement.execute("SET session_replication_role = replica");
                statement.execute("SET maintenance_work_mem = '1GB'");
            }
            var ids = new UUID[citizenCount];
            var born = new LocalDate[citizenCount];
            var rows = new StringBuilder();
            long start = System.nanoTime();
            int[] n = {0};
            DemoCitizenGenerator.generate(SEED, citizenCount, today, c -> {
                row(rows, c.id(), c.cpr().value(), c.cpr().birthDate(), c.cpr().sex().name(), c.name(), c.address(),
                        c.postcode(), c.district(), c.phone(), c.email(),
                        c.livingSituation() == null ? null : c.livingSituation().name(), c.language(),
                        c.needsInterpreter(), c.transportNotes(), 0, stamp, "bench", stamp, "bench");
                ids[n[0]] = c.id();
                born[n[0]++] = c.cpr().birthDate();
                if (rows.length() > 8_000_000) {
                    copyCitizens(copy, rows);
                }
            });
            copyCitizens(copy, rows);
            System.out.printf("loaded %,d citizens in %.1f s%n", citizenCount, (System.nanoTime() - start) / 1e9);

            var types = types(connection);
            try (var statement = connection.createStatement()) {
                // Each course's active stretches per phase, for the contacts made in PostgreSQL below.
                statement.execute("""
                        CREATE UNLOGGED TABLE bench_span (course_id UUID, citizen_id UUID, who VARCHAR(200),
                            recorded_by VARCHAR(100), from_at TIMESTAMPTZ, to_at TIMESTAMPTZ, per_week DOUBLE PRECISION,
                            kinds VARCHAR(20))""");
            }
            start = System.nanoTime();
            var generator = new Generator(new Random(SEED), types, now, today, ids, born, copy);
            generator.courses(courseCount);
            generator.advice();
            generator.flush(true);
            System.out.printf("loaded %,d courses (%,d open, %,d open in the host team), %,d inquiries (%,d open),"
                    + " %,d changes, %,d relations in %.1f s%n", generator.courses, generator.open, generator.openHost,
                    generator.inquiries, generator.openInquiries, generator.changes, generator.courses,
                    (System.nanoTime() - start) / 1e9);

            start = System.nanoTime();
            contacts(connection, contactCount, now);
            System.out.printf("generated %,d contacts in %.1f s%n", count(connection, "course_contact"),
                    (System.nanoTime() - start) / 1e9);
            try (var statement = connection.createStatement()) {
                // The exit task on the responsible worker's list: open while the course is, done by its end.
                statement.executeUpdate("""
                        INSERT INTO followup_task (id, citizen_id, source_kind, source_id, assignee, due_on, status,
                                                   outcome, done_on, done_by, done_at, created_at, version)
                        SELECT gen_random_uuid(), citizen_id, 'course.exit', id, responsible, planned_exit_on,
                               CASE WHEN ended_at IS NULL THEN 'OPEN' ELSE 'DONE' END,
                               CASE WHEN ended_at IS NULL THEN NULL WHEN status = 'CANCELLED' THEN 'CANCELLED'
                                    ELSE 'EXITED' END,
                               CAST(ended_at AT TIME ZONE 'Europe/Copenhagen' AS DATE),
                               CASE WHEN ended_at IS NULL THEN NULL ELSE responsible END, ended_at, started_at,
                               CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END
                          FROM course""");
            }
            start = System.nanoTime();
            try (var statement = connection.createStatement()) {
                statement.execute("SET session_replication_role = origin");
                statement.execute("VACUUM ANALYZE");
            }
            System.out.printf("VACUUM ANALYZE in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    static List<Type> types(Connection connection) throws SQLException {
        var phases = new HashMap<UUID, List<Phase>>();
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(
                "SELECT type_id, position, name, planned_weeks, contacts_per_week FROM course_type_phase ORDER BY type_id, position")) {
            while (rs.next()) {
                phases.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Phase(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getDouble(5)));
            }
        }
        var types = new ArrayList<Type>();
        try (var statement = connection.createStatement(); var rs = statement.executeQuery("""
                SELECT id, code, name, default_team, min_age, max_age, shared_analysis, own_goals, peer_host_offered
                  FROM course_type WHERE active ORDER BY code""")) {
            while (rs.next()) {
                UUID id = rs.getObject(1, UUID.class);
                types.add(new Type(id, rs.getString(2), rs.getString(3), rs.getString(4),
                        (Integer) rs.getObject(5), (Integer) rs.getObject(6), phases.get(id), rs.getBoolean(7),
                        rs.getBoolean(8), rs.getBoolean(9)));
            }
        }
        if (!types.stream().map(Type::code).toList().containsAll(MIX.keySet())) {
            throw new IllegalStateException("the shipped course types are missing: " + types);
        }
        return types;
    }

    /** Generates courses with their inquiries, history and relations, and advice inquiries, into COPY. */
    static final class Generator {
        final Random random;
        final List<Type> types;
        final Map<String, Type> byCode = new HashMap<>();
        final Instant now;
        final LocalDate today;
        final LocalDate first;
        final UUID[] ids;
        final LocalDate[] born;
        final CopyManager copy;
        final Map<String, List<Staff>> staff = new HashMap<>();
        final StringBuilder inquiryRows = new StringBuilder();
        final StringBuilder courseRows = new StringBuilder();
        final StringBuilder changeRows = new StringBuilder();
        final StringBuilder relationRows = new StringBuilder();
        final StringBuilder spanRows = new StringBuilder();
        long courses;
        long open;
        long openHost;
        long inquiries;
        long openInquiries;
        long changes;

        Generator(Random random, List<Type> types, Instant now, LocalDate today, UUID[] ids, LocalDate[] born,
                CopyManager copy) throws SQLException {
            this.random = random;
            this.types = types;
            types.forEach(type -> byCode.put(type.code(), type));
            this.now = now;
            this.today = today;
            this.first = today.minusYears(6);
            this.ids = ids;
            this.born = born;
            this.copy = copy;
            staff.put(HOST_TEAM, staff("ei", 38, random, HOST, PEER_HOST));
            staff.put("socialpsykiatri", staff("sp", 40, random));
            staff.put("ungeindsats", staff("ui", 20, random));
            staff.put("faellesteam", staff("ft", 25, random, "faellesteam"));
        }

        /** A day in the last six years, more in later years (volume doubles over the period), a weekday. */
        LocalDate day() {
            long days = ChronoUnit.DAYS.between(first, today) + 1;
            // density 1 + t on [0, 1]: inverse of (t + t²/2) / 1.5
            double u = random.nextDouble();
            double t = -1 + Math.sqrt(1 + 3 * u);
            return first.plusDays(Math.min(days - 1, (long) (t * days)));
        }

        static LocalDate weekday(LocalDate day) {
            return switch (day.getDayOfWeek()) {
                case SATURDAY -> day.minusDays(1);
                case SUNDAY -> day.plusDays(1);
                default -> day;
            };
        }

        /** Office hours, most in the morning. */
        LocalTime officeTime() {
            int[] weights = {6, 14, 16, 14, 10, 11, 10, 8, 4};
            int roll = random.nextInt(93);
            int hour = 8;
            for (int w : weights) {
                if (roll < w) {
                    break;
                }
                roll -= w;
                hour++;
            }
            return LocalTime.of(Math.min(hour, 16), random.nextInt(60), random.nextInt(60));
        }

        /** Any hour, with evenings (forms and /mig). */
        LocalTime anyTime() {
            double u = random.nextDouble();
            int hour = u < 0.08 ? random.nextInt(7) : u < 0.62 ? 7 + random.nextInt(9) : 16 + random.nextInt(8);
            return LocalTime.of(hour, random.nextInt(60), random.nextInt(60));
        }

        Instant at(LocalDate day, LocalTime time) {
            return day.atTime(time).atZone(ZONE).toInstant();
        }

        String channelOf(String source) {
            int roll = random.nextInt(100);
            return switch (source) {
                case "CITIZEN" -> roll < 35 ? "PHONE" : roll < 55 ? "WALK_IN" : roll < 70 ? "PUBLIC_FORM" : roll < 85
                        ? "MY_PAGE" : "EMAIL";
                case "RELATIVE" -> roll < 55 ? "PHONE" : roll < 75 ? "PUBLIC_FORM" : roll < 90 ? "EMAIL" : "WALK_IN";
                case "ANONYMOUS" -> roll < 70 ? "PHONE" : "PUBLIC_FORM";
                case "REGION", "JOBCENTRE" -> roll < 45 ? "PHONE" : roll < 75 ? "EMAIL" : "MEETING";
                default -> roll < 50 ? "PHONE" : roll < 80 ? "EMAIL" : roll < 90 ? "PUBLIC_FORM" : "MEETING";
            };
        }

        static boolean office(String channel) {
            return !channel.equals("PUBLIC_FORM") && !channel.equals("MY_PAGE") && !channel.equals("EMAIL");
        }

        String sourceFor(String type, int age) {
            int roll = random.nextInt(100);
            return switch (type) {
                case "ungeraadgivning" -> roll < 35 ? "SCHOOL" : roll < 65 ? "RELATIVE" : roll < 90 ? "CITIZEN"
                        : "PSYCHOLOGIST";
                case "cti", "integreret-indsats" -> roll < 50 ? "REGION" : roll < 70 ? "GP" : roll < 85 ? "CITIZEN"
                        : "RELATIVE";
                case "medicinpaedagogik" -> roll < 40 ? "REGION" : roll < 70 ? "GP" : "CITIZEN";
                case "haandholdt-brobygning" -> roll < 30 ? "ASSOCIATION" : roll < 60 ? "CITIZEN" : roll < 80
                        ? "RELATIVE" : "GP";
                default -> roll < 45 ? "CITIZEN" : roll < 65 ? "RELATIVE" : roll < 75 ? "GP" : roll < 83 ? "ASSOCIATION"
                        : roll < 88 ? "JOBCENTRE" : roll < 93 ? "PSYCHOLOGIST" : age < 26 ? "SCHOOL" : "REGION";
            };
        }

        String wish() {
            return WISH_OPENINGS[random.nextInt(WISH_OPENINGS.length)] + WISH_ENDINGS[random.nextInt(WISH_ENDINGS.length)];
        }

        String person() {
            return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
        }

        String phone() {
            return "%d%d %02d %02d %02d".formatted(2 + random.nextInt(8), random.nextInt(10), random.nextInt(100),
                    random.nextInt(100), random.nextInt(100));
        }

        Type pickType(int age) {
            if (age >= 12 && age <= 25 && random.nextInt(100) < 45) {
                return byCode.get("ungeraadgivning");
            }
            if (age < 18) {
                return null;
            }
            while (true) {
                int roll = random.nextInt(1000 - MIX.get("ungeraadgivning")[0]);
                for (var entry : MIX.entrySet()) {
                    if (entry.getKey().equals("ungeraadgivning")) {
                        continue;
                    }
                    roll -= entry.getValue()[0];
                    if (roll < 0) {
                        return byCode.get(entry.getKey());
                    }
                }
            }
        }

        record Event(Instant at, String from, String to, Integer fromPhase, int toPhase, String reason) {
        }

        void courses(int target) throws SQLException, IOException {
            int citizens = ids.length;
            int[] order = new int[citizens];
            for (int i = 0; i < citizens; i++) {
                order[i] = i;
            }
            for (int i = citizens - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            int next = 0;
            while (courses < target) {
                int c = order[next++ % citizens];
                // Courses a citizen has over the years: often one, returns common (the scale asks for two a citizen).
                int chain = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 2.4);
                LocalDate startDay = day();
                LocalDate lastEnded = null;
                String lastType = null;
                for (int k = 0; k < chain && courses < target; k++) {
                    int age = (int) ChronoUnit.YEARS.between(born[c], startDay);
                    Type type = pickType(age);
                    if (type == null || (type.minAge() != null && age < type.minAge())
                            || (type.maxAge() != null && age > type.maxAge())) {
                        break;
                    }
                    if (type.code().equals(lastType) && random.nextBoolean()) {
                        type = byCode.get("kort-forloeb");
                    }
                    LocalDate ended = course(c, type, startDay, lastEnded);
                    if (ended == null) {
                        break;
                    }
                    lastEnded = ended;
                    lastType = type.code();
                    startDay = ended.plusDays(20 + (long) (-Math.log(1 - random.nextDouble()) * 220));
                    if (!startDay.isBefore(today)) {
                        break;
                    }
                }
                if (courseRows.length() > 8_000_000 || spanRows.length() > 8_000_000) {
                    flush(false);
                }
            }
        }

        /** One course; returns the day it ended, or null if it is still open. */
        LocalDate course(int c, Type type, LocalDate wanted, LocalDate lastEnded) throws SQLException, IOException {
            UUID citizen = ids[c];
            int age = (int) ChronoUnit.YEARS.between(born[c], wanted);
            boolean fromInquiry = random.nextInt(100) < MIX.get(type.code())[1];
            String team = type.code().equals("haandholdt-brobygning") ? "faellesteam"
                    : fromInquiry ? HOST_TEAM : type.team();
            var members = staff.get(team);
            Staff responsible = type.code().equals("peerstoette") && random.nextInt(4) == 0
                    ? members.get(1) : members.get(random.nextInt(members.size()));
            boolean sameDay = team.equals(HOST_TEAM) && !type.code().equals("cti");
            // The inquiry, then the start: the same day for the host's own short courses, else after days.
            Instant received = null;
            String source = null;
            String channel = null;
            Instant started;
            if (fromInquiry) {
                source = sourceFor(type.code(), age);
                channel = channelOf(source);
                LocalDate day = office(channel) ? Generator.weekday(wanted) : wanted;
                received = at(day, office(channel) ? officeTime() : anyTime());
                Instant s = received.plus(Duration.ofMinutes(15 + random.nextInt(sameDay ? 200 : 60 * 24 * 14)));
                var local = LocalDateTime.ofInstant(s, ZONE);
                if (local.getHour() >= 16 || local.getHour() < 8 || local.getDayOfWeek().getValue() > 5) {
                    LocalDate d = local.getHour() < 8 ? local.toLocalDate() : local.toLocalDate().plusDays(1);
                    while (d.getDayOfWeek().getValue() > 5) {
                        d = d.plusDays(1);
                    }
                    s = at(d, LocalTime.of(8, 30).plusMinutes(random.nextInt(180)));
                }
                started = s;
            } else {
                started = at(Generator.weekday(wanted), officeTime());
            }
            if (started.isAfter(now)) {
                if (received == null || received.isAfter(now)) {
                    return null;
                }
                started = now.minus(Duration.ofMinutes(1 + random.nextInt(30)));
            }
            LocalDate startDay = LocalDate.ofInstant(started, ZONE);
            UUID id = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
            var events = new ArrayList<Event>();
            var spans = new ArrayList<Instant[]>();
            var spanPhase = new ArrayList<Integer>();
            // The course's fate: exit after its phases, early exit, cancellation; some pause on the way.
            int fate = random.nextInt(100);
            double share = fate < 78 ? 1.0 : 0.15 + random.nextDouble() * 0.7;
            String initial = "ACTIVE";
            Instant active = started;
            if ((type.code().equals("cti") || type.code().equals("integreret-indsats")) && random.nextInt(100) < 30) {
                initial = "WAITLIST";
                active = started.plus(Duration.ofDays(7 + random.nextInt(40)));
            } else if (random.nextInt(100) < 4) {
                initial = "PLANNED";
                active = started.plus(Duration.ofDays(3 + random.nextInt(10)));
            }
            events.add(new Event(started, null, initial, null, 0, null));
            String status = initial;
            if (!initial.equals("ACTIVE") && active.isBefore(now)) {
                events.add(new Event(active, initial, "ACTIVE", 0, 0, null));
                status = "ACTIVE";
            }
            // Phases at their planned length with noise (a long tail: overruns).
            double totalPlanned = type.plannedWeeks();
            double stop = share * totalPlanned;
            double done = 0;
            Instant t = active;
            int phase = 0;
            boolean pause = random.nextInt(100) < 8;
            Instant pausedFrom = null;
            Instant pausedTo = null;
            Instant end = null;
            for (Phase p : type.phases()) {
                double noise = Math.exp(random.nextGaussian() * 0.3) * 1.05;
                double weeks = p.weeks() * noise;
                boolean last = done + p.weeks() >= stop - 1e-9;
                if (last && share < 1.0) {
                    weeks = Math.max(0.5, (stop - done) * noise);
                }
                Instant phaseStart = t;
                Instant phaseEnd = t.plus(Duration.ofMinutes((long) (weeks * 7 * 24 * 60)));
                if (pause && pausedFrom == null && random.nextBoolean()) {
                    pausedFrom = phaseStart.plus(Duration.between(phaseStart, phaseEnd).dividedBy(2));
                    pausedTo = pausedFrom.plus(Duration.ofDays(14 + random.nextInt(50)));
                    phaseEnd = phaseEnd.plus(Duration.between(pausedFrom, pausedTo));
                }
                spans.add(new Instant[] {phaseStart, phaseEnd});
                spanPhase.add(p.position());
                phase = p.position();
                t = phaseEnd;
                done += p.weeks();
                if (last) {
                    end = phaseEnd;
                    break;
                }
                if (phaseEnd.isAfter(now)) {
                    break;
                }
                events.add(new Event(phaseEnd, "ACTIVE", "ACTIVE", p.position(), p.position() + 1, null));
            }
            if (pausedFrom != null && pausedFrom.isBefore(now)) {
                events.add(new Event(pausedFrom, "ACTIVE", "ONHOLD", null, -1, null));
                if (pausedTo.isBefore(now) && (end == null || pausedTo.isBefore(end))) {
                    events.add(new Event(pausedTo, "ONHOLD", "ACTIVE", null, -1, null));
                }
            }
            // The end: an exit (the worker registers it on the day or a few days later), or a cancellation.
            String exitKind = null;
            String exitTo = null;
            LocalDate exitOn = null;
            Boolean agrees = null;
            String exitNote = null;
            Instant endedAt = null;
            String plannedKind = plannedKind(type);
            String plannedTo = destination(plannedKind);
            if (end != null && end.isBefore(now)) {
                LocalDate endDay = weekday(LocalDate.ofInstant(end, ZONE));
                if (endDay.isAfter(today)) {
                    endDay = today;
                }
                endedAt = at(endDay, officeTime()).plus(Duration.ofDays(random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(5)));
                if (endedAt.isAfter(now)) {
                    endedAt = now.minus(Duration.ofMinutes(5));
                }
                if (fate >= 93) {
                    events.add(new Event(endedAt, null, "CANCELLED", null, -1,
                            CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)]));
                } else {
                    exitKind = fate < 78 ? (random.nextInt(100) < 80 ? plannedKind : plannedKind(type))
                            : random.nextInt(100) < 50 ? "NO_MORE_HELP" : plannedKind(type);
                    exitTo = exitKind.equals(plannedKind) ? plannedTo : destination(exitKind);
                    exitOn = endDay;
                    agrees = random.nextInt(100) < 91;
                    exitNote = random.nextInt(100) < 25 ? "Aftalt opfølgning efter tre måneder" : null;
                    events.add(new Event(endedAt, null, "FINISHED", null, -1, null));
                }
            }
            // History in order, statuses and phases carried along.
            events.sort((a, b) -> a.at().compareTo(b.at()));
            String current = null;
            int currentPhase = 0;
            int position = 0;
            for (var event : events) {
                String from = position == 0 ? null : current;
                String to = event.to();
                Integer fromPhase = position == 0 ? null : currentPhase;
                int toPhase = event.toPhase() >= 0 ? event.toPhase() : currentPhase;
                if (event.fromPhase() != null && event.toPhase() >= 0 && event.fromPhase() != event.toPhase()) {
                    to = current;
                }
                row(changeRows, id, position++, event.at(), responsible.username(), from, to, fromPhase, toPhase,
                        event.reason());
                current = to;
                currentPhase = toPhase;
            }
            changes += position;
            status = current;
            boolean isOpen = endedAt == null;
            LocalDate phaseStartedOn = LocalDate.ofInstant(spans.get(spans.size() - 1)[0], ZONE);
            if (phaseStartedOn.isAfter(today)) {
                phaseStartedOn = startDay;
            }
            if (isOpen) {
                open++;
                if (team.equals(HOST_TEAM)) {
                    openHost++;
                }
            }
            // Contacts in each phase's active time (not before it became active, not while paused, not after the end).
            Instant until = endedAt != null ? endedAt : now;
            for (int i = 0; i < spans.size(); i++) {
                Instant from = spans.get(i)[0];
                Instant to = spans.get(i)[1].isAfter(until) ? until : spans.get(i)[1];
                double perWeek = type.phases().get(spanPhase.get(i)).perWeek();
                if (pausedFrom != null && pausedFrom.isAfter(from) && pausedFrom.isBefore(to)) {
                    span(id, citizen, responsible, from, pausedFrom, perWeek, type);
                    from = pausedTo.isBefore(to) ? pausedTo : to;
                }
                span(id, citizen, responsible, from, to, perWeek, type);
            }
            UUID inquiry = null;
            if (fromInquiry) {
                inquiry = new UUID(random.nextLong(), random.nextLong());
                String name = source.equals("CITIZEN") ? null : person();
                row(inquiryRows, inquiry, received, channel, source, name, name == null ? null : phone(),
                        source.equals("CITIZEN") ? null : "Borgeren", wish(), random.nextInt(100) < 25 ? "TODAY"
                                : random.nextInt(100) < 70 ? "THIS_WEEK" : "CAN_WAIT",
                        source.equals("CITIZEN") ? "KNOWS_AND_AGREES" : random.nextInt(100) < 80 ? "KNOWS_AND_AGREES"
                                : "DOES_NOT_KNOW", type.code().equals("ungeraadgivning"), citizen, started,
                        responsible.username(), "Forløb startet fra henvendelsen",
                        office(channel) ? received : started, responsible.username(), "COURSE_STARTED", null, started,
                        null, office(channel) ? responsible.username() : null, 2);
                inquiries++;
            }
            String analysis = type.sharedAnalysis() && random.nextInt(100) < 85
                    ? "Fælles analyse (kommune og region): " + wish() : null;
            String goals = type.ownGoals() && random.nextInt(100) < 85 ? "Egne mål: tage medicinen selv hver dag. "
                    + NOTES[random.nextInt(NOTES.length)] : null;
            Integer returned = lastEnded == null ? null : (int) ChronoUnit.DAYS.between(lastEnded, startDay);
            LocalDate plannedOn = startDay.plusWeeks(type.plannedWeeks());
            String peer = type.peer() && random.nextInt(100) < (type.code().equals("peerstoette") ? 90 : 10)
                    ? (responsible.username().equals(PEER_HOST) ? "Pernille Peervært" : person()) : null;
            Instant updated = events.get(events.size() - 1).at();
            row(courseRows, id, citizen, inquiry, received, type.id(), team, responsible.username(), peer, status,
                    currentPhase, phaseStartedOn, started, returned, plannedKind, plannedTo, plannedOn, exitKind, exitTo,
                    exitOn, agrees, exitNote, analysis, goals, endedAt, position - 1, responsible.username(), started,
                    responsible.username(), updated);
            String purpose = "Én indgang: " + type.name();
            row(relationRows, citizen, team, purpose, responsible.username(), started, endedAt, "course", id);
            courses++;
            if (isOpen) {
                return null;
            }
            return exitOn != null ? exitOn : LocalDate.ofInstant(endedAt, ZONE);
        }

        void span(UUID course, UUID citizen, Staff responsible, Instant from, Instant to, double perWeek, Type type) {
            if (!to.isAfter(from)) {
                return;
            }
            String kinds = switch (type.code()) {
                case "ungeraadgivning", "peerstoette" -> "G";
                case "haandholdt-brobygning", "cti" -> "H";
                default -> "C";
            };
            row(spanRows, course, citizen, responsible.name(), responsible.username(), from, to, perWeek, kinds);
        }

        String plannedKind(Type type) {
            int roll = random.nextInt(100);
            return switch (type.code()) {
                case "integreret-indsats", "medicinpaedagogik" -> roll < 35 ? "REGION" : roll < 65 ? "MUNICIPAL_SERVICE"
                        : roll < 85 ? "COMMUNITY" : "NO_MORE_HELP";
                case "cti" -> roll < 40 ? "MUNICIPAL_SERVICE" : roll < 65 ? "COMMUNITY" : roll < 80 ? "REGION"
                        : "NO_MORE_HELP";
                default -> roll < 62 ? "COMMUNITY" : roll < 75 ? "MUNICIPAL_SERVICE" : roll < 80 ? "REGION"
                        : "NO_MORE_HELP";
            };
        }

        String destination(String kind) {
            return switch (kind) {
                case "COMMUNITY" -> ASSOCIATIONS[random.nextInt(ASSOCIATIONS.length)];
                case "MUNICIPAL_SERVICE" -> SERVICES[random.nextInt(SERVICES.length)];
                case "REGION" -> REGION[random.nextInt(REGION.length)];
                default -> null;
            };
        }

        /**
         * Advice without a course (a third of all inquiries): closed within hours or days, some linked to a citizen;
         * open: most of today's, fewer of the week's, a handful of older ones. Anonymised after a year without a
         * citizen.
         */
        void advice() throws SQLException, IOException {
            long target = inquiries / 2;
            Instant yearAgo = LocalDate.ofInstant(now, ZONE).minusYears(1).atStartOfDay(ZONE).toInstant();
            for (long i = 0; i < target; i++) {
                String source = draw(SOURCES, SOURCE_SHARES);
                String channel = channelOf(source);
                LocalDate day = day();
                if (office(channel)) {
                    day = weekday(day);
                }
                Instant received = at(day, office(channel) ? officeTime() : anyTime());
                if (received.isAfter(now)) {
                    continue;
                }
                advice(source, channel, received, yearAgo);
            }
            // Today until now, at the day's rhythm: the board's "today" (a Friday evening has the whole day).
            long perDay = Math.max(20, target / (ChronoUnit.DAYS.between(first, today) * 5 / 7) * 3 / 2);
            for (long i = 0; i < perDay; i++) {
                String source = draw(SOURCES, SOURCE_SHARES);
                String channel = channelOf(source);
                Instant received = at(today, office(channel) ? officeTime() : anyTime());
                if (received.isAfter(now)) {
                    continue;
                }
                advice(source, channel, received, yearAgo);
            }
        }

        void advice(String source, String channel, Instant received, Instant yearAgo) {
            long ageDays = Duration.between(received, now).toDays();
            double openChance = LocalDate.ofInstant(received, ZONE).equals(today) ? 0.30 : ageDays < 2 ? 0.06
                    : ageDays < 8 ? 0.012 : ageDays < 31 ? 0.0015 : 0;
            boolean isOpen = random.nextDouble() < openChance;
            boolean anonymous = source.equals("ANONYMOUS");
            UUID citizen = !anonymous && random.nextInt(100) < 15 ? ids[random.nextInt(ids.length)] : null;
            boolean metInPerson = channel.equals("WALK_IN") || channel.equals("PHONE") || channel.equals("MEETING");
            Staff host = staff.get(HOST_TEAM).get(random.nextInt(staff.get(HOST_TEAM).size()));
            Instant closed = isOpen ? null : received.plus(Duration.ofMinutes(10 + (long) (-Math.log(1 - random.nextDouble()) * 60 * 30)));
            if (closed != null && closed.isAfter(now)) {
                closed = now.minus(Duration.ofMinutes(1));
            }
            String outcome = closed == null ? null : draw(new String[] {"ADVICE_GIVEN", "REFERRED_ELSEWHERE", "NO_CONTACT"},
                    new int[] {600, 300, 100});
            Instant contacted = metInPerson ? received : outcome == null || outcome.equals("NO_CONTACT") ? null : closed;
            if (isOpen && !metInPerson && random.nextInt(100) < 30) {
                contacted = received.plus(Duration.ofMinutes(20 + random.nextInt(120)));
                contacted = contacted.isAfter(now) ? null : contacted;
            }
            boolean anonymised = citizen == null && received.isBefore(yearAgo);
            String name = anonymous || anonymised ? null : person();
            String recordedBy = channel.equals("PUBLIC_FORM") || channel.equals("MY_PAGE") ? null : host.username();
            row(inquiryRows, new UUID(random.nextLong(), random.nextLong()), received, channel, source, name,
                    name == null ? null : phone(), anonymised || source.equals("CITIZEN") ? null
                            : random.nextBoolean() ? "sin datter" : "en nabo",
                    anonymised ? "Anonymiseret" : wish(),
                    random.nextInt(100) < 15 ? "TODAY" : random.nextInt(100) < 70 ? "THIS_WEEK" : "CAN_WAIT",
                    source.equals("CITIZEN") ? "KNOWS_AND_AGREES" : draw(new String[] {"KNOWS_AND_AGREES",
                            "KNOWS_NOT_AGREED", "DOES_NOT_KNOW", "UNKNOWN"}, new int[] {450, 100, 250, 200}),
                    random.nextInt(100) < 12, citizen, citizen == null ? null : received,
                    citizen == null ? null : host.username(), citizen == null ? null : "Borgeren ringede selv",
                    contacted, contacted == null ? null : host.username(), outcome,
                    outcome == null || anonymised ? null : ADVICE_NOTES[random.nextInt(ADVICE_NOTES.length)], closed,
                    anonymised ? received.plus(Duration.ofDays(366)) : null, recordedBy, closed == null ? 0 : 1);
            inquiries++;
            if (isOpen) {
                openInquiries++;
            }
        }

        String draw(String[] values, int[] shares) {
            int roll = random.nextInt(Arrays.stream(shares).sum());
            for (int i = 0; i < values.length; i++) {
                roll -= shares[i];
                if (roll < 0) {
                    return values[i];
                }
            }
            return values[0];
        }

        void flush(boolean all) throws SQLException, IOException {
            copy(copy, """
                    COPY course_inquiry (id, received_at, channel, source, contact_name, contact_route, on_behalf_of,
                        wish, urgency, citizen_knows, young, citizen_id, linked_at, linked_by, link_reason, contacted_at,
                        contacted_by, outcome, outcome_note, closed_at, anonymised_at, recorded_by, version)
                    FROM STDIN WITH (FORMAT csv)""", inquiryRows);
            copy(copy, """
                    COPY course (id, citizen_id, inquiry_id, inquiry_received_at, type_id, team, responsible, peer_host,
                        status, phase, phase_started_on, started_at, returned_after_days, planned_exit, planned_exit_to,
                        planned_exit_on, exit_kind, exit_to, exit_on, exit_citizen_agrees, exit_note, shared_analysis,
                        own_goals, ended_at, version, created_by, created_at, updated_by, updated_at)
                    FROM STDIN WITH (FORMAT csv)""", courseRows);
            copy(copy, """
                    COPY course_change (course_id, position, changed_at, changed_by, from_status, to_status,
                        from_phase, to_phase, reason) FROM STDIN WITH (FORMAT csv)""", changeRows);
            copy(copy, """
                    COPY citizen_relation (citizen_id, team, reason, created_by, created_at, ended_at, work_kind, work_id)
                    FROM STDIN WITH (FORMAT csv)""", relationRows);
            copy(copy, """
                    COPY bench_span (course_id, citizen_id, who, recorded_by, from_at, to_at, per_week, kinds)
                    FROM STDIN WITH (FORMAT csv)""", spanRows);
        }
    }

    /**
     * Contacts from the stretches: each stretch's planned contacts (weeks × contacts a week) times one factor that
     * makes the total come to {@code target}, with noise per stretch (a worker who kept the rhythm, one who did
     * not); spread over the stretch, moved to a weekday in office hours.
     */
    static void contacts(Connection connection, long target, Instant now) throws SQLException {
        try (var statement = connection.createStatement()) {
            var rs = statement.executeQuery("""
                    SELECT sum(EXTRACT(EPOCH FROM (to_at - from_at)) / 604800.0 * per_week) FROM bench_span""");
            rs.next();
            double planned = rs.getDouble(1);
            double factor = planned == 0 ? 1 : target / planned;
            System.out.printf("contacts planned by the types' intensity: %,.0f; factor %.3f for %,d%n", planned, factor,
                    target);
            var indexes = new ArrayList<String>();
            rs = statement.executeQuery("""
                    SELECT indexdef FROM pg_indexes WHERE tablename = 'course_contact' AND indexname <> 'course_contact_pkey'""");
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
            for (String index : indexes) {
                statement.execute("DROP INDEX " + index.replaceAll("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
            }
            statement.execute("ALTER TABLE course_contact DROP CONSTRAINT course_contact_pkey");
            long start = System.nanoTime();
            statement.execute("SET synchronous_commit = off");
            statement.executeUpdate("""
                    INSERT INTO course_contact (id, course_id, citizen_id, kind, who, happened_at, minutes, note,
                                                recorded_by, recorded_at)
                    SELECT gen_random_uuid(), s.course_id, s.citizen_id, c.kind, s.who, c.happened, c.minutes,
                           CASE WHEN random() < 0.3 THEN (ARRAY['Aftalt næste møde', 'Gik en tur sammen',
                               'Fulgtes til caféen', 'Talte om søvn og rutiner', 'Ringede ikke tilbage',
                               'Planlagde udgangen', 'Besøg i foreningen', 'Aflyst af borgeren, ny tid aftalt',
                               'Talte med pårørende', 'Gennemgik medicinen', 'God energi i dag',
                               'Svært at komme ud af døren', 'Mødte en frivillig', 'Øvede busturen',
                               'Skrev mål ned sammen'])[1 + floor(random() * 15)::int] END,
                           s.recorded_by, least(c.happened + random() * interval '26 hours', %s)
                      FROM (SELECT x.*, floor(x.weeks * x.per_week * %s * x.noise + random())::int AS n
                              FROM (SELECT b.*, EXTRACT(EPOCH FROM (b.to_at - b.from_at)) / 604800.0 AS weeks,
                                           exp(0.35 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()) - 0.06)
                                               AS noise
                                      FROM bench_span b) x) s
                      CROSS JOIN LATERAL (
                          SELECT least(%s, (d + time '08:00' + random() * interval '8 hours')
                                     AT TIME ZONE 'Europe/Copenhagen') AS happened,
                                 k.kind,
                                 CASE WHEN k.kind = 'PHONE' THEN 5 + 5 * floor(random() * 6)::int
                                      ELSE 30 + 15 * floor(random() * 5)::int END AS minutes
                            FROM generate_series(1, s.n) i
                           CROSS JOIN LATERAL (SELECT ((s.from_at + (i - random()) / s.n * (s.to_at - s.from_at))
                                   AT TIME ZONE 'Europe/Copenhagen')::date AS raw) r
                           CROSS JOIN LATERAL (SELECT CASE EXTRACT(ISODOW FROM r.raw) WHEN 6 THEN r.raw - 1
                                   WHEN 7 THEN r.raw + 1 ELSE r.raw END AS d) w
                           CROSS JOIN LATERAL (SELECT CASE
                                   WHEN s.kinds = 'G' AND random() < 0.3 THEN 'GROUP'
                                   WHEN s.kinds = 'H' AND random() < 0.35 THEN 'HOME_VISIT'
                                   ELSE (ARRAY['CONVERSATION', 'CONVERSATION', 'CONVERSATION', 'PHONE', 'PHONE',
                                         'HOME_VISIT', 'VIDEO', 'GROUP'])[1 + floor(random() * 8)::int] END AS kind) k
                      ) c""".formatted(literal(now), factor, literal(now)));
            System.out.printf("contacts inserted in %.1f s%n", (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            statement.execute("ALTER TABLE course_contact ADD CONSTRAINT course_contact_pkey PRIMARY KEY (id)");
            for (String index : indexes) {
                statement.execute(index);
            }
            System.out.printf("contact indexes made again in %.1f s%n", (System.nanoTime() - start) / 1e9);
            statement.execute("DROP TABLE bench_span");
        }
    }

    static String literal(Instant instant) {
        return "TIMESTAMPTZ '" + instant + "'";
    }

    static void copyCitizens(CopyManager copy, StringBuilder rows) {
        try {
            copy(copy, """
                    COPY citizen (id, cpr, birth_date, sex, name, address, postcode, district, phone, email,
                        living_situation, language, needs_interpreter, transport_notes, version, created_at,
                        created_by, updated_at, updated_by) FROM STDIN WITH (FORMAT csv)""", rows);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copy(CopyManager copy, String sql, StringBuilder rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        copy.copyIn(sql, new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** One CSV line; null is an empty unquoted field (NULL), text is always quoted. */
    static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object value = values[i];
            if (value instanceof String text) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else if (value != null) {
                out.append(value);
            }
        }
        out.append('\n');
    }

    // ---------------------------------------------------------------- run

    /** Where the statistics page for Én indgang may be (another branch builds it); the first that answers 200. */
    static final List<String> STATISTICS = List.of("/leder/statistik/indgang?aar=%d", "/leder/statistik/indgang",
            "/statistik/indgang?aar=%d", "/statistik/indgang");

    static void run(Options options) throws Exception {
        String base = options.text("base", "http://127.0.0.1:18680");
        int rounds = options.integer("rounds", 3);
        int reads = options.integer("reads", 200);
        int warmup = options.integer("warmup", 20);
        String statsPath = options.text("stats-path", "");
        Path out = Path.of(options.text("out", "bench/out/course"));
        var report = new StringBuilder();
        try (Connection db = DriverManager.getConnection(options.text("jdbc", null))) {
            print(report, "# Én indgang at %,d citizens, %,d courses, %,d contacts, %,d inquiries%n%n",
                    count(db, "citizen"), count(db, "course"), count(db, "course_contact"), count(db, "course_inquiry"));
            print(report, "Open inquiries: %,d (of today's %,d); open courses in the host team: %,d%n",
                    single(db, "SELECT count(*) FROM course_inquiry WHERE closed_at IS NULL"),
                    single(db, "SELECT count(*) FROM course_inquiry WHERE received_at >= date_trunc('day', now() AT TIME ZONE"
                            + " 'Europe/Copenhagen') AT TIME ZONE 'Europe/Copenhagen'"),
                    single(db, "SELECT count(*) FROM course WHERE team = 'en-indgang' AND status IN ('PLANNED', 'WAITLIST',"
                            + " 'ACTIVE', 'ONHOLD')"));
            var host = Session.login(base, HOST);
            var manager = Session.login(base, MANAGER);
            // Open courses of the host team (the host sees their citizens), in a seeded random order; pages and
            // contacts take them in turn, so that no course is posted to twice.
            var visible = new ArrayList<UUID>();
            try (var statement = db.createStatement(); var rs = statement.executeQuery("""
                    SELECT id FROM course WHERE team = 'en-indgang' AND status IN ('PLANNED', 'WAITLIST', 'ACTIVE', 'ONHOLD')
                     ORDER BY md5(id::text) LIMIT 5000""")) {
                while (rs.next()) {
                    visible.add(rs.getObject(1, UUID.class));
                }
            }
            var contactsBefore = count(db, "course_contact");
            // The application counts this year's statistics in the background once it is ready; a manager opening
            // the page now waits for what is left of that count. Measured first, so the count is not running
            // under the rounds below.
            int year = LocalDate.now(ZONE).getYear();
            String found = null;
            int lastStatus = 0;
            long firstViewStart = System.nanoTime();
            for (String candidate : statsPath.isBlank() ? STATISTICS : List.of(statsPath)) {
                String path = candidate.contains("%d") ? candidate.formatted(year) : candidate;
                lastStatus = manager.get(path).status();
                if (lastStatus == 200) {
                    found = path;
                    break;
                }
            }
            if (found != null) {
                print(report, "Statistics page, the first view shortly after the start (this year counted in the background since the application was ready): %.1f s%n%n",
                        (System.nanoTime() - firstViewStart) / 1e9);
            }

            print(report, "Load average at the start: %s%n%n", loadAverage());
            print(report, "| what | round | p50 ms | p90 ms | p99 ms | max ms | failures | load average |%n"
                    + "|---|---:|---:|---:|---:|---:|---:|---|%n");

            var board = new ArrayList<double[]>();
            for (int round = 1; round <= rounds; round++) {
                board.add(measure(report, "host's board GET /indgang", round, warmup, reads, 200,
                        i -> host.get("/indgang")));
            }
            var pages = new ArrayList<double[]>();
            int[] next = {0};
            for (int round = 1; round <= rounds; round++) {
                pages.add(measure(report, "course page GET /forloeb/{id}", round, warmup, reads, 200,
                        i -> host.get("/forloeb/" + visible.get(next[0]++ % visible.size()))));
            }
            var posts = new ArrayList<double[]>();
            int[] posted = {visible.size() / 2};
            var minute = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
            for (int round = 1; round <= rounds; round++) {
                posts.add(measure(report, "record a contact POST /forloeb/{id}/kontakt", round, warmup, reads, 302,
                        i -> host.post("/forloeb/" + visible.get(posted[0]++ % visible.size()) + "/kontakt", Map.of(
                                "slags", i % 3 == 0 ? "PHONE" : "CONVERSATION",
                                "tid", LocalDateTime.now(ZONE).format(minute),
                                "minutter", i % 3 == 0 ? "10" : "45", "hvem", "",
                                "note", i % 2 == 0 ? "Aftalt næste møde" : ""))));
            }
            long recorded = count(db, "course_contact") - contactsBefore;
            print(report, "%nContacts recorded by the run: %,d (expected %,d)%n", recorded,
                    (long) rounds * (warmup + reads));

            var statistics = new ArrayList<double[]>();
            if (found != null) {
                String path = found;
                for (int round = 1; round <= rounds; round++) {
                    statistics.add(measure(report, "statistics " + path + " (manager)", round, 2, 10, 200,
                            i -> manager.get(path)));
                }
            }
            print(report, "%n## Medians of the rounds%n%n| what | p50 ms | p99 ms | target | met |%n|---|---:|---:|---|---|%n");
            target(report, "host's board (GET /indgang)", board, 30);
            target(report, "course page (GET /forloeb/{id})", pages, 30);
            target(report, "record a contact (POST /forloeb/{id}/kontakt)", posts, 30);
            if (found != null) {
                target(report, "statistics for the municipality (" + found + ")", statistics, 1000);
            } else {
                print(report, "| statistics for the municipality | – | – | ≤ 1 s | not present (last answer %d) |%n",
                        lastStatus);
            }
            print(report, "%nLoad average at the end: %s%n", loadAverage());
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve("course.md"), report);
    }

    static void target(StringBuilder report, String what, List<double[]> rounds, double limit) {
        double p99 = median(rounds, 2);
        print(report, "| %s | %.1f | %.1f | %s | %s |%n", what, median(rounds, 0), p99,
                limit >= 1000 ? "≤ 1 s" : "p99 ≤ " + (int) limit + " ms", p99 <= limit ? "met" : "not met");
    }

    interface Request {
        Session.Response send(int i) throws Exception;
    }

    /**
     * One round: {@code warmup} unmeasured requests, then {@code reads} timed ones; p50, p90, p99, max in ms. An
     * answer other than {@code expected} counts as a failure.
     */
    static double[] measure(StringBuilder report, String what, int round, int warmup, int reads, int expected,
            Request request) throws Exception {
        int failures = 0;
        for (int i = 0; i < warmup; i++) {
            request.send(i);
        }
        double[] times = new double[reads];
        String firstFailure = null;
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            var response = request.send(warmup + i);
            times[i] = (System.nanoTime() - start) / 1e6;
            if (response.status() != expected) {
                failures++;
                if (firstFailure == null) {
                    firstFailure = response.status() + " " + response.body().substring(0,
                            Math.min(300, response.body().length())).replaceAll("\\s+", " ");
                }
            }
        }
        Arrays.sort(times);
        double[] figures = {percentile(times, 50), percentile(times, 90), percentile(times, 99), times[reads - 1]};
        print(report, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d | %s |%n", what, round, figures[0], figures[1],
                figures[2], figures[3], failures, loadAverage());
        if (firstFailure != null) {
            System.out.println("first failure: " + firstFailure);
        }
        return figures;
    }

    static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double median(List<double[]> rounds, int index) {
        double[] values = rounds.stream().mapToDouble(r -> r[index]).sorted().toArray();
        return values[values.length / 2];
    }

    static long count(Connection db, String table) throws SQLException {
        return single(db, "SELECT count(*) FROM " + table);
    }

    static long single(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String loadAverage() throws IOException {
        return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
    }

    static void print(StringBuilder report, String format, Object... args) {
        String text = String.format(format, args);
        System.out.print(text);
        report.append(text);
    }

    /** A logged-in user: form login, session cookie, the CSRF token of the session. */
    record Session(HttpClient http, String base, String csrf) {

        static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        record Response(int status, String body) {
        }

        static Session login(String base, String user) throws IOException, InterruptedException {
            var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
            String form = "username=" + user + "&password=demo&_csrf="
                    + URLEncoder.encode(token(http, base + "/login"), StandardCharsets.UTF_8);
            var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            String location = login.headers().firstValue("Location").orElse("");
            if (login.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
                throw new IllegalStateException("login as " + user + " failed: " + login.statusCode() + " " + location);
            }
            return new Session(http, base, token(http, base + "/"));
        }

        static String token(HttpClient http, String page) throws IOException, InterruptedException {
            var body = http.send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            var token = CSRF.matcher(body);
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on " + page);
            }
            return token.group(1);
        }

        Response get(String path) throws IOException, InterruptedException {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }

        /** A form as the browser sends it, with the session's CSRF token. */
        Response post(String path, Map<String, String> fields) throws IOException, InterruptedException {
            var form = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            fields.forEach((name, value) -> form.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(600))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        }
    }

    /** {@code --name value} pairs after the mode. */
    record Options(String[] args) {
        String text(String name, String fallback) {
            for (int i = 1; i < args.length - 1; i++) {
                if (args[i].equals("--" + name)) {
                    return args[i + 1];
                }
            }
            return fallback;
        }

        int integer(String name, int fallback) {
            return Integer.parseInt(text(name, String.valueOf(fallback)));
        }
    }
}
