package dk.brobygger.directory.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dk.brobygger.directory.WeeklySchedule;

/**
 * Names and descriptions for demo offers, composed from parts written for each kind of offer, so
 * seventeen walking groups read like seventeen walking groups and not like one copied seventeen
 * times: another name now and then, what happens there in one of a few wordings, when and where
 * the group meets, what the offer's facts mean for the citizen (accompaniment, transport, free)
 * and a closing line that fits its category. Every choice is drawn from the generator's seeded
 * random, so the same seed gives the same texts.
 */
final class OfferTexts {

    /** Other names an offer of a kind goes by; the template's own name is always one of them. */
    static final Map<String, List<String>> NAMES = Map.ofEntries(
            Map.entry("strik", List.of("Strikkeklub", "Strik og hækl", "Strikkeaften", "Maskeværkstedet")),
            Map.entry("gaatur", List.of("Gå-gruppen", "Gåtur med kaffe bagefter", "Gåklubben", "Frisk luft – vi går sammen",
                    "Morgengåtur")),
            Map.entry("seniorgym", List.of("Motion for seniorer", "Stolegymnastik", "Blid gymnastik", "Seniortræning")),
            Map.entry("faellesspisning", List.of("Spis sammen", "Torsdagsspisning", "Aftensmad i fællesskab",
                    "Fællesspisning for alle")),
            Map.entry("aeldres-aften", List.of("Seniorhygge", "Eftermiddagskaffe med sang", "Pensionistklubben")),
            Map.entry("besoegsven", List.of("Besøgsvenner", "Få en besøgsven", "Besøgstjenesten")),
            Map.entry("telefonven", List.of("Telefonvenner", "En fast telefonven", "Ring-en-ven")),
            Map.entry("laesekreds", List.of("Læsekreds", "Bogklub", "Litteraturkreds")),
            Map.entry("strikkecafe", List.of("Strikkecafé", "Strik og snak på biblioteket", "Garn og kaffe")),
            Map.entry("it-hjaelp", List.of("It-café", "Hjælp til mobil og tablet", "Digital hjælp")),
            Map.entry("mandeklub", List.of("Mænds mødested", "Værkstedet for mænd", "Cykel- og træværksted")),
            Map.entry("kor", List.of("Seniorkoret", "Syng med", "Morgensang", "Sangkoret")),
            Map.entry("haveklub", List.of("Fælleshave", "Køkkenhaven", "Havefællesskabet")),
            Map.entry("pensionisthoejskole", List.of("Højskoledage for seniorer", "Seniorhøjskolen")),
            Map.entry("sprogcafe", List.of("Sprogcafé – øv dansk", "Dansk over kaffen", "Snak dansk")),
            Map.entry("kvindenetvaerk", List.of("Kvindecafé", "Kvinder mødes", "Netværk for kvinder")),
            Map.entry("cykling", List.of("Rickshawture", "Cykelture for ældre")),
            Map.entry("petanque", List.of("Petanque", "Petanqueklub", "Kuglespil i parken")),
            Map.entry("svoemning", List.of("Seniorsvømning", "Vandgymnastik", "Svømning for voksne")),
            Map.entry("bowling", List.of("Bowling for seniorer", "Onsdagsbowling")),
            Map.entry("foredrag", List.of("Foredragsaftener", "Aftenforedrag", "Lokalhistoriske foredrag")),
            Map.entry("museum", List.of("Museets venner", "Omvisning for seniorer")),
            Map.entry("kirkecafe", List.of("Sogneeftermiddag", "Kaffe i sognegården", "Kirkecafé")),
            Map.entry("spisevenner", List.of("Spiseven", "Spis sammen med en ven")),
            Map.entry("madklub", List.of("Mænd i køkkenet", "Madlavning for mænd")),
            Map.entry("naturvejleder", List.of("Naturture", "Ud i naturen", "Skovture med naturvejlederen")),
            Map.entry("lektiecafe", List.of("Lektiehjælp", "Lektiecafé for unge")),
            Map.entry("ungecafe", List.of("Ungecafé", "Ungdomsklubben om aftenen", "Mødested for unge")),
            Map.entry("vaeresteder", List.of("Værested", "Åbent værested", "Caféen for alle")),
            Map.entry("netvaerksgruppe", List.of("Pårørendegruppe", "Netværk for pårørende")),
            Map.entry("peergruppe", List.of("Peergruppe", "Fra sårbar til stærk")),
            Map.entry("demenscafe", List.of("Demenscafé", "Café for pårørende til mennesker med demens")),
            Map.entry("kraeftcafe", List.of("Kræftcafé", "Mødested for kræftramte")),
            Map.entry("frivilligcenter", List.of("Bliv frivillig", "Frivilligformidling")));

