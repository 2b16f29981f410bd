package dk.brobygger.homevisit;

/** The parts of the conversation about loneliness and community that Vejle names (DOMAIN.md §1). */
enum ConversationElement {
    /** Rum til at tale om ensomhed. */
    ROOM_TO_TALK,
    /** Aftabuisering og normalisering af ensomhed. */
    DETABOO,
    /** Viden om lokale fællesskaber og tilbud. */
    LOCAL_COMMUNITIES,
    /** Viden om kørsel og transport. */
    TRANSPORT,
    /** Vejledning til handling, f.eks. via fællesskabsportalen. */
    GUIDANCE;

    public String messageKey() {
        return "visit.element." + name();
    }
}
