package dk.brobygger.outreach;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Højrisikogruppe: why a citizen is at high risk of loneliness (Sundhedsstyrelsen, seed 001). Life
 * events happen on a date; standing factors are read from the citizen's record.
 */
public enum RiskReason {
    /** Mistet ægtefælle/samlever: the largest single risk factor. */
    LOST_SPOUSE(Kind.EVENT, "mistet_aegtefaelle"),
    /** Alvorligt syg ægtefælle/samlever. */
    SPOUSE_SERIOUSLY_ILL(Kind.EVENT, "syg_aegtefaelle"),
    /** Forladt arbejdsmarkedet. */
    LEFT_LABOUR_MARKET(Kind.EVENT, "forladt_arbejdsmarkedet"),
    /** Udskrevet fra sygehus. */
    DISCHARGED_FROM_HOSPITAL(Kind.EVENT, "udskrevet_fra_sygehus"),
    /** Afsluttet rehabiliteringsforløb. */
    FINISHED_REHABILITATION(Kind.EVENT, "afsluttet_rehabilitering"),
    /** Flyttet til et nyt område. */
    MOVED_TO_NEW_AREA(Kind.EVENT, "flyttet"),
    /** Mand, der bor alene. */
    MAN_LIVING_ALONE(Kind.FACTOR, "mand_bor_alene"),
    /** Anden etnisk baggrund end dansk (read from the preferred language). */
    OTHER_ETHNIC_BACKGROUND(Kind.FACTOR, "anden_etnisk_baggrund");

    /** A life event happens on a date; a standing factor is a fact about the citizen. */
    public enum Kind {
        EVENT, FACTOR
    }

    private final Kind kind;
    private final String danishCode;

    RiskReason(Kind kind, String danishCode) {
        this.kind = kind;
        this.danishCode = danishCode;
    }

    public Kind kind() {
        return kind;
    }

    /** The code in Danish register files, e.g. {@code mistet_aegtefaelle}. */
    public String danishCode() {
        return danishCode;
    }

    public String messageKey() {
        return "outreach.reason." + name();
    }

    /** The life event types, the ones that can be recorded. */
    public static List<RiskReason> lifeEvents() {
        return Arrays.stream(values()).filter(reason -> reason.kind == Kind.EVENT).toList();
    }

    /** A life event type by its English or Danish code, any case, "ø/æ/å" or "oe/ae/aa", spaces or underscores. */
    public static Optional<RiskReason> lifeEvent(String code) {
        String wanted = normalise(code);
        return lifeEvents().stream()
                .filter(reason -> normalise(reason.name()).equals(wanted) || normalise(reason.danishCode).equals(wanted))
                .findFirst();
    }

    private static String normalise(String code) {
        String text = code.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_')
                .replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
