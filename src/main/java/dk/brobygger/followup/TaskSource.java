package dk.brobygger.followup;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Where tasks come from: a module that puts tasks on someone's list (a follow-up call agreed at a home
 * visit, a worklist line, later an unanswered referral, a course's exit date, a due measurement, a call
 * after discharge) registers one bean of this type for its kinds of task. The task list then shows each
 * task with its source's title and link and offers its source's outcome choices, without knowing the
 * source. What happens when a task is completed is the source's business: it listens to
 * {@link TaskCompleted}.
 *
 * <p>A new kind of task needs nothing in {@code followup}: open tasks with
 * {@link TaskList#open(dk.brobygger.shared.WorkRef, dk.brobygger.citizen.CitizenId, String, java.time.LocalDate)}
 * naming the work by a kind this source lists.
 */
public interface TaskSource {

    /** The kinds of task this source makes, owned by its module, e.g. {@code "homevisit.follow-up-call"}. */
    Set<String> kinds();

    /** What the task is, in a few words for the list and the task's heading. */
    Text title(Task task);

    /** The source's own page about the task's work, or null when it has none. */
    @Nullable Link link(Task task);

    /** The outcomes a task of the kind is completed with, in the order the form offers them. */
    List<Choice> choices(String kind);

    /** A message key and its arguments. */
    record Text(String key, List<Object> arguments) {

        public Text {
            arguments = List.copyOf(arguments);
        }

        public static Text of(String key, Object... arguments) {
            return new Text(key, List.of(arguments));
        }
    }

    /** A link to the source's page, with its text. */
    record Link(String href, Text text) {
    }

    /**
     * One way a task can end.
     *
     * @param code       stored as the task's outcome; upper case, e.g. {@code "JOINED_COMMUNITY"}
     * @param messageKey what the choice says
     * @param detail     the text the choice asks for (e.g. which community), or null
     */
    record Choice(String code, String messageKey, @Nullable Detail detail) {

        public static Choice of(String code, String messageKey) {
            return new Choice(code, messageKey, null);
        }

        public boolean needsDetail() {
            return detail != null;
        }
    }

    /**
     * The detail text a choice asks for.
     *
     * @param labelKey   the form field's label
     * @param missingKey the message when it is left out
     */
    record Detail(String labelKey, String missingKey) {
    }
}
