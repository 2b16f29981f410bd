/**
 * Follow-up (opfølgning, opgave): the one task list for every kind of work. A {@link dk.brobygger.followup.Task}
 * names the work it is for (a {@link dk.brobygger.shared.WorkRef}); the module that does the work is its
 * {@link dk.brobygger.followup.TaskSource} (title, link, outcome choices) and opens and completes its tasks
 * through {@link dk.brobygger.followup.TaskList}. Other modules' set-based queries read the published view
 * {@code followup_task_view}, never the table.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.followup;
