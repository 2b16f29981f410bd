package dk.brobygger.audit;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dk.brobygger.shared.DanishTime;

import org.springframework.context.MessageSource;

/**
 * One line of the citizen's access report: accesses of the same kind (the same person, role, team, action and
 * purpose) that follow each other within a short window, told once with how many times and from when to when.
 * Four minutes of a nurse's browsing read as one line, not eleven; the audit log itself keeps every record.
 *
 * @param latest   the newest access of the group
 * @param earliest the oldest access of the group
 * @param count    how many accesses the group holds
 */
public record CitizenAccessGroup(CitizenAccess latest, CitizenAccess earliest, int count) {

    /** Accesses of the same kind no further apart than this are one line. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    /** Groups accesses given newest first; the groups come newest first too. */
    public static List<CitizenAccessGroup> of(List<CitizenAccess> newestFirst, Duration window) {
        List<CitizenAccessGroup> groups = new ArrayList<>();
        for (CitizenAccess access : newestFirst) {
            // A group of the same kind whose oldest access is at most the window later takes this one.
            int joined = -1;
            for (int i = groups.size() - 1; i >= 0; i--) {
                var group = groups.get(i);
                boolean near = Duration.between(access.at(), group.earliest().at()).compareTo(window) <= 0;
                if (near && group.latest().sameKindAs(access)) {
                    joined = i;
                    break;
                }
            }
            if (joined < 0) {
                groups.add(new CitizenAccessGroup(access, access, 1));
            } else {
                var group = groups.get(joined);
                groups.set(joined, new CitizenAccessGroup(group.latest(), access, group.count() + 1));
            }
        }
        return List.copyOf(groups);
    }

    /** The line in plain words, e.g. "… så dine oplysninger den 3. december 2026 kl. 10:00–10:04 (5 gange) …". */
    public String sentence(MessageSource messages, Locale locale) {
        if (count == 1) {
            return latest.sentence(messages, locale);
        }
        String pattern = messages.getMessage("audit.citizen.timeFormat", null, "d. MMMM yyyy HH:mm", locale);
        var from = earliest.at().atZone(DanishTime.ZONE);
        var until = latest.at().atZone(DanishTime.ZONE);
        String when = DateTimeFormatter.ofPattern(pattern, locale).format(from)
                + (from.toLocalDate().equals(until.toLocalDate())
                        ? "–" + DateTimeFormatter.ofPattern("HH:mm", locale).format(until)
                        : " – " + DateTimeFormatter.ofPattern(pattern, locale).format(until))
                + " " + messages.getMessage("audit.citizen.times", new Object[] {count}, locale);
        return latest.sentence(messages, locale, when);
    }
}
