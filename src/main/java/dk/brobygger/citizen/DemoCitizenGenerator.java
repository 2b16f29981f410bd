package dk.brobygger.citizen;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dk.brobygger.shared.CprNumber;

import org.jspecify.annotations.Nullable;

/**
 * Synthetic citizens for the demo municipality Fjordlund (districts ØST and VEST): a Danish age
 * pyramid, Danish names, living situations that depend on age. Seeded and repeatable, and streamed
 * to a consumer so a million citizens need no more memory than the set of CPR numbers used.
 *
 * <p>CPR numbers: any real birth date with any serial number may belong to a real person. To keep
 * that unlikely the generator uses only serial numbers that fail modulus 11 (the CPR office issued
 * such numbers only for a few birth dates where modulus-11 numbers ran out, mostly 1 January) and
 * never 1 January. The numbers are still valid to Brobygger, which checks format and date only
 * (DOMAIN.md §10); the 7th digit always matches the century of the birth date.
 */
public final class DemoCitizenGenerator {

    /** Share of the population in an age band, from..to inclusive (about Danmarks Statistik, 2024). */
    public record AgeBand(int from, int to, double share) {
    }

    /** One synthetic citizen, ready to be written. */
    public record GeneratedCitizen(UUID id, CprNumber cpr, String name, String address, String postcode,
            String district, @Nullable String phone, @Nullable String email,
            @Nullable LivingSituation livingSituation, @Nullable String language, boolean needsInterpreter,
            @Nullable String transportNotes) {
    }

    record Postcode(String code, String town, String district, double weight) {
    }

    public static final List<AgeBand> AGE_PYRAMID = List.of(
            new AgeBand(0, 9, 0.104), new AgeBand(10, 19, 0.115), new AgeBand(20, 29, 0.131),
            new AgeBand(30, 39, 0.126), new AgeBand(40, 49, 0.118), new AgeBand(50, 59, 0.132),
            new AgeBand(60, 69, 0.117), new AgeBand(70, 79, 0.100), new AgeBand(80, 89, 0.048),
            new AgeBand(90, 99, 0.0088), new AgeBand(100, 104, 0.0002));

    /** The demo municipality's postcodes (the same as the directory's demo data); ØST a little larger. */
    static final List<Postcode> POSTCODES = List.of(
            new Postcode("7100", "Fjordlund C", "ØST", 0.25), new Postcode("7110", "Fjordlund Ø", "ØST", 0.18),
            new Postcode("7130", "Strandby", "ØST", 0.12), new Postcode("7120", "Fjordlund V", "VEST", 0.22),
            new Postcode("7140", "Højmark", "VEST", 0.13), new Postcode("7150", "Skovlund", "VEST", 0.10));

    static final List<String> STREETS = List.of("Vestergade", "Østergade", "Nørregade", "Søndergade", "Kirkevej",
            "Skolevej", "Stationsvej", "Møllevej", "Bakkevej", "Strandvejen", "Parkvej", "Engvej", "Skovvej",
            "Havnegade", "Rosenvænget", "Birkevej", "Egevej", "Bøgevej", "Lindevej", "Kastanjevej", "Algade",
            "Jernbanegade", "Fjordvej", "Granvænget", "Mosevej", "Lærkevej", "Solsikkevej", "Ahornvej");
    static final List<String> CARE_HOMES = List.of("Plejecenter Solgården", "Plejehjemmet Fjordly",
            "Plejecenter Egely", "Bofællesskabet Lindehuset");

    // First names by generation: born before 1950, 1950–1984, from 1985.
    static final List<List<String>> WOMEN = List.of(
            List.of("Karen", "Inge", "Kirsten", "Grethe", "Else", "Birthe", "Ruth", "Ingrid", "Edith", "Gerda", "Ellen", "Bodil"),
            List.of("Anne", "Mette", "Susanne", "Lone", "Hanne", "Pia", "Tina", "Helle", "Lene", "Gitte", "Bente", "Dorte"),
            List.of("Sofie", "Emma", "Ida", "Freja", "Laura", "Clara", "Anna", "Maja", "Julie", "Cecilie", "Mathilde", "Ella"));
    static final List<List<String>> MEN = List.of(
            List.of("Jens", "Poul", "Hans", "Niels", "Erik", "Knud", "Svend", "Aage", "Arne", "Ove", "Kaj", "Holger"),
            List.of("Lars", "Søren", "Michael", "Peter", "Thomas", "Henrik", "Jan", "Morten", "Martin", "Bo", "Kim", "Ole"),
            List.of("Lucas", "William", "Noah", "Oscar", "Emil", "Victor", "Magnus", "Frederik", "Carl", "Alfred", "Mads", "Jonas"));
    /** Middle names: women's, men's, and family names either may carry. */
    static final List<String> WOMENS_MIDDLE_NAMES = List.of("Marie", "Margrethe", "Louise", "Kirstine", "Elisabeth");
    static final List<String> MENS_MIDDLE_NAMES = List.of("Kristian", "Peter", "Christian", "Emil", "Valdemar");
    static final List<String> FAMILY_MIDDLE_NAMES = List.of("Juul", "Holm", "Lund", "Bach", "Skov");
    static final List<String> LAST_NAMES = List.of("Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen",
            "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen",
            "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Østergaard", "Kjær");

