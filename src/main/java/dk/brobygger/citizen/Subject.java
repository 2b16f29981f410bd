package dk.brobygger.citizen;

/**
 * Whom a record is about: a citizen in the register ({@link CitizenId}), or someone without identity
 * ({@link AnonymousSubject}, e.g. an anonymous caller to the acute phone), who never enters the citizen
 * register or a citizen's audit trail. The gate ({@link CitizenRecords}) handles both.
 */
public sealed interface Subject permits CitizenId, AnonymousSubject {
}
