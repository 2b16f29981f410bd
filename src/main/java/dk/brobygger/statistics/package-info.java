/**
 * Statistics (ledelsesinformation): read models over the other modules' tables, shown as charts
 * and tables and exported as CSV and XLSX. Never exposes a person: counts from 1 to 4 are shown as
 * "<5" everywhere a figure leaves the case view (DOMAIN.md §11), shares of fewer than 5 are not shown.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.statistics;
