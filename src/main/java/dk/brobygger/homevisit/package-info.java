/**
 * Preventive home visits (forebyggende hjemmebesøg, DOMAIN.md §1): who is due a visit, the visits
 * themselves with the loneliness conversation and the "Fællesskab" tag, and the follow-up call.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.homevisit;
