/**
 * Outcome (måling, spørgeskema): instruments as data (DOMAIN.md §9) — items, answer options,
 * scoring, conversion table and licence note — and citizens' scores with the instrument version
 * they were given with, so change over time can be read. Only freely usable instruments ship;
 * a municipality loads its own licensed definitions (WEMWBS, ORS/SRS …) as files.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.outcome;
