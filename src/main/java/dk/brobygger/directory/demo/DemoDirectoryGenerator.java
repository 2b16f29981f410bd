package dk.brobygger.directory.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.directory.WeeklySchedule;
import dk.brobygger.directory.offer.OrganizationKind;

/**
 * Makes a synthetic but plausible municipality, Fjordlund, with districts ØST and VEST: Danish
 * street names and coordinates, organisations of every kind the seeds name and their offers.
 * Seeded and repeatable: the same seed and size give the same municipality, at 300 offers for the
 * demo or 100,000 for the benchmark.
 */
final class DemoDirectoryGenerator {

    /** A postcode with its town, district and centre. */
    public record Postcode(String code, String name, String district, double latitude, double longitude) {
    }

    public record GeneratedOrganization(UUID id, String name, OrganizationKind kind, String email, String phone,
            String website, String description) {
    }

    public record GeneratedLocation(UUID id, UUID organizationId, String name, String address, Postcode postcode,
            double latitude, double longitude, boolean wheelchair, boolean hearingLoop) {
    }

    public record GeneratedOffer(UUID id, UUID organizationId, UUID locationId, String name, String description,
            OfferStatus status, SupportLevel level, boolean accompaniment, Integer minAge, Integer maxAge, boolean free,
            String cost, boolean transport, String languages, Integer placesLeft, boolean waitlist, String contactName,
            String contactEmail, String contactPhone, LocalDate assuredDate, List<String> categoryCodes,
            List<String> targetGroupCodes, List<WeeklySchedule> schedules) {
    }

    public record Municipality(List<Postcode> postcodes, List<GeneratedOrganization> organizations,
            List<GeneratedLocation> locations, List<GeneratedOffer> offers) {
    }

    public static final List<Postcode> POSTCODES = List.of(
            new Postcode("7100", "Fjordlund C", "ØST", 55.7090, 9.5360),
            new Postcode("7110", "Fjordlund Ø", "ØST", 55.7150, 9.5750),
            new Postcode("7130", "Strandby", "ØST", 55.7300, 9.6200),
            new Postcode("7120", "Fjordlund V", "VEST", 55.7000, 9.4700),
            new Postcode("7140", "Højmark", "VEST", 55.6800, 9.4300),
            new Postcode("7150", "Skovlund", "VEST", 55.7500, 9.5000));

    static final List<String> STREETS = List.of("Vestergade", "Østergade", "Nørregade", "Søndergade", "Kirkevej",
            "Skolevej", "Stationsvej", "Møllevej", "Bakkevej", "Strandvejen", "Parkvej", "Engvej", "Skovvej",
            "Åboulevarden", "Havnegade", "Torvet", "Rosenvænget", "Birkevej", "Egevej", "Bøgevej", "Ahornvej",
            "Lindevej", "Kastanjevej", "Tværgade", "Algade", "Borgergade", "Jernbanegade", "Fabriksvej",
            "Kongensgade", "Dronningensgade", "Fjordvej", "Granvænget", "Mosevej", "Lærkevej", "Solsikkevej");

    static final List<String> FIRST_NAMES = List.of("Anne", "Bent", "Birgit", "Hans", "Inge", "Jens", "Karen",
            "Lars", "Lone", "Mette", "Niels", "Ole", "Pia", "Poul", "Susanne", "Søren", "Tove", "Aisha", "Mehmet",
            "Fatima", "Jonas", "Sofie", "Emil", "Ida");
    static final List<String> LAST_NAMES = List.of("Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen",
            "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen",
            "Olsen", "Thomsen", "Poulsen", "Yilmaz", "Ali");

    private DemoDirectoryGenerator() {
    }

    /** The municipality's own towns beside Fjordlund, where associations have local branches. */
    static final List<String> OWN_TOWNS = List.of("Strandby", "Højmark", "Skovlund");
    private static final List<String> TOWN_STARTS = List.of("Ege", "Bjerre", "Hjort", "Lyng", "Mose", "Kirke",
            "Sønder", "Nørre", "Vester", "Øster", "Bøge", "Elle", "Hassel", "Rave", "Sande", "Stens", "Tofte",
            "Vinde", "Hede", "Krog", "Lunde", "Ravn", "Bakke", "Dals", "Fjeld", "Holme", "Kløve", "Lerup", "Mølle",
            "Skærbæk");
    private static final List<String> TOWN_ENDS = List.of("lund", "by", "rup", "strup", "holm", "bjerg", "sted", "høj",
            "mark", "skov", "vig", "havn", "ager", "torp", "løse", "bølle", "bæk", "dal", "hede", "næs", "rød", "inge",
            "ved", "borg", "sø");

