/**
 * Redaktion: keeping the directory current. Municipal editors change offers directly, association
 * editors propose changes that wait in moderation, stale offers are listed, confirmed and reminded of.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.directory.editorial;
