/**
 * Follow-up (opfølgning, opgave): due tasks on a worker's list, created by events from other
 * modules (the call agreed at a home visit) and closed with their outcome.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.followup;
