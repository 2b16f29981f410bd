/**
 * Preventive home visits (forebyggende hjemmebesøg, DOMAIN.md §1): who is due a visit in a year and
 * under which rule (Serviceloven §79a, the age rules as policy data with history), the offers made, the
 * home visitor's worklist of due visits and outreach items, the visits themselves with the loneliness
 * conversation and the "Fællesskab" tag, and the follow-up call.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.homevisit;