    /**
     * The town of the n-th round of organisations: the municipality's own towns first, then
     * (for the benchmark's national directory) made-up Danish town names, each used once.
     */
    static String town(int round) {
        if (round < OWN_TOWNS.size()) {
            return OWN_TOWNS.get(round);
        }
        int n = round - OWN_TOWNS.size();
        int combinations = TOWN_STARTS.size() * TOWN_ENDS.size();
        String town = TOWN_STARTS.get(n % TOWN_STARTS.size()) + TOWN_ENDS.get((n / TOWN_STARTS.size()) % TOWN_ENDS.size());
        town = town.substring(0, 1) + town.substring(1).toLowerCase(java.util.Locale.ROOT);
        int lap = n / combinations;
        return lap == 0 ? town : town + " " + List.of("Nord", "Syd", "Øst", "Vest", "Mark", "Strand").get((lap - 1) % 6)
                + (lap > 6 ? " " + (lap + 1) / 7 : "");
    }

    /**
     * The name of a seed organisation's branch in another town: the place in its name becomes the
     * town ("Røde Kors Fjordlund" in Strandby is "Røde Kors Strandby"); a municipal unit keeps its
     * municipality and names its town. Organisations with no place in their name have no branches.
     */
    static @org.jspecify.annotations.Nullable String branchName(DemoOrganizations.Seed seed, String town) {
        String name = seed.name();
        boolean ownTown = OWN_TOWNS.contains(town);
        if (seed.kind() == OrganizationKind.MUNICIPALITY || seed.kind() == OrganizationKind.REGION) {
            return ownTown ? name + ", " + town : name.replace("Fjordlund", town);
        }
        for (String place : List.of("Fjordlund", "Strandby", "Højmark", "Skovlund")) {
            if (name.contains(place)) {
                return name.replace(place, town);
            }
        }
        return null;
    }

    /** A municipality with about {@code offerCount} offers. */
    public static Municipality generate(long seed, int offerCount, LocalDate today) {
        var random = new Random(seed);
        Map<String, OfferTemplates.Template> templates = new HashMap<>();
        OfferTemplates.ALL.forEach(t -> templates.put(t.key(), t));

        List<GeneratedOrganization> organizations = new ArrayList<>();
        List<GeneratedLocation> locations = new ArrayList<>();
        List<GeneratedOffer> offers = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        java.util.Set<String> kindsNamed = new java.util.HashSet<>();
        int seeds = DemoOrganizations.ALL.size();
        int round = 0;
        while (offers.size() < offerCount) {
            String town = round == 0 ? "Fjordlund" : town(round - 1);
            for (int i = 0; i < seeds && offers.size() < offerCount; i++) {
                var seedOrganization = DemoOrganizations.ALL.get(i);
                String name = round == 0 ? seedOrganization.name() : branchName(seedOrganization, town);
                if (name == null || !names.add(name)) {
                    continue; // no branch of this one, or the town already has one by that name
                }
                var organization = new GeneratedOrganization(uuid(random), name, seedOrganization.kind(),
                        slug(name) + "@example.dk", phone(random), "https://www.example.dk/" + slug(name),
                        organizationDescription(seedOrganization, town));
                organizations.add(organization);

                int locationCount = 1 + random.nextInt(seedOrganization.templates().size() > 2 ? 3 : 2);
                List<GeneratedLocation> own = new ArrayList<>();
                for (int l = 0; l < locationCount; l++) {
                    own.add(location(random, organization, l, town));
                }
                locations.addAll(own);

                int offersHere = seedOrganization.templates().size() + random.nextInt(2);
                for (int o = 0; o < offersHere && offers.size() < offerCount; o++) {
                    var template = templates.get(seedOrganization.templates().get(o % seedOrganization.templates().size()));
                    if (template == null) {
                        throw new IllegalStateException("Unknown offer template in demo organisations");
                    }
                    var location = own.get(o % own.size());
                    boolean repeat = o >= seedOrganization.templates().size();
                    offers.add(offer(random, template, organization, location, repeat, today,
                            kindsNamed.add(template.key())));
                }
            }
            round++;
        }
        return new Municipality(POSTCODES, organizations, locations, offers);
    }

    private static String organizationDescription(DemoOrganizations.Seed seed, String town) {
        return switch (seed.kind()) {
            case LIBRARY -> "Bibliotek med læsekredse, it-hjælp og et sted at mødes i " + town + ".";
            case VOLUNTEER_ORGANIZATION -> "Frivillige, der skaber fællesskab og hjælper naboer i " + town + ".";
            case PATIENT_ASSOCIATION -> "Patientforening med aktiviteter, rådgivning og fællesskab for medlemmer "
                    + "og pårørende i " + town + ".";
            case ASSOCIATION -> "Forening med aktiviteter for alle, der vil være med i " + town + ".";
            case EDUCATION -> "Kurser, foredrag og undervisning for voksne i " + town + ".";
            case MUNICIPALITY -> "Kommunens tilbud i " + town + ".";
            case REGION -> "Regionens tilbud i " + town + ".";
        };
    }

