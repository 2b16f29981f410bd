package dk.brobygger.audit;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dk.brobygger.shared.DanishTime;
import dk.brobygger.access.Role;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * One line of "hvem har set mine data": who, in which role and team, did what with the citizen's record,
 * when and why.
 *
 * @param who  the user's display name, or the username if the user no longer exists
 * @param team the team's name
 */
public record CitizenAccess(Instant at, String who, Role role, @Nullable String team, AuditAction action,
        String purpose) {

    private static final ZoneId DANISH_TIME = DanishTime.ZONE;

    static CitizenAccess of(AuditRecord record, String who, @Nullable String team) {
        var entry = record.entry();
        return new CitizenAccess(record.recordedAt(), who, entry.role(), team, entry.action(), entry.purpose());
    }

    /** The message key of the sentence, e.g. {@code audit.citizen.read}, in the {@code i18n/audit} bundle. */
    public String messageKey() {
        return "audit.citizen." + action.name().toLowerCase(Locale.ROOT);
    }

    /** The access told in one sentence, e.g. "Hanne Hjemmebesøg (medarbejder) så dine oplysninger ...". */
    public String sentence(MessageSource messages, Locale locale) {
        String pattern = messages.getMessage("audit.citizen.timeFormat", null, "d. MMMM yyyy HH:mm", locale);
        return sentence(messages, locale, DateTimeFormatter.ofPattern(pattern, locale).format(at.atZone(DANISH_TIME)));
    }

    String sentence(MessageSource messages, Locale locale, String when) {
        String roleName = messages.getMessage("audit.role." + role.name(), null, role.name(), locale);
        String whoWithRole = team == null ? who + " (" + roleName + ")" : who + " (" + roleName + ", " + team + ")";
        return messages.getMessage(messageKey(), new Object[] {whoWithRole, when, purpose}, locale);
    }

    /** Accesses of the same kind: the same person, role, team, action and purpose. */
    boolean sameKindAs(CitizenAccess other) {
        return who.equals(other.who) && role == other.role && java.util.Objects.equals(team, other.team)
                && action == other.action && purpose.equals(other.purpose);
    }
}