    /** Newer Danes: a name, a language, the share of the municipality. */
    record Origin(String language, List<String> women, List<String> men, List<String> lastNames) {
    }

    static final List<Origin> ORIGINS = List.of(
            new Origin("arabisk", List.of("Fatima", "Aisha", "Amira"), List.of("Mohammad", "Ali", "Omar"),
                    List.of("Ahmad", "Hussein", "Khalil")),
            new Origin("tyrkisk", List.of("Ayse", "Elif", "Fatma"), List.of("Mehmet", "Mustafa", "Ahmet"),
                    List.of("Yilmaz", "Kaya", "Demir")),
            new Origin("polsk", List.of("Anna", "Katarzyna", "Agnieszka"), List.of("Piotr", "Tomasz", "Krzysztof"),
                    List.of("Nowak", "Kowalski", "Wiśniewski")),
            new Origin("somali", List.of("Hodan", "Faduma", "Sahra"), List.of("Abdi", "Mohamed", "Hassan"),
                    List.of("Warsame", "Farah", "Abdullahi")));
    static final double NEWER_DANES = 0.08;

    static final List<String> TRANSPORT = List.of("Kører ikke selv bil", "Går med rollator",
            "Har bevis til flextur", "Kan tage bussen, men ikke om aftenen", "Bruger kørestol");