    /** What happens there, in other words than the template's own description. */
    static final Map<String, List<String>> BODIES = Map.ofEntries(
            Map.entry("strik", List.of(
                    "Vi strikker sokker, sjaler og tæpper – nogle til os selv, andre til børnehjem og hospitaler.",
                    "Vi mødes om garn og pinde og hjælper hinanden med mønstre og opskrifter.")),
            Map.entry("gaatur", List.of(
                    "Vi går en times tid i roligt tempo ad stier og veje i nærområdet, og ingen bliver efterladt.",
                    "Turen er på 3–5 km, og vi holder pause undervejs. Vi snakker, mens vi går.",
                    "Vi går sammen i alt slags vejr. Turen tilpasses dem, der kommer.")),
            Map.entry("seniorgym", List.of(
                    "Vi træner balance, styrke og smidighed til musik. Øvelserne kan tages siddende.",
                    "En instruktør leder holdet, og alle øvelser kan gøres lettere eller sværere.")),
            Map.entry("faellesspisning", List.of(
                    "Frivillige laver et måltid fra bunden, og vi spiser sammen ved lange borde.",
                    "Vi laver mad sammen og sætter os til bords bagefter. Maden er hjemmelavet og billig.",
                    "Én gang om ugen dækker vi op til fællesspisning. Kom alene eller tag en nabo med.")),
            Map.entry("aeldres-aften", List.of(
                    "Vi synger fra sangbogen, hører et foredrag eller spiller banko, og der er kaffe og kage.",
                    "Et par hyggelige timer med musik, sang og snak over kaffen.")),
            Map.entry("besoegsven", List.of(
                    "En frivillig kommer fast på besøg til en snak, en gåtur eller et spil kort.",
                    "Vi finder en besøgsven, der passer til dig, og I aftaler selv, hvornår I ses.")),
            Map.entry("telefonven", List.of(
                    "En frivillig ringer til dig på faste tidspunkter for at høre, hvordan det går.",
                    "Få en at snakke med i telefonen et par gange om ugen.")),
            Map.entry("laesekreds", List.of(
                    "Vi læser en bog om måneden og mødes for at snakke om den over en kop kaffe.",
                    "Gruppen vælger selv bøgerne, og bibliotekaren skaffer dem hjem.")),
            Map.entry("kor", List.of(
                    "Vi synger kendte sange fra Højskolesangbogen og lærer nye. Ingen krav om noder.",
                    "Et kor for alle, der kan lide at synge. Vi øver flerstemmigt og giver en koncert til jul.")),
            Map.entry("mandeklub", List.of(
                    "Mænd mødes i værkstedet, ordner cykler, laver træarbejde og drikker kaffe.",
                    "Et værksted med værktøj, kaffe og god snak. Du behøver ikke kunne noget på forhånd.")),
            Map.entry("sprogcafe", List.of(
                    "Øv dansk i en uformel snak med frivillige over en kop kaffe.",
                    "Vi snakker dansk om hverdagen og hjælper med breve og ord, der driller.")),
            Map.entry("petanque", List.of(
                    "Vi spiller petanque på banerne i parken hele året. Kugler kan lånes.",
                    "Petanque er let at lære, og vi blander holdene hver gang.")),
            Map.entry("haveklub", List.of(
                    "Vi dyrker grøntsager, krydderurter og blomster sammen og deler høsten.",
                    "Fælleshaven har højbede, så alle kan være med, også fra en stol.")));

    /** A first sentence that fits any offer. */
    static final List<String> OPENINGS = List.of("", "", "", "Velkommen til et fællesskab i nærområdet.",
            "Her kan du møde nye mennesker.", "Nye er altid velkomne.");

