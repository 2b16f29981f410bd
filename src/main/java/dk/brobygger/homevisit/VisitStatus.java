package dk.brobygger.homevisit;

public enum VisitStatus {
    PLANNED, HELD, CANCELLED;

    public String messageKey() {
        return "visit.status." + name();
    }
}
