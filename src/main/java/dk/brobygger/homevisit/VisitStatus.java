package dk.brobygger.homevisit;

enum VisitStatus {
    PLANNED, HELD, CANCELLED;

    public String messageKey() {
        return "visit.status." + name();
    }
}
