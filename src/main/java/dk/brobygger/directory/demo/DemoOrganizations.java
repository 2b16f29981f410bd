package dk.brobygger.directory.demo;

import java.util.List;

import dk.brobygger.directory.offer.OrganizationKind;

/** The organisations of the demo municipality and the kinds of offers each runs. */
final class DemoOrganizations {

    record Seed(OrganizationKind kind, String name, List<String> templates) {
    }

    private static Seed s(OrganizationKind kind, String name, String templates) {
        return new Seed(kind, name, List.of(templates.split(",")));
    }

    private static final OrganizationKind MUN = OrganizationKind.MUNICIPALITY;
    private static final OrganizationKind ASS = OrganizationKind.ASSOCIATION;
    private static final OrganizationKind VOL = OrganizationKind.VOLUNTEER_ORGANIZATION;
    private static final OrganizationKind PAT = OrganizationKind.PATIENT_ASSOCIATION;
    private static final OrganizationKind LIB = OrganizationKind.LIBRARY;
    private static final OrganizationKind EDU = OrganizationKind.EDUCATION;
    private static final OrganizationKind REG = OrganizationKind.REGION;

    static final List<Seed> ALL = List.of(
            s(LIB, "Fjordlund Hovedbibliotek", "laesekreds,strikkecafe,it-hjaelp,foredrag,sprogcafe"),
            s(LIB, "Strandby Bibliotek", "laesekreds,strikkecafe,it-hjaelp"),
            s(LIB, "Højmark Lokalbibliotek", "laesekreds,it-hjaelp,lektiecafe"),
            s(LIB, "Skovlund Bibliotek og Borgerservice", "strikkecafe,laesekreds,sprogcafe"),
            s(VOL, "Røde Kors Fjordlund", "besoegsven,telefonven,spisevenner,sprogcafe,lektiecafe"),
            s(VOL, "Røde Kors Strandby", "besoegsven,faellesspisning,sprogcafe"),
            s(VOL, "Ældre Sagen Fjordlund", "it-hjaelp,gaatur,besoegsven,aeldres-aften,telefonven"),
            s(VOL, "Ældre Sagen Højmark", "gaatur,it-hjaelp,spisevenner"),
            s(VOL, "Frivilligcenter Fjordlund", "frivilligcenter,faellesspisning,haveklub"),
            s(VOL, "Fjordlund Frivillighus", "faellesspisning,strik,kvindenetvaerk"),
            s(VOL, "Cykling uden alder Fjordlund", "cykling"),
            s(VOL, "Mødrehjælpen Fjordlund", "netvaerksgruppe,ungecafe"),
            s(VOL, "Kirkens Korshær Fjordlund", "vaeresteder,faellesspisning"),
            s(VOL, "KFUM's Sociale Arbejde", "vaeresteder,ungecafe"),
            s(VOL, "Dansk Folkehjælp Fjordlund", "spisevenner,besoegsven"),
            s(VOL, "Headspace Fjordlund", "ungeraadgivning,ungegruppe"),
            s(VOL, "Livslinien Sydøstjylland", "akuttelefon"),
            s(VOL, "Venligboerne Fjordlund", "sprogcafe,kvindenetvaerk,faellesspisning"),
            s(VOL, "Besøgstjenesten i Skovlund", "besoegsven,telefonven"),
            s(VOL, "Spisevenner Strandby", "spisevenner,faellesspisning"),
            s(PAT, "Hjerteforeningen Fjordlund", "hjerteforening,gaatur"),
            s(PAT, "Kræftens Bekæmpelse Fjordlund", "kraeftcafe,gaatur"),
            s(PAT, "Parkinsonforeningen Lokalkreds", "parkinson"),
            s(PAT, "Alzheimerforeningen Fjordlund", "demenscafe"),
            s(PAT, "Diabetesforeningen Fjordlund", "diabetes"),
            s(PAT, "Høreforeningen Fjordlund", "hoereforening"),
            s(PAT, "SIND Fjordlund", "peergruppe,netvaerksgruppe,motion-psykisk"),
            s(PAT, "Bedre Psykiatri Fjordlund", "netvaerksgruppe"),
            s(PAT, "Angstforeningen Fjordlund", "ungegruppe,peergruppe"),
            s(PAT, "Lungeforeningen Fjordlund", "kor,gaatur"),
            s(PAT, "Gigtforeningen Fjordlund", "svoemning,seniorgym"),
            s(PAT, "Landsforeningen for Efterladte", "sorggruppe"),
            s(ASS, "Strikkeklubben Maske for Maske", "strik"),
            s(ASS, "Fjordlund Gymnastikforening", "seniorgym,gaatur"),
            s(ASS, "Strandby Idrætsforening", "seniorgym,petanque,svoemning"),
            s(ASS, "Højmark Boldklub – Oldboys", "gaatur,petanque"),
            s(ASS, "Fjordlund Svømmeklub", "svoemning"),
            s(ASS, "Fjordlund Bowlingklub", "bowling"),
            s(ASS, "Petanqueklubben Kuglen", "petanque"),
            s(ASS, "Fjordlund Vandrelaug", "gaatur,naturvejleder"),
            s(ASS, "Skovlund Cykelklub", "cykling,gaatur"),
            s(ASS, "Fjordlund Byskole for Seniordans", "seniorgym,kor"),
            s(ASS, "Fjordlund Kirkekor", "kor"),
            s(ASS, "Fjordlund Kunstforening", "foredrag,museum"),
            s(ASS, "Fjordlund Lokalhistoriske Forening", "foredrag,museum"),
            s(ASS, "Fjordlund Museum", "museum,foredrag"),
            s(ASS, "Strandby Sangkor", "kor"),
            s(ASS, "Fjordlund Haveselskab", "haveklub"),
            s(ASS, "Kolonihaveforeningen Solsikken", "haveklub"),
            s(ASS, "Mændenes Hjem Fjordlund", "mandeklub,madklub"),
            s(ASS, "Mænds Mødesteder Strandby", "mandeklub,madklub"),
            s(ASS, "Pensionistforeningen Fjordlund", "aeldres-aften,bowling,foredrag"),
            s(ASS, "Pensionistforeningen Strandby", "aeldres-aften,petanque"),
            s(ASS, "Pensionistforeningen Højmark", "aeldres-aften,kor"),
            s(ASS, "Ældres aften i Skovlund", "aeldres-aften"),
            s(ASS, "Seniorklubben Fjordlund Øst", "aeldres-aften,strik,bowling"),
            s(ASS, "Fjordlund Sogn", "kirkecafe,sorggruppe"),
            s(ASS, "Strandby Sogn", "kirkecafe,kor"),
            s(ASS, "Højmark Sogn", "kirkecafe"),
            s(ASS, "Skovlund Sogn", "kirkecafe,sorggruppe"),
            s(ASS, "Beboerforeningen Vestparken", "faellesspisning,lektiecafe,ungecafe"),
            s(ASS, "Beboerhuset Østervang", "faellesspisning,kvindenetvaerk,sprogcafe"),
            s(ASS, "Fjordlund Skakklub", "foredrag"),
            s(ASS, "Fjordlund Bridgeklub", "aeldres-aften"),
            s(ASS, "Fjordlund Amatørteater", "kor,foredrag"),
            s(ASS, "Spejderne i Fjordlund", "naturvejleder,ungecafe"),
            s(ASS, "Fjordlund Roklub", "svoemning,gaatur"),
            s(ASS, "Træfpunkt Strandby", "vaeresteder,faellesspisning"),
            s(EDU, "Pensionisthøjskolen Fjordlund", "pensionisthoejskole"),
            s(EDU, "Fjordlund Aftenskole", "foredrag,kor,it-hjaelp"),
            s(EDU, "Skole for Recovery Fjordlund", "recovery"),
            s(EDU, "Fjordlund Ungdomsskole", "lektiecafe,ungecafe"),
            s(EDU, "Folkeuniversitetet i Fjordlund", "foredrag"),
            s(MUN, "Fjordlund Kommune – Aktivitetscenter Øst", "aaben-aktivitet,seniorgym,strik"),
            s(MUN, "Fjordlund Kommune – Aktivitetscenter Vest", "aaben-aktivitet,seniorgym,bowling"),
            s(MUN, "Fjordlund Kommune – Dagcentret Solgården", "dagtilbud"),
            s(MUN, "Fjordlund Kommune – Fællesteamet", "brobygning"),
            s(MUN, "Fjordlund Kommune – Ungerådgivningen", "ungeraadgivning,ungegruppe"),
            s(MUN, "Fjordlund Kommune – Socialpsykiatrien", "socialpsykiatri,vaeresteder,motion-psykisk"),
            s(MUN, "Fjordlund Kommune – Akuttilbuddet", "akuttelefon,akutplads"),
            s(MUN, "Fjordlund Kommune – Træning og Rehabilitering", "rehab"),
            s(MUN, "Fjordlund Kommune – Natur og Fritid", "naturvejleder"),
            s(MUN, "Fjordlund Kommune – Frivillighedskonsulenten", "frivilligcenter"),
            s(REG, "Region Syddanmark – Psykiatrien, F-ACT Fjordlund", "socialpsykiatri"),
            s(REG, "Region Syddanmark – Sundhedshus Fjordlund", "rehab,diabetes"));

    private DemoOrganizations() {
    }
}
