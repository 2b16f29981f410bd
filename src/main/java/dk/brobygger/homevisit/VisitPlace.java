package dk.brobygger.homevisit;

/** Where the visit takes place. */
enum VisitPlace {
    HOME, PHONE, VIDEO, OTHER;

    public String messageKey() {
        return "visit.place." + name();
    }
}
