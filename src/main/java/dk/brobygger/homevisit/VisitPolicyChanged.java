package dk.brobygger.homevisit;

/** An administrator put a new §79a policy in force: who is due may have changed. Published after commit. */
record VisitPolicyChanged() {
}
