package dk.brobygger.directory;

/** Whether an offer runs: active, inactive (hidden from the public) or temporarily closed. */
public enum OfferStatus {
    ACTIVE, INACTIVE, TEMPORARILY_CLOSED;

    public boolean isPublic() {
        return this != INACTIVE;
    }

    public String messageKey() {
        return "offerStatus." + name();
    }

    /** The HSDS 3.0 service status. */
    public String hsds() {
        return switch (this) {
            case ACTIVE -> "active";
            case INACTIVE -> "inactive";
            case TEMPORARILY_CLOSED -> "temporarily closed";
        };
    }
}
