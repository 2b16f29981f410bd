package dk.brobygger.homevisit;

import java.time.LocalDate;
import java.util.UUID;

import dk.brobygger.citizen.CitizenId;

import org.jspecify.annotations.Nullable;

/**
 * One line of the home visitor's worklist: a due §79a visit or an open outreach item, why the citizen
 * is on it, and who has it.
 *
 * @param reasonKey  message key of the reason ("homevisit.rule.TURNS", "outreach.reason.LOST_SPOUSE")
 * @param reasonArgs the ages for a §79a rule
 * @param reasonDate the event's date for an outreach item, otherwise null
 * @param item       the outreach item, for {@link Kind#OUTREACH}
 */
public record WorklistEntry(Kind kind, CitizenId citizen, String name, @Nullable String address,
        @Nullable String district, int age, String reasonKey, Object[] reasonArgs, @Nullable LocalDate reasonDate,
        @Nullable UUID item, @Nullable String offerStatusKey, @Nullable Task task) {

    /** A due visit or an outreach item. */
    public enum Kind {
        VISIT, OUTREACH
    }

    /** Who took the line, and how it ended. */
    public record Task(UUID id, String assignedTo, String takenBy, @Nullable String outcome,
            @Nullable LocalDate outcomeOn) {

        public boolean closed() {
            return outcome != null;
        }
    }

    public @Nullable String assignedTo() {
        return task == null ? null : task.assignedTo();
    }

    /** A stable key for the page's forms: the item for outreach, citizen and kind for a visit. */
    public String key() {
        return kind == Kind.OUTREACH ? "o-" + item : "v-" + citizen.value();
    }
}
