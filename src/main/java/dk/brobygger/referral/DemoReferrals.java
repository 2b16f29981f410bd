package dk.brobygger.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dk.brobygger.access.NeedToKnow;
import dk.brobygger.access.Role;
import dk.brobygger.access.Users;
import dk.brobygger.citizen.CitizenId;
import dk.brobygger.citizen.ConsentParty;
import dk.brobygger.citizen.DemoConsents;
import dk.brobygger.citizen.DemoWork;
import dk.brobygger.directory.OfferFacts;
import dk.brobygger.directory.OfferQuery;
import dk.brobygger.directory.OfferSearch;
import dk.brobygger.directory.OfferStatus;
import dk.brobygger.directory.SupportLevel;
import dk.brobygger.followup.TaskList;
import dk.brobygger.shared.DanishTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo municipality's referrals: the Fællesteam's citizens referred to associations in every state (new,
 * unanswered for over two weeks, accepted with a first date, accompanied the first time, attending regularly,
 * waitlisted, declined, completed, stopped, cancelled, entered in error), each with the citizen's consent to share
 * with that association and the citizen's own words. The demo association contacts are tied to two of the
 * organisations ({@code kontakt} to the association editor's knitting club), so the inbox has something to show.
 * Seeded, so every start looks the same.
 */
@Component
@Profile("demo-data & !postgres")
@Order(45)
class DemoReferrals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);
    static final String REFERRER = "faellesteam";
    static final String TEAM = "faellesteam";
    static final String CONTACT = "kontakt";
    static final String OTHER_CONTACT = "kontakt2";
    static final String CONTACTS_ORGANIZATION = "Strikkeklubben Maske for Maske";

    private static final List<String> WORDS = List.of(
            "Jeg savner at have nogen at snakke med, efter at jeg er blevet alene.",
            "Jeg vil gerne strikke igen, men tør ikke gå derhen alene første gang.",
            "Jeg sang i kor som ung og kunne godt tænke mig det igen.",
            "Jeg vil gerne ud at gå med andre, bare en gang om ugen.",
            "Dagene er lange. Jeg vil gerne have noget at stå op til.",
            "Jeg kender ingen her, siden jeg flyttede. Det ville være rart at møde nogen.",
            "Jeg vil gerne hjælpe til med noget, jeg har altid været god med mine hænder.");

    private final JdbcClient jdbc;
    private final ReferralRepository repository;
    private final OfferSearch search;
    private final OfferFacts offers;
    private final Users users;
    private final NeedToKnow needToKnow;
    private final DemoConsents consents;
    private final TaskList tasks;
    private final DemoWork demoWork;
    private final Clock clock;
    private final PasswordEncoder passwords;
    private final String systemPassword;

    DemoReferrals(JdbcClient jdbc, ReferralRepository repository, OfferSearch search, OfferFacts offers, Users users,
            NeedToKnow needToKnow, DemoConsents consents, TaskList tasks, DemoWork demoWork, Clock clock,
            PasswordEncoder passwords, @Value("${brobygger.referral.demo-system-password:demo}") String systemPassword) {
        this.demoWork = demoWork;
        this.passwords = passwords;
        this.systemPassword = systemPassword;
        this.jdbc = jdbc;
        this.repository = repository;
        this.search = search;
        this.offers = offers;
        this.users = users;
        this.needToKnow = needToKnow;
        this.consents = consents;
        this.tasks = tasks;
        this.clock = clock;
    }

    private record Citizen(UUID id, String name) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var byOrganization = activeOffersByOrganization();
        if (byOrganization.isEmpty()) {
            return;
        }
        UUID mine = byOrganization.keySet().stream()
                .filter(id -> byOrganization.get(id).getFirst().organizationName().equals(CONTACTS_ORGANIZATION))
                .findFirst().orElse(byOrganization.keySet().iterator().next());
        UUID other = byOrganization.keySet().stream().filter(id -> !id.equals(mine)).findFirst().orElse(mine);
        tie(CONTACT, mine);
        tie(OTHER_CONTACT, other);
        systemUser(mine, byOrganization.get(mine).getFirst().organizationName());
        systemUser(other, byOrganization.get(other).getFirst().organizationName());
        if (jdbc.sql("SELECT COUNT(*) FROM referral").query(Long.class).single() > 0) {
            return;
        }
        var referrer = users.find(REFERRER);
        if (referrer.isEmpty()) {
            return;
        }
        var visible = needToKnow.visibleTo(referrer.get());
        List<Citizen> citizens = jdbc.sql("""
                SELECT id, name FROM citizen_register_view WHERE id IN (%s) AND anonymised_at IS NULL
                 ORDER BY name, id
                """.formatted(visible.sql())).params(visible.params())
                .query((rs, n) -> new Citizen(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        if (citizens.isEmpty()) {
            return;
        }
        var random = new Random(20_261_204L);
        int made = 0;
        for (int i = 0; i < Math.min(citizens.size(), 14); i++) {
            UUID organization = i < 7 ? mine : other;
            var choices = byOrganization.get(organization);
            var offer = choices.get(random.nextInt(choices.size()));
            made += referral(citizens.get(i), offer, i, random) ? 1 : 0;
        }
        made += citizensOwnReferral(mine, byOrganization, random) ? 1 : 0;
        made += aYearOfClosedReferrals(byOrganization, random);
        log.info("Demo referrals created: {}", made);
    }

    /** The needs of citizens who go on their own: mostly self-reliant, some with a professional behind them. */
    private static final List<SupportLevel> NEEDS = List.of(SupportLevel.SELF_RELIANT, SupportLevel.SELF_RELIANT,
            SupportLevel.MUNICIPAL_FRAME);

    /** Where demo referrals are made: most by the Fællesteam, some from home visits and outreach. */
    private static final List<ReferralContext> CONTEXTS = List.of(ReferralContext.FAELLESTEAM,
            ReferralContext.FAELLESTEAM, ReferralContext.HOME_VISIT, ReferralContext.HOME_VISIT,
            ReferralContext.OUTREACH, ReferralContext.CITIZEN_PAGE);

    /** Writes one referral in the state its place in the list calls for, its history spread over the weeks before. */
    private boolean referral(Citizen citizen, OfferFacts.Offer offer, int index, Random random) {
        var id = new CitizenId(citizen.id());
        if (!repository.findOpen(citizen.id(), offer.id()).isEmpty()) {
            return false;
        }
        consents.give(id, ConsentParty.ASSOCIATION, offer.organizationName(),
                "Fornavn, telefon og egne ord ved henvisning til " + offer.name(), 40, REFERRER);
        Instant now = clock.instant();
        int daysAgo = switch (index % 14) {
            case 0 -> 2;
            case 1 -> 17;
            case 11 -> 5;
            default -> 20 + random.nextInt(60);
        };
        Instant sent = now.minus(Duration.ofDays(daysAgo)).minus(Duration.ofMinutes(random.nextInt(400)));
        boolean accompanied = index % 3 != 2;
        var words = WORDS.get(index % WORDS.size());
        var referral = Referral.draft(new Referral.Draft(id, offer.id(), offer.name(), offer.organizationId(),
                offer.organizationName(), TEAM, accompanied ? SupportLevel.ACCOMPANIED : SupportLevel.SELF_RELIANT,
                accompanied, index % 4 == 3 ? EnumSet.of(SharedField.FIRST_NAME, SharedField.CONTACT)
                        : EnumSet.allOf(SharedField.class), Referrals.firstName(citizen.name()),
                "Ring på 2%d %02d %02d %02d, helst om formiddagen".formatted(random.nextInt(10), random.nextInt(100),
                        random.nextInt(100), random.nextInt(100)), words,
                CONTEXTS.get(random.nextInt(CONTEXTS.size())), false), REFERRER, sent);
        referral.send(REFERRER, sent);
        String contact = index < 7 ? CONTACT : OTHER_CONTACT;
        Instant answered = sent.plus(Duration.ofDays(1 + random.nextInt(3)));
        switch (index % 14) {
            case 0, 1, 11 -> { }
            case 2 -> {
                referral.accept(contact, answered);
                referral.proposeFirstDate(LocalDate.now(clock.withZone(DanishTime.ZONE)).plusDays(3).atTime(10, 0),
                        LocalDateTime.ofInstant(answered, DanishTime.ZONE), contact, answered);
            }
            case 3 -> {
                referral.accept(contact, answered);
                referral.recordAttendance(true, contact, answered.plus(Duration.ofDays(6)));
            }
            case 4 -> {
                referral.accept(contact, answered);
                for (int time = 0; time < 4; time++) {
                    referral.recordAttendance(true, contact, answered.plus(Duration.ofDays(7L * (time + 1))));
                }
                referral.attendingRegularly(3, contact, answered.plus(Duration.ofDays(29)));
            }
            case 5 -> referral.waitlist("Holdet er fuldt til sommerferien; vi ringer, når der er plads.", contact,
                    answered);
            case 6 -> {
                referral.accept(contact, answered);
                referral.recordAttendance(false, contact, answered.plus(Duration.ofDays(7)));
            }
            case 7 -> referral.decline(BusinessStatus.NOT_ELIGIBLE, "Holdet er for pårørende til demente.", contact,
                    answered);
            case 8 -> {
                referral.accept(contact, answered);
                for (int time = 0; time < 3; time++) {
                    referral.recordAttendance(true, contact, answered.plus(Duration.ofDays(7L * (time + 1))));
                }
                referral.complete("Kommer nu hver uge på egen hånd og er med i kaffeholdet.", contact,
                        answered.plus(Duration.ofDays(30)));
            }
            case 9 -> {
                referral.accept(contact, answered);
                referral.stop(BusinessStatus.COULD_NOT_CONTACT, "Ringet fire gange uden svar.", contact,
                        answered.plus(Duration.ofDays(10)));
            }
            case 10 -> referral.cancel("Borgeren er flyttet på plejehjem.", REFERRER, answered);
            case 12 -> referral.enteredInError("Henvist til det forkerte hold.", REFERRER, sent.plusSeconds(600));
            default -> referral.decline(BusinessStatus.NO_CAPACITY, null, contact, answered);
        }
        var saved = repository.save(referral);
        if (saved.status() == ReferralStatus.REQUESTED && daysAgo >= 14 && saved.flagUnanswered(now)) {
            saved = repository.save(saved);
            tasks.open(UnansweredReferrals.task(saved), saved.citizen(), REFERRER,
                    LocalDate.ofInstant(now, DanishTime.ZONE));
        }
        return true;
    }

    /**
     * Each organisation with demo referrals gets a system user for its own system at {@code /fhir} (HTTP Basic, role
     * SYSTEM, tied to the organisation), e.g. {@code system-strikkeklubben}, with the demo system password
     * ({@code brobygger.referral.demo-system-password}).
     */
    private void systemUser(UUID organization, String name) {
        String username = systemUsername(name);
        users.save(username, "System: " + name, passwords.encode(systemPassword), EnumSet.of(Role.SYSTEM), organization);
    }

    /** {@code system-} and the organisation's first word, lower case, letters and digits only. */
    static String systemUsername(String organizationName) {
        String first = organizationName.strip().split("\\s+")[0].toLowerCase(java.util.Locale.ROOT)
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replaceAll("[^a-z0-9]", "");
        return "system-" + (first.isEmpty() ? "forening" : first);
    }

    /**
     * The demo citizen login ({@code borger}) has one referral of their own to answer in /mig: the knitting club said
     * yes and proposed a first time next week, and someone goes along. The Fællesteam works with the citizen.
     */
    private boolean citizensOwnReferral(UUID organization, Map<UUID, List<OfferFacts.Offer>> byOrganization,
            Random random) {
        var own = users.citizenOf("borger");
        if (own.isEmpty()) {
            return false;
        }
        var name = jdbc.sql("SELECT name FROM citizen_register_view WHERE id = :id").param("id", own.get())
                .query(String.class).optional();
        var offer = byOrganization.get(organization).getFirst();
        if (name.isEmpty() || !repository.findOpen(own.get(), offer.id()).isEmpty()) {
            return false;
        }
        var id = new CitizenId(own.get());
        consents.give(id, ConsentParty.ASSOCIATION, offer.organizationName(),
                "Fornavn og egne ord ved henvisning til " + offer.name(), 40, REFERRER);
        Instant sent = clock.instant().minus(Duration.ofDays(4));
        var referral = Referral.draft(new Referral.Draft(id, offer.id(), offer.name(), offer.organizationId(),
                offer.organizationName(), TEAM, SupportLevel.ACCOMPANIED, true,
                EnumSet.of(SharedField.FIRST_NAME, SharedField.WORDS), Referrals.firstName(name.get()), null,
                "Jeg vil gerne ud blandt andre igen, men ikke gå alene første gang.", ReferralContext.HOME_VISIT,
                false), REFERRER, sent);
        referral.send(REFERRER, sent);
        Instant answered = sent.plus(Duration.ofDays(1));
        referral.accept(CONTACT, answered);
        referral.proposeFirstDate(LocalDate.now(clock.withZone(DanishTime.ZONE)).plusDays(5).atTime(10, 0),
                LocalDateTime.ofInstant(answered, DanishTime.ZONE), CONTACT, answered);
        var saved = repository.save(referral);
        demoWork.startForTeam(id, TEAM, Referrals.work(saved), "Henvisning til " + offer.name());
        return true;
    }

    /**
     * A year of the Fællesteam's finished referrals, so the funnel has figures: citizens from the whole register
     * (none of them still in the team's hands), referred over the last eleven months from home visits, outreach and
     * the team's own bridging; most came and many came to stay, some never got there, some were declined for want of
     * room, some said no thanks themselves.
     */
    private int aYearOfClosedReferrals(Map<UUID, List<OfferFacts.Offer>> byOrganization, Random random) {
        List<Citizen> register = jdbc.sql("""
                SELECT id, name FROM citizen_register_view WHERE anonymised_at IS NULL ORDER BY id
                 FETCH FIRST 600 ROWS ONLY
                """).query((rs, n) -> new Citizen(rs.getObject("id", UUID.class), rs.getString("name"))).list();
        var everyOffer = byOrganization.values().stream().flatMap(List::stream).toList();
        int made = 0;
        Instant now = clock.instant();
        for (int i = 0; i < Math.min(140, register.size()); i++) {
            var citizen = register.get(random.nextInt(register.size()));
            var offer = everyOffer.get(random.nextInt(everyOffer.size()));
            if (!repository.findOpen(citizen.id(), offer.id()).isEmpty()) {
                continue;
            }
            var id = new CitizenId(citizen.id());
            consents.give(id, ConsentParty.ASSOCIATION, offer.organizationName(),
                    "Fornavn og telefon ved henvisning til " + offer.name(), 340, REFERRER);
            Instant sent = now.minus(Duration.ofDays(20 + random.nextInt(320))).minus(Duration.ofMinutes(random.nextInt(600)));
            boolean accompanied = random.nextInt(10) < 6;
            var referral = Referral.draft(new Referral.Draft(id, offer.id(), offer.name(), offer.organizationId(),
                    offer.organizationName(), TEAM, accompanied ? SupportLevel.ACCOMPANIED : NEEDS.get(
                            random.nextInt(NEEDS.size())), accompanied,
                    EnumSet.of(SharedField.FIRST_NAME, SharedField.CONTACT), Referrals.firstName(citizen.name()),
                    "Telefon 2%d %02d %02d %02d".formatted(random.nextInt(10), random.nextInt(100), random.nextInt(100),
                            random.nextInt(100)), null, CONTEXTS.get(random.nextInt(CONTEXTS.size())), false),
                    REFERRER, sent);
            referral.send(REFERRER, sent);
            // Most of these associations have no login of their own here: their answers carry the association's name.
            String contact = offer.organizationName();
            Instant answered = sent.plus(Duration.ofHours(8 + random.nextInt(24 * 9)));
            int fate = random.nextInt(100);
            if (fate < 12) {
                referral.decline(random.nextInt(3) < 2 ? BusinessStatus.NO_CAPACITY : BusinessStatus.NOT_ELIGIBLE,
                        "Holdet er fuldt, eller tilbuddet passer ikke til borgerens behov.", contact, answered);
            } else if (fate < 20) {
                referral.citizenAnswered(CitizenAnswer.NO, ContactWish.PHONE, "Har ikke overskud lige nu.",
                        AnswerChannel.PHONE_CALL, REFERRER, answered);
            } else {
                referral.accept(contact, answered);
                Instant visit = answered.plus(Duration.ofDays(3 + random.nextInt(18)));
                if (fate < 32) {
                    referral.stop(BusinessStatus.COULD_NOT_CONTACT, null, contact, visit);
                } else {
                    int times = 1 + random.nextInt(fate < 45 ? 2 : 8);
                    for (int time = 0; time < times; time++) {
                        referral.recordAttendance(true, contact, visit.plus(Duration.ofDays(7L * time)));
                    }
                    Instant last = visit.plus(Duration.ofDays(7L * times));
                    if (times >= 3) {
                        referral.attendingRegularly(3, contact, last);
                    }
                    if (fate < 45) {
                        referral.stop(BusinessStatus.NO_LONGER_INTERESTED, null, contact, last);
                    } else {
                        referral.complete("Kommer nu på egen hånd.", contact, last);
                    }
                }
            }
            repository.save(referral);
            made++;
        }
        return made;
    }

    /** The demo contacts answer for one organisation each, tied like association editors. */
    private void tie(String username, UUID organization) {
        if (users.find(username).isPresent()) {
            users.assignOrganization(username, organization);
        }
    }

    private Map<UUID, List<OfferFacts.Offer>> activeOffersByOrganization() {
        Map<UUID, List<OfferFacts.Offer>> found = new LinkedHashMap<>();
        var everyOffer = OfferQuery.all(100).withoutCategories(java.util.Set.of(OfferSearch.CRISIS_CATEGORY));
        for (UUID id : search.rankedIds(everyOffer, 5_000)) {
            offers.find(id, null).filter(offer -> offer.status() == OfferStatus.ACTIVE && !offer.isFull())
                    .ifPresent(offer -> found.computeIfAbsent(offer.organizationId(), key -> new ArrayList<>())
                            .add(offer));
        }
        return found;
    }
}
