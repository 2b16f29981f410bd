package dk.brobygger.citizen;

/**
 * The one seam every read and change of a citizen passes: {@link NeedToKnowCitizenAccess} asks the
 * need-to-know policy (DESIGN.md "Access to personal data": an active relation, or break the glass).
 * Refusals throw Spring Security's {@code AccessDeniedException}.
 */
interface CitizenAccess {

    /** May the current user register a citizen who is not yet known? */
    void checkMayRegister();

    /**
     * Is the current user a system delivering messages about citizens ({@code Role.SYSTEM}, e.g. the MedCom
     * intake)? Such a system may learn which citizen a message is about, and nothing more.
     */
    void checkMayIdentify();

    /** May the current user look citizens up by CPR number or name? */
    void checkMaySearch();

    /** May the current user see this citizen's record now? */
    void checkMaySee(CitizenId citizen);

    /** May the current user change this citizen's record now? */
    void checkMayChange(CitizenId citizen);

    /**
     * The citizens the current user may see now, as SQL selecting their ids (see
     * {@link dk.brobygger.access.NeedToKnow#visibleTo}); lists show only these. Empty for non-staff.
     */
    java.util.Optional<dk.brobygger.access.NeedToKnow.Subquery> visibleCitizensQuery();
}
