package dk.brobygger.directory.demo;

import java.time.DayOfWeek;
import java.util.List;

import dk.brobygger.directory.SupportLevel;

/** The kinds of offers the seeds name, as templates the generator varies (seeds 000–004). */
final class OfferTemplates {

    /** One kind of offer. {@code hours} is "weekday start end" or empty for "by agreement". */
    record Template(String key, String name, String description, List<String> categories, List<String> targetGroups,
            SupportLevel level, boolean accompaniment, boolean free, boolean transport, Integer minAge, Integer maxAge,
            DayOfWeek day, int from, int to) {
    }

    private static Template t(String key, String name, String description, String categories, String targets,
            SupportLevel level, boolean accompaniment, boolean free, boolean transport, Integer minAge, Integer maxAge,
            DayOfWeek day, int from, int to) {
        return new Template(key, name, description, List.of(categories.split(",")), List.of(targets.split(",")),
                level, accompaniment, free, transport, minAge, maxAge, day, from, to);
    }

    static final SupportLevel S = SupportLevel.SELF_RELIANT;
    static final SupportLevel A = SupportLevel.ACCOMPANIED;
    static final SupportLevel M = SupportLevel.MUNICIPAL_FRAME;

    static final List<Template> ALL = List.of(
            t("strik", "Strikkeklubben", "Vi strikker, hækler og drikker kaffe. Tag dit eget garn med, eller lån af os. Nye er altid velkomne, også hvis du aldrig har strikket før.", "kreativ,socialt-samvaer", "seniorer,alle", S, false, true, false, null, null, DayOfWeek.TUESDAY, 10, 12),
            t("gaatur", "Gåture for alle", "Vi mødes og går en tur på 3-5 km i roligt tempo. Bagefter er der kaffe for dem, der har lyst. Gåturene er et godt sted at møde nye mennesker.", "motion,natur", "seniorer,alle,ensomme", S, true, true, false, null, null, DayOfWeek.WEDNESDAY, 10, 12),
            t("seniorgym", "Seniorgymnastik", "Blid gymnastik med musik, tilpasset alle. Du kan være med fra en stol. Efter træningen drikker vi kaffe sammen.", "motion", "seniorer", S, false, false, false, 60, null, DayOfWeek.MONDAY, 9, 10),
            t("faellesspisning", "Fællesspisning", "Hver uge laver frivillige aftensmad, og vi spiser sammen ved lange borde. Tilmelding dagen før. Du kan også hjælpe i køkkenet.", "faellesspisning,socialt-samvaer", "alle,ensomme,seniorer", S, true, false, true, null, null, DayOfWeek.THURSDAY, 17, 19),
            t("aeldres-aften", "Ældres aften", "En hyggelig aften med sang, foredrag, banko eller musik. Der serveres kaffe og kage. Kørsel kan arrangeres for dem, der ikke selv kan komme.", "kultur,socialt-samvaer", "seniorer", S, true, false, true, 65, null, DayOfWeek.MONDAY, 19, 21),
            t("besoegsven", "Besøgsven", "En frivillig besøgsven kommer hjem til dig en gang om ugen til en snak, en gåtur eller en kop kaffe. Vi matcher efter interesser.", "besoeg", "ensomme,seniorer", A, true, true, false, 18, null, DayOfWeek.FRIDAY, 13, 15),
            t("telefonven", "Telefonvenner", "Få en fast telefonven, der ringer til dig et par gange om ugen. Godt, hvis du ikke kommer så meget ud.", "besoeg", "ensomme,seniorer", S, false, true, false, null, null, DayOfWeek.WEDNESDAY, 14, 15),
            t("laesekreds", "Læsekreds på biblioteket", "Vi læser en bog om måneden og mødes for at tale om den. Bibliotekaren vælger bøgerne sammen med gruppen.", "kultur,laering", "alle,seniorer", S, false, true, false, null, null, DayOfWeek.TUESDAY, 16, 18),
            t("strikkecafe", "Strikkecafé på biblioteket", "Strik og snak blandt bøgerne. Biblioteket har garn, pinde og opskrifter. Alle kan være med.", "kreativ,socialt-samvaer", "alle", S, false, true, false, null, null, DayOfWeek.THURSDAY, 14, 16),
            t("it-hjaelp", "It-hjælp og kaffe", "Frivillige hjælper med mobil, tablet, MitID og e-Boks. Tag din egen enhed med.", "laering,raadgivning", "seniorer,alle", S, false, true, false, null, null, DayOfWeek.MONDAY, 13, 15),
            t("mandeklub", "Mændenes værksted", "Et værksted hvor mænd mødes, reparerer cykler, laver træarbejde og drikker kaffe. Du behøver ikke kunne noget på forhånd.", "kreativ,socialt-samvaer", "maend,seniorer", S, true, true, false, null, null, DayOfWeek.WEDNESDAY, 9, 12),
            t("kor", "Fællessang og kor", "Vi synger fra Højskolesangbogen og lærer nye sange. Ingen krav om at kunne noder.", "kultur", "alle,seniorer", S, false, false, false, null, null, DayOfWeek.TUESDAY, 19, 21),
            t("haveklub", "Fælleshaven", "Dyrk grøntsager og blomster sammen med andre i fælleshaven. Vi deler redskaber, frø og høst.", "natur,socialt-samvaer", "alle", S, false, true, false, null, null, DayOfWeek.SATURDAY, 10, 13),
            t("sorggruppe", "Sorggruppe for efterladte", "En samtalegruppe for dig, der har mistet din ægtefælle eller partner. Vi mødes i en lille fast gruppe med en uddannet frivillig.", "samtalegruppe", "seniorer,ensomme", A, true, true, false, 18, null, DayOfWeek.THURSDAY, 14, 16),
            t("hjerteforening", "Hjertemotion", "Træning for dig med hjertesygdom, ledet af en fysioterapeut. Du kan starte efter et rehabiliteringsforløb.", "motion", "syge,seniorer", S, false, false, false, null, null, DayOfWeek.MONDAY, 15, 16),
            t("kraeftcafe", "Café for kræftramte og pårørende", "Et uformelt mødested for mennesker berørt af kræft, med kaffe, samtale og oplæg.", "samtalegruppe,socialt-samvaer", "syge,paaroerende", S, false, true, false, null, null, DayOfWeek.WEDNESDAY, 13, 15),
            t("parkinson", "Parkinsonsang og dans", "Sang og bevægelse for mennesker med Parkinsons sygdom og deres pårørende.", "motion,kultur", "syge,paaroerende", S, false, false, true, null, null, DayOfWeek.FRIDAY, 10, 12),
            t("demenscafe", "Demenscafé", "Et mødested for mennesker med demens og deres pårørende. Frivillige og en demenskoordinator er til stede.", "socialt-samvaer,raadgivning", "syge,paaroerende,seniorer", A, true, true, true, null, null, DayOfWeek.TUESDAY, 13, 15),
            t("pensionisthoejskole", "Pensionisthøjskolen", "Foredrag, ekskursioner, sang og fællesskab for pensionister. Sæsonen løber fra september til maj.", "laering,kultur", "seniorer", S, false, false, true, 60, null, DayOfWeek.THURSDAY, 10, 13),
            t("aaben-aktivitet", "Åben aktivitet i aktivitetscentret", "Kommunens aktivitetscenter har åbne aktiviteter hver dag: billard, kortspil, kreativt værksted og café. Kom forbi uden tilmelding.", "socialt-samvaer,kreativ", "seniorer,ensomme", S, true, false, true, 60, null, DayOfWeek.MONDAY, 9, 15),
            t("dagtilbud", "Dagcenter", "Dagcentret er for borgere, der har brug for støtte i hverdagen. Visiteret tilbud med transport, måltider og aktiviteter.", "socialt-samvaer", "seniorer,syge", M, false, false, true, 65, null, DayOfWeek.TUESDAY, 9, 15),
            t("ungeraadgivning", "Ungerådgivningen", "Gratis og anonym rådgivning for unge mellem 12 og 25 år. Du kan tale med en rådgiver om det, der fylder, uden henvisning.", "raadgivning", "unge", S, false, true, false, 12, 25, DayOfWeek.WEDNESDAY, 14, 18),
            t("ungegruppe", "Gruppe for unge med angst", "En gruppe for unge, der kæmper med angst eller ensomhed. Vi mødes med en psykolog og en ung med egne erfaringer.", "samtalegruppe,peer", "unge,psykisk-saarbare", A, true, true, false, 15, 25, DayOfWeek.MONDAY, 16, 18),
            t("recovery", "Skole for Recovery", "Kurser om recovery, håb og mestring, skabt af mennesker med egne erfaringer og fagfolk sammen. Du vælger selv dine kurser.", "laering,peer", "psykisk-saarbare,paaroerende", S, true, true, false, 18, null, DayOfWeek.TUESDAY, 10, 13),
            t("peergruppe", "Peergruppe – fra sårbar til stærk", "En gruppe ledet af peers med egne erfaringer med psykisk sårbarhed. Vi deler erfaringer og støtter hinanden.", "peer,samtalegruppe", "psykisk-saarbare", A, true, true, false, 18, null, DayOfWeek.THURSDAY, 13, 15),
            t("netvaerksgruppe", "Netværksgruppe for pårørende", "For forældre, søskende og andre pårørende til mennesker med psykisk sygdom. Del erfaringer og få viden.", "netvaerksgruppe,samtalegruppe", "paaroerende", S, false, true, false, null, null, DayOfWeek.WEDNESDAY, 19, 21),
            t("vaeresteder", "Værestedet", "Et åbent værested med café, aktiviteter og medarbejdere at tale med. Kom som du er, uden henvisning.", "socialt-samvaer", "psykisk-saarbare,ensomme", A, true, true, false, 18, null, DayOfWeek.MONDAY, 10, 16),
            t("akuttelefon", "Akuttelefonen", "Ring døgnet rundt, hvis du er i psykisk krise, eller hvis du er pårørende. Du kan være anonym. Ingen henvisning.", "akut,raadgivning", "psykisk-saarbare,paaroerende,alle", S, false, true, false, null, null, DayOfWeek.MONDAY, 0, 23),
            t("akutplads", "Akutpladser", "Midlertidigt ophold i en krise: hvile, omsorg, en seng og samtaler, hvor vi sammen skriver din kriseplan. Ingen diagnose eller medicin kræves.", "akut", "psykisk-saarbare", M, false, true, false, 18, null, DayOfWeek.MONDAY, 0, 23),
            t("sprogcafe", "Sprogcafé", "Øv dansk i en uformel snak med frivillige. For alle, der vil blive bedre til dansk og møde nye mennesker.", "laering,socialt-samvaer", "etniske-minoriteter", S, false, true, false, null, null, DayOfWeek.TUESDAY, 17, 19),
            t("kvindenetvaerk", "Kvindenetværk", "Et netværk for kvinder med anden etnisk baggrund end dansk. Vi laver mad, går ture og taler om livet i Danmark.", "socialt-samvaer,faellesspisning", "etniske-minoriteter", S, true, true, false, 18, null, DayOfWeek.FRIDAY, 10, 13),
            t("frivilligcenter", "Bliv frivillig", "Frivilligcentret hjælper dig med at finde frivilligt arbejde, der passer til dig. Det er en god vej ind i et fællesskab.", "frivilligt-arbejde,raadgivning", "alle", S, false, true, false, 15, null, DayOfWeek.MONDAY, 10, 14),
            t("cykling", "Cykling uden alder", "Frivillige piloter kører ture i rickshaw med ældre borgere, så de kan komme ud og mærke vinden i håret.", "natur,motion", "seniorer", A, true, true, true, null, null, DayOfWeek.SATURDAY, 10, 12),
            t("petanque", "Petanque i parken", "Vi spiller petanque i parken hele året. Kugler kan lånes.", "motion,socialt-samvaer", "seniorer,alle", S, false, false, false, null, null, DayOfWeek.FRIDAY, 14, 16),
            t("svoemning", "Morgensvømning", "Svøm i eget tempo i svømmehallen, og få en kop kaffe bagefter.", "motion", "seniorer,alle", S, false, false, false, null, null, DayOfWeek.TUESDAY, 7, 9),
            t("bowling", "Seniorbowling", "Bowling for seniorer i et hyggeligt tempo. Sko kan lånes.", "motion,socialt-samvaer", "seniorer", S, false, false, false, 60, null, DayOfWeek.WEDNESDAY, 13, 15),
            t("foredrag", "Foredrag og debat", "Aftener med foredrag om historie, natur og samfund. Kaffe i pausen.", "kultur,laering", "alle", S, false, false, false, null, null, DayOfWeek.THURSDAY, 19, 21),
            t("museum", "Museumsvenner", "Omvisninger og fællesskab for museets venner. Vi går på opdagelse i udstillingerne sammen.", "kultur", "seniorer,alle", S, false, false, false, null, null, DayOfWeek.SUNDAY, 13, 15),
            t("kirkecafe", "Kirkens café", "Kom til kaffe, sang og samtale i sognegården. Alle er velkomne uanset tro.", "socialt-samvaer", "seniorer,ensomme", S, false, true, true, null, null, DayOfWeek.WEDNESDAY, 14, 16),
            t("spisevenner", "Spisevenner", "Spis sammen med en anden ældre en gang om ugen, hjemme hos en af jer eller på en café.", "faellesspisning,besoeg", "seniorer,ensomme", A, true, false, false, 65, null, DayOfWeek.SUNDAY, 12, 14),
            t("motion-psykisk", "Motion for psykisk sårbare", "Træning i lille hold med en instruktør, der kender til psykisk sårbarhed. Vi starter roligt.", "motion", "psykisk-saarbare", A, true, true, false, 18, null, DayOfWeek.FRIDAY, 11, 12),
            t("madklub", "Madklub for mænd", "Mænd laver mad sammen og spiser bagefter. Vi lærer af hinanden.", "faellesspisning", "maend,seniorer", S, false, false, false, null, null, DayOfWeek.TUESDAY, 17, 20),
            t("naturvejleder", "Naturture med naturvejlederen", "Oplev skoven og stranden med kommunens naturvejleder. Ture tilpasset alle.", "natur,motion", "alle", S, false, true, false, null, null, DayOfWeek.SUNDAY, 10, 12),
            t("lektiecafe", "Lektiecafé", "Frivillige hjælper med lektier og opgaver. Hyggelig stemning og frugt.", "laering", "unge,etniske-minoriteter", S, false, true, false, 12, 25, DayOfWeek.MONDAY, 15, 17),
            t("ungecafe", "Ungecaféen", "Et trygt sted for unge at mødes, spille spil og lave mad sammen med voksne frivillige.", "socialt-samvaer", "unge,ensomme", S, false, true, false, 13, 25, DayOfWeek.THURSDAY, 16, 20),
            t("hoereforening", "Høreforeningens klub", "Mødested for mennesker med høretab. Teleslynge i lokalet og gode råd om høreapparater.", "socialt-samvaer,raadgivning", "syge,seniorer", S, false, true, false, null, null, DayOfWeek.WEDNESDAY, 10, 12),
            t("diabetes", "Diabetesgruppen", "Motion, madlavning og erfaringsudveksling for mennesker med diabetes.", "motion,samtalegruppe", "syge", S, false, false, false, null, null, DayOfWeek.THURSDAY, 10, 12),
            t("rehab", "Rehabiliteringshold", "Træningshold efter sygdom eller indlæggelse, ledet af kommunens terapeuter. Kræver visitation.", "motion", "syge,seniorer", M, false, true, true, null, null, DayOfWeek.TUESDAY, 13, 14),
            t("socialpsykiatri", "Bostøtte og samtaler", "Socialpsykiatriens medarbejdere støtter dig i hverdagen og hjælper dig ind i fællesskaber. Efter aftale med kommunen.", "raadgivning", "psykisk-saarbare", M, false, true, false, 18, null, DayOfWeek.WEDNESDAY, 9, 15),
            t("brobygning", "Fællesteamets brobygning", "Fællesteamet følger dig ud i et fællesskab, der passer til dig, og bliver ved din side, indtil du er faldet til.", "raadgivning,besoeg", "seniorer,ensomme", A, true, true, true, 65, null, DayOfWeek.MONDAY, 9, 15));

    private OfferTemplates() {
    }
}