    /** A closing line per category (the offer's first category). */
    static final Map<String, List<String>> CLOSINGS = Map.ofEntries(
            Map.entry("motion", List.of("Alle kan være med, uanset form.", "Tempoet tilpasses holdet.",
                    "Tag tøj og sko på, du kan bevæge dig i.")),
            Map.entry("natur", List.of("Tag tøj på efter vejret.", "Turen tilpasses dem, der kommer.")),
            Map.entry("kreativ", List.of("Materialer kan lånes.", "Du behøver ikke have prøvet det før.",
                    "Tag gerne dit eget projekt med.")),
            Map.entry("socialt-samvaer", List.of("Kaffen er klar, når du kommer.",
                    "Der er altid plads til én mere ved bordet.", "Kom forbi og se, om det er noget for dig.")),
            Map.entry("faellesspisning", List.of("Sig til, hvis du ikke tåler alt.", "Tilmelding dagen før.")),
            Map.entry("kultur", List.of("Der er kaffe i pausen.", "Alle kan være med.")),
            Map.entry("laering", List.of("Du vælger selv, hvor meget du vil være med.", "Ingen forkundskaber kræves.")),
            Map.entry("besoeg", List.of("Vi matcher efter interesser.", "Alle besøgsvenner har tavshedspligt.")),
            Map.entry("samtalegruppe", List.of("Det, der siges i gruppen, bliver i gruppen.",
                    "Gruppen er lille, så der er tid til alle.")),
            Map.entry("peer", List.of("Du møder mennesker, der selv har været der.")),
            Map.entry("netvaerksgruppe", List.of("Du kan være anonym.", "Gruppen mødes hver anden uge.")),
            Map.entry("raadgivning", List.of("Du behøver ingen henvisning.", "Ring eller skriv, hvis du har spørgsmål.")),
            Map.entry("frivilligt-arbejde", List.of("Det er en god vej ind i et fællesskab.")));

    private static final String[] WEEKDAYS = {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"};

    private OfferTexts() {
    }

    /**
     * The name of one offer of a kind. The first offer of each kind keeps the template's name, so
     * the directory has each kind the seeds name by its usual name; later ones vary.
     */
    static String name(Random random, OfferTemplates.Template template, boolean first, String town) {
        if (first) {
            return template.name();
        }
        List<String> names = new ArrayList<>(NAMES.getOrDefault(template.key(), List.of()));
        names.add(template.name());
        String name = names.get(random.nextInt(names.size()));
        return random.nextInt(3) == 0 ? name + " i " + town : name;
    }

    /**
     * A description written for the offer's kind: an opening now and then, what happens there,
     * when and where, what its facts mean for the citizen, and a closing for its category. Crisis
     * offers keep their own words: a crisis line is no place for small talk.
     */
    static String description(Random random, OfferTemplates.Template template, WeeklySchedule schedule,
            String street, boolean first) {
        if (template.categories().contains("akut") || first) {
            return template.description();
        }
        List<String> bodies = new ArrayList<>(BODIES.getOrDefault(template.key(), List.of()));
        bodies.add(template.description());
        var text = new StringBuilder();
        append(text, OPENINGS.get(random.nextInt(OPENINGS.size())));
        append(text, bodies.get(random.nextInt(bodies.size())));
        switch (random.nextInt(3)) {
            case 0 -> append(text, "Vi mødes hver " + (schedule.weekInterval() == 2 ? "anden " : "")
                    + WEEKDAYS[schedule.weekday().getValue() - 1] + " kl. "
                    + schedule.opensAt().format(java.time.format.DateTimeFormatter.ofPattern("H.mm")).replace(".00", "")
                    + ".");
            case 1 -> append(text, "Vi holder til på " + street + ".");
            default -> { }
        }
        if (template.accompaniment() && random.nextBoolean()) {
            append(text, "Har du brug for det, kan en frivillig følge dig første gang.");
        }
        if (template.transport() && random.nextBoolean()) {
            append(text, "Kan du ikke selv komme frem, kan vi hjælpe med kørsel.");
        }
        if (template.free() && random.nextInt(3) == 0) {
            append(text, "Det er gratis at være med.");
        }
        List<String> closings = CLOSINGS.getOrDefault(template.categories().getFirst(), List.of());
        if (!closings.isEmpty() && random.nextInt(4) != 0) {
            append(text, closings.get(random.nextInt(closings.size())));
        }
        return text.toString();
    }

    private static void append(StringBuilder text, String sentence) {
        if (sentence.isEmpty() || text.indexOf(sentence) >= 0) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(sentence);
    }
}
