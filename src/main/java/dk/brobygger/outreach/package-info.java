/**
 * Opsporing (DOMAIN.md §2): life events and standing factors that put a citizen at high risk of
 * loneliness, the configurable rules that turn them into outreach items showing why the citizen is on
 * the list, events from staff, the API, register extracts and hospital notifications.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.outreach;
