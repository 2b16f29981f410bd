/**
 * Citizen (borger, CPR, netværk, samtykke): the citizen record, district and living situation.
 * Every read and change of a citizen passes {@link dk.brobygger.citizen.CitizenAccess}.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.citizen;
