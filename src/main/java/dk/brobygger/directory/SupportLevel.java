package dk.brobygger.directory;

/**
 * Gradinddeling: how much support a citizen needs to take part, and what an offer provides
 * (Hedensted's "Meningsfulde Fællesskabs gradinddeling", DOMAIN.md §3).
 */
public enum SupportLevel {
    /** Selvhjulpen: libraries, volunteer communities, associations. */
    SELF_RELIANT,
    /** Brug for følgeskab / personstøtte: a person bridges the citizen into an open activity. */
    ACCOMPANIED,
    /** Kommunal ramme: home care, day centre, district psychiatry, nursing home. */
    MUNICIPAL_FRAME;

    /** The step on the ladder, 1 to 3. */
    int step() {
        return ordinal() + 1;
    }

    public String messageKey() {
        return "supportLevel." + name();
    }
}
