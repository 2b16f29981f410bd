package dk.brobygger.course;

/** Socialstyrelsen's eight recommendations for relatives' involvement (DOMAIN.md §5), a checklist on a course. */
public enum Recommendation {
    EARLY_CONTACT, TARGETED_EFFORT, CHILDREN_AND_YOUNG, COORDINATION, USER_ORGANISATIONS, COMPETENCE, FOLLOW_UP,
    MANAGEMENT;

    public String messageKey() {
        return "course.recommendation." + name();
    }
}
