package dk.brobygger.course;

/**
 * Youth advisory (12–25 years, DOMAIN.md §4): parents and siblings are offered a network group. Where a relative is:
 * offered one, joined it, or declined.
 */
public enum NetworkGroup {
    OFFERED, JOINED, DECLINED;

    public String messageKey() {
        return "course.networkGroup." + name();
    }
}
