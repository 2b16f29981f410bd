/**
 * Forebyggende hjemmebesøg (Serviceloven §79a, DOMAIN.md §1): who is due a preventive home visit in a
 * year and under which rule, the age rules as policy data with history, the offers made, and the home
 * visitor's worklist of due visits and outreach items.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.homevisit;
