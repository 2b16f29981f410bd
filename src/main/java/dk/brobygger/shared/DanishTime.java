package dk.brobygger.shared;

import java.time.ZoneId;

/** Danish municipalities work in Danish time: the one zone for days, dates and times shown to people. */
public final class DanishTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Copenhagen");

    private DanishTime() {
    }
}