    private static final int[] MODULUS_11_WEIGHTS = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};

    private DemoCitizenGenerator() {
    }

    /** {@code count} citizens as a list; for the demo size. */
    public static List<GeneratedCitizen> generate(long seed, int count, LocalDate today) {
        var citizens = new java.util.ArrayList<GeneratedCitizen>(count);
        generate(seed, count, today, citizens::add);
        return citizens;
    }

    /** Streams {@code count} citizens to {@code sink}; scales to a million and more. */
    public static void generate(long seed, int count, LocalDate today, Consumer<GeneratedCitizen> sink) {
        generate(seed, count, today, AGE_PYRAMID, sink);
    }

    /**
     * The same with another age pyramid, e.g. an older rural municipality for a benchmark of the
     * §79a lists; the bands' shares should add up to 1.
     */
    public static void generate(long seed, int count, LocalDate today, List<AgeBand> pyramid,
            Consumer<GeneratedCitizen> sink) {
        var random = new Random(seed);
        Set<Long> usedCpr = new HashSet<>(Math.max(16, count * 2));
        for (int i = 0; i < count; i++) {
            int age = age(random, pyramid);
            CprNumber.Sex sex = random.nextDouble() < femaleShare(age) ? CprNumber.Sex.FEMALE : CprNumber.Sex.MALE;
            LocalDate birthDate = birthDate(random, age, today);
            CprNumber cpr = cpr(random, birthDate, sex, usedCpr);
            sink.accept(citizen(random, cpr, cpr.ageOn(today)));
        }
    }

    static int age(Random random, List<AgeBand> pyramid) {
        double roll = random.nextDouble();
        double cumulative = 0;
        AgeBand band = pyramid.getLast();
        for (AgeBand candidate : pyramid) {
            cumulative += candidate.share();
            if (roll < cumulative) {
                band = candidate;
                break;
            }
        }
        int width = band.to() - band.from() + 1;
        if (band.from() < 80) {
            return band.from() + random.nextInt(width);
        }
        // Among the very old each year is rarer than the one before.
        while (true) {
            int offset = random.nextInt(width);
            if (random.nextDouble() < Math.pow(0.85, offset)) {
                return band.from() + offset;
            }
        }
    }

    static double femaleShare(int age) {
        return age < 60 ? 0.495 : age < 80 ? 0.52 : age < 90 ? 0.59 : 0.72;
    }

    private static LocalDate birthDate(Random random, int age, LocalDate today) {
        LocalDate date = today.minusYears(age).minusDays(random.nextInt(365));
        if (date.getDayOfMonth() == 1 && date.getMonthValue() == 1) {
            date = date.plusDays(1);
        }
        return date;
    }

    /** A valid CPR number for the birth date and sex that fails modulus 11 and is not used yet. */
    static CprNumber cpr(Random random, LocalDate birthDate, CprNumber.Sex sex, Set<Long> used) {
        String date = String.format("%02d%02d%02d", birthDate.getDayOfMonth(), birthDate.getMonthValue(),
                birthDate.getYear() % 100);
        while (true) {
            int seventh = seventhDigit(random, birthDate.getYear());
            int middle = random.nextInt(100);
            int last = 2 * random.nextInt(5) + (sex == CprNumber.Sex.MALE ? 1 : 0);
            String digits = date + seventh + String.format("%02d", middle) + last;
            if (passesModulus11(digits) || !used.add(Long.parseLong(digits))) {
                continue;
            }
            return CprNumber.of(digits);
        }
    }

    /** DOMAIN.md §10, read backwards: a 7th digit that gives this birth year's century. */
    static int seventhDigit(Random random, int year) {
        int yy = year % 100;
        if (year < 1900) {
            return 5 + random.nextInt(4);
        }
        if (year < 2000) {
            return yy >= 37 && random.nextInt(10) == 0 ? 4 : random.nextInt(4);
        }
        return yy <= 36 ? 4 : 5 + random.nextInt(4);
    }

    static boolean passesModulus11(String digits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * MODULUS_11_WEIGHTS[i];
        }
        return sum % 11 == 0;
    }

    private static GeneratedCitizen citizen(Random random, CprNumber cpr, int age) {
        boolean female = cpr.sex() == CprNumber.Sex.FEMALE;
        int generation = cpr.birthDate().getYear() < 1950 ? 0 : cpr.birthDate().getYear() < 1985 ? 1 : 2;
        String name;
        String language = null;
        boolean interpreter = false;
        if (random.nextDouble() < NEWER_DANES) {
            Origin origin = ORIGINS.get(random.nextInt(ORIGINS.size()));
            name = pick(random, female ? origin.women() : origin.men()) + " " + pick(random, origin.lastNames());
            language = origin.language();
            interpreter = random.nextDouble() < (age >= 60 ? 0.6 : age >= 18 ? 0.15 : 0.0);
        } else {
            String first = pick(random, (female ? WOMEN : MEN).get(generation));
            String middle = random.nextInt(4) == 0 ? " " + pick(random, random.nextBoolean() ? FAMILY_MIDDLE_NAMES
                    : female ? WOMENS_MIDDLE_NAMES : MENS_MIDDLE_NAMES) : "";
            name = first + middle + " " + pick(random, LAST_NAMES);
        }
        LivingSituation living = livingSituation(random, age);
        Postcode postcode = postcode(random);
        String address = living == LivingSituation.CARE_HOME
                ? pick(random, CARE_HOMES) + ", bolig " + (1 + random.nextInt(60))
                : pick(random, STREETS) + " " + (1 + random.nextInt(150))
                        + (random.nextInt(3) == 0 ? ", " + (1 + random.nextInt(4)) + ". " + (random.nextBoolean() ? "th" : "tv") : "");
        String phone = age < 12 ? null : String.format("%d%d %02d %02d %02d", 2 + random.nextInt(2), random.nextInt(10),
                random.nextInt(100), random.nextInt(100), random.nextInt(100));
        String email = age >= 15 && random.nextDouble() < (age < 75 ? 0.7 : 0.3)
                ? slug(name) + random.nextInt(100) + "@example.dk" : null;
        String transport = age >= 70 && random.nextInt(3) == 0 ? pick(random, TRANSPORT) : null;
        return new GeneratedCitizen(uuid(random), cpr, name, address, postcode.code(), postcode.district(), phone,
                email, living, language, interpreter, transport);
    }

    /** Children's living situation is not recorded; alone and care home grow with age. */
    static @Nullable LivingSituation livingSituation(Random random, int age) {
        if (age < 18) {
            return null;
        }
        double alone = age < 30 ? 0.40 : age < 65 ? 0.22 : age < 80 ? 0.35 : age < 85 ? 0.50 : 0.55;
        double careHome = age < 65 ? 0.0 : age < 80 ? 0.005 : age < 85 ? 0.04 : age < 90 ? 0.12 : 0.30;
        double roll = random.nextDouble();
        return roll < careHome ? LivingSituation.CARE_HOME
                : roll < careHome + alone ? LivingSituation.ALONE : LivingSituation.WITH_PARTNER;
    }

    private static Postcode postcode(Random random) {
        double roll = random.nextDouble();
        double cumulative = 0;
        for (Postcode postcode : POSTCODES) {
            cumulative += postcode.weight();
            if (roll < cumulative) {
                return postcode;
            }
        }
        return POSTCODES.getLast();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
    }

    private static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                .replaceAll("[^a-z0-9]+", ".").replaceAll("(^\\.|\\.$)", "");
    }
}
