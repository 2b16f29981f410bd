package dk.brobygger.shared;

import java.time.ZoneId;

/** Danish municipalities work in Danish time: the one zone for days, dates and times shown to people. */
public final class DanishTime {

    /** The zone's name, for annotations such as {@code @Scheduled(zone = DanishTime.NAME)}. */
    public static final String NAME = "Europe/Copenhagen";

    public static final ZoneId ZONE = ZoneId.of(NAME);

    private DanishTime() {
    }
}
