/**
 * Logning: the append-only, hash-chained audit log of every read and change of personal data,
 * its verification, the administrators' search and the citizen's "who has seen my data".
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.audit;
