package dk.brobygger.directory.offer;

/** What sort of organisation offers something: municipal, association, library, ... */
public enum OrganizationKind {
    MUNICIPALITY, ASSOCIATION, VOLUNTEER_ORGANIZATION, PATIENT_ASSOCIATION, LIBRARY, EDUCATION, REGION;

    public String messageKey() {
        return "organizationKind." + name();
    }
}
