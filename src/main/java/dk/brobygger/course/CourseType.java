package dk.brobygger.course;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Forløbstype: a kind of course as data (a municipality edits the shipped ones and adds its own): its phases with
 * planned length and intensity, the team that runs it unless the host chooses another, the instrument for baseline
 * and follow-up (module {@code outcome}), whether a peer host is offered, an age band (youth 12–25), and whether it
 * carries a shared problem analysis (integrated effort) or the citizen's own goals (medication pedagogy).
 */
public record CourseType(UUID id, String code, String name, String description, String defaultTeam,
        @Nullable String instrumentCode, boolean peerHostOffered, @Nullable Integer minAge, @Nullable Integer maxAge,
        boolean sharedAnalysis, boolean ownGoals, boolean active, List<Phase> phases, long version, String changedBy,
        Instant changedAt) {

    /** The shipped short course of Én indgang, the default when a host starts a course. */
    public static final String SHORT_COURSE = "kort-forloeb";

    public CourseType {
        phases = List.copyOf(phases);
    }

    /**
     * One phase: its planned length in weeks and the planned intensity in contacts a week (1 weekly, 0.5 every two
     * weeks, 0.25 monthly).
     */
    public record Phase(int position, String name, int plannedWeeks, double contactsPerWeek) {

        /** The intensity in words: weekly, every two weeks, monthly, or a number a week. */
        public String intensityKey() {
            if (contactsPerWeek == 1.0) {
                return "course.intensity.weekly";
            }
            if (contactsPerWeek == 0.5) {
                return "course.intensity.fortnightly";
            }
            if (contactsPerWeek == 0.25) {
                return "course.intensity.monthly";
            }
            return "course.intensity.perWeek";
        }

        /** Contacts a week as text, for the "{0} pr. uge" message and the form. */
        public String contactsPerWeekText() {
            return contactsPerWeek == Math.rint(contactsPerWeek) ? String.valueOf((long) contactsPerWeek)
                    : String.format(Locale.ROOT, "%.2f", contactsPerWeek).replaceAll("0+$", "").replace('.', ',');
        }
    }

    public Phase phase(int position) {
        return phases.get(Math.max(0, Math.min(position, phases.size() - 1)));
    }

    public int lastPhase() {
        return phases.size() - 1;
    }

    public int totalWeeks() {
        return phases.stream().mapToInt(Phase::plannedWeeks).sum();
    }

    /** Is a citizen of this age within the type's age band (a type without one fits everyone)? */
    public boolean fitsAge(int age) {
        return (minAge == null || age >= minAge) && (maxAge == null || age <= maxAge);
    }

    /** The version in one line, for the history. */
    public String summary() {
        var text = new StringBuilder(name).append(": ");
        for (Phase phase : phases) {
            text.append(phase.position() == 0 ? "" : " → ").append(phase.name()).append(' ')
                    .append(phase.plannedWeeks()).append(" uger, ").append(phase.contactsPerWeekText())
                    .append(" kontakt pr. uge");
        }
        text.append("; team ").append(defaultTeam);
        if (instrumentCode != null) {
            text.append("; måling ").append(instrumentCode);
        }
        if (peerHostOffered) {
            text.append("; peervært tilbydes");
        }
        if (minAge != null || maxAge != null) {
            text.append("; alder ").append(minAge == null ? "" : minAge).append('–').append(maxAge == null ? "" : maxAge);
        }
        if (sharedAnalysis) {
            text.append("; fælles problemanalyse");
        }
        if (ownGoals) {
            text.append("; egne mål");
        }
        if (!active) {
            text.append("; ikke i brug");
        }
        return text.toString();
    }
}
