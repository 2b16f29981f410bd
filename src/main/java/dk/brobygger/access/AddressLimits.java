package dk.brobygger.access;

/**
 * How often one client address may do something that needs no login (a public form sent): the buckets the login
 * form's attempt limit keeps ({@code access_login_limit} on PostgreSQL, shared by every node; this node's memory on
 * the embedded H2 database), so a script sending a hundred forms a minute is refused whichever node it reaches.
 */
public interface AddressLimits {

    /**
     * One more use of {@code kind} (e.g. {@code "course.inquiry"}) from {@code address}; false, and nothing counted,
     * when the address has used its {@code perMinute} this minute.
     */
    boolean tryTake(String kind, String address, int perMinute);
}
