package dk.brobygger.citizen;

import java.util.Optional;

/**
 * One citizen read by id with a plain row mapper ({@link CitizenRowsImpl}), part of {@link Citizens}: every page
 * about a citizen reads the record through the gate, and Spring Data's generic mapping of this one row was measured
 * at about 9 % of a course page's CPU. Saving stays Spring Data's.
 */
interface CitizenRows {

    Optional<Citizen> find(CitizenId id);
}
