/**
 * Access (medarbejder, team, rolle): users, roles, login and the security baseline.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.access;
