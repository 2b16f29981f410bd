/** Borgere on the web: the JSON API under /api/citizens and the staff pages under /borgere. */
@org.jspecify.annotations.NullMarked
package dk.brobygger.citizen.web;
