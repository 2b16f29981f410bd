/**
 * Directory (fællesskabsportal, tilbud, forening, aktivitet): organisations, their offers,
 * locations, schedules and categories; the public search; the community card; association
 * self-service with moderation; the HSDS 3.0 API.
 */
@org.jspecify.annotations.NullMarked
package dk.brobygger.directory;
