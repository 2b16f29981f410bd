package dk.brobygger.directory;

import java.time.LocalTime;

/** Formiddag, eftermiddag or aften: how citizens think about when they are free. */
public enum TimeOfDay {
    MORNING, AFTERNOON, EVENING;

    public static TimeOfDay of(LocalTime start) {
        if (start.isBefore(LocalTime.NOON)) {
            return MORNING;
        }
        return start.isBefore(LocalTime.of(17, 0)) ? AFTERNOON : EVENING;
    }
}
