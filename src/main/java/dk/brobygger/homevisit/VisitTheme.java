package dk.brobygger.homevisit;

/** What was talked about at the visit. */
enum VisitTheme {
    PHYSICAL, MENTAL, SOCIAL, COMMUNITY;

    public String messageKey() {
        return "visit.theme." + name();
    }
}