    private static GeneratedLocation location(Random random, GeneratedOrganization organization, int index,
            String town) {
        var postcode = POSTCODES.get(random.nextInt(POSTCODES.size()));
        if (index == 0) {
            // A branch named after one of the municipality's towns has its first place there.
            for (Postcode candidate : POSTCODES) {
                if (organization.name().contains(candidate.name()) || candidate.name().equals(town)) {
                    postcode = candidate;
                }
            }
        }
        String street = STREETS.get(random.nextInt(STREETS.size()));
        int number = 1 + random.nextInt(120);
        // Streets lie near their town's centre; the house number moves along the street.
        double latitude = postcode.latitude() + streetOffset(street, 0) + number * 0.00002;
        double longitude = postcode.longitude() + streetOffset(street, 1) + number * 0.00003;
        String name = index == 0 ? organization.name() : organization.name() + ", " + postcode.name();
        return new GeneratedLocation(uuid(random), organization.id(), name, street + " " + number, postcode,
                round6(latitude), round6(longitude), random.nextInt(10) < 7, random.nextInt(10) < 3);
    }

    private static double streetOffset(String street, int axis) {
        int hash = (street.hashCode() >>> (axis * 8)) & 0xff;
        return (hash / 255.0 - 0.5) * (axis == 0 ? 0.016 : 0.028);
    }

    private static GeneratedOffer offer(Random random, OfferTemplates.Template template,
            GeneratedOrganization organization, GeneratedLocation location, boolean repeat, LocalDate today,
            boolean firstOfItsKind) {
        String name = OfferTexts.name(random, template, firstOfItsKind, location.postcode().name());
        List<WeeklySchedule> schedules = new ArrayList<>();
        if (template.from() == 0 && template.to() == 23) {
            for (DayOfWeek day : DayOfWeek.values()) {
                schedules.add(WeeklySchedule.weekly(day, LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
            }
        } else {
            DayOfWeek day = repeat ? DayOfWeek.of(1 + random.nextInt(7)) : template.day();
            int shift = repeat ? random.nextInt(3) - 1 : 0;
            int from = Math.max(7, Math.min(20, template.from() + shift));
            int to = Math.max(from + 1, Math.min(22, template.to() + shift));
            int interval = random.nextInt(10) == 0 ? 2 : 1;
            schedules.add(new WeeklySchedule(day, LocalTime.of(from, random.nextInt(4) == 0 ? 30 : 0),
                    LocalTime.of(to, 0), interval, null, null));
        }
        String description = OfferTexts.description(random, template, schedules.getFirst(), location.address(),
                firstOfItsKind);
        String contact = FIRST_NAMES.get(random.nextInt(FIRST_NAMES.size())) + " "
                + LAST_NAMES.get(random.nextInt(LAST_NAMES.size()));
        int roll = random.nextInt(100);
        OfferStatus status = roll < 3 ? OfferStatus.TEMPORARILY_CLOSED : roll < 5 ? OfferStatus.INACTIVE
                : OfferStatus.ACTIVE;
        Integer places = template.level() == SupportLevel.SELF_RELIANT && random.nextBoolean() ? null
                : random.nextInt(12);
        String languages = organization.kind() == OrganizationKind.VOLUNTEER_ORGANIZATION && random.nextInt(4) == 0
                ? "da,en,ar" : random.nextInt(6) == 0 ? "da,en" : "da";
        // Most offers were confirmed recently; some have gone stale (more than six months ago).
        LocalDate assured = today.minusDays(random.nextInt(100) < 85 ? random.nextInt(170) : 190 + random.nextInt(300));
        return new GeneratedOffer(uuid(random), organization.id(), location.id(), name, description,
                status, template.level(), template.accompaniment(), template.minAge(), template.maxAge(),
                template.free(), template.free() ? null : (20 + 10 * random.nextInt(8)) + " kr. pr. gang",
                template.transport(), languages, places, places != null && places == 0 && random.nextBoolean(),
                contact, slug(contact) + "@example.dk", phone(random), assured, template.categories(),
                template.targetGroups(), schedules);
    }

    private static UUID uuid(Random random) {
        return new UUID((random.nextLong() & ~0xF000L) | 0x4000L, (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | Long.MIN_VALUE);
    }

    private static String phone(Random random) {
        return String.format("%02d %02d %02d %02d", 70 + random.nextInt(30), random.nextInt(100), random.nextInt(100),
                random.nextInt(100));
    }

    static String slug(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static double round6(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }
}
